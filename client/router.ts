import { useSyncExternalStore } from 'react'

/** A router in a few functions: the SPA has a handful of routes and needs no library for them. */
const NAVIGATE = 'ballonfahrt:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE, onChange)
  }
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE))
}

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]+)\/?$/
const REPORT_PATH = /^\/b\/([A-Za-z0-9_-]+)\/ergebnis\/?$/
const PRESENTATION_PATH = /^\/b\/([A-Za-z0-9_-]+)\/praesentation\/?$/
const SERIES_PATH = /^\/b\/([A-Za-z0-9_-]+)\/reihe\/?$/

/** The board id of a `/b/<boardId>/reihe` path (the series of meetings), or null. */
export function seriesBoardIdOf(path: string): string | null {
  return SERIES_PATH.exec(path)?.[1] ?? null
}

export const seriesPath = (boardId: string): string => `/b/${boardId}/reihe`

/** The board id of a `/b/<boardId>` path, or null. */
export function boardIdOf(path: string): string | null {
  return BOARD_PATH.exec(path)?.[1] ?? null
}

/** The board id of a `/b/<boardId>/ergebnis` path (the report), or null. */
export function reportBoardIdOf(path: string): string | null {
  return REPORT_PATH.exec(path)?.[1] ?? null
}

/** The board id of a `/b/<boardId>/praesentation` path (the shared-screen view), or null. */
export function presentationBoardIdOf(path: string): string | null {
  return PRESENTATION_PATH.exec(path)?.[1] ?? null
}

export const boardPath = (boardId: string): string => `/b/${boardId}`
export const reportPath = (boardId: string): string => `/b/${boardId}/ergebnis`
export const presentationPath = (boardId: string): string => `/b/${boardId}/praesentation`

/** `/e/<code>`: choosing a forum of an event (the code and QR lead here). */
const EVENT_CODE_PATH = /^\/e\/([A-Za-z0-9 -]{8,12})\/?$/
/** `/v/<eventId>`: the event's overview (organiser or forum host). */
const EVENT_PATH = /^\/v\/([A-Za-z0-9_-]{22})\/?$/

/** `/e/<code>/aushang`: the printable slide for the door (QR code, code and link). */
const DOOR_SLIDE_PATH = /^\/e\/([A-Za-z0-9 -]{8,12})\/aushang\/?$/
/** `/v/<eventId>/bericht`: the combined report as a page (organiser or forum host). */
const EVENT_REPORT_PATH = /^\/v\/([A-Za-z0-9_-]{22})\/bericht\/?$/

export const eventCodePath = (code: string): string => `/e/${encodeURIComponent(code)}`
export const doorSlidePath = (code: string): string => `/e/${encodeURIComponent(code)}/aushang`
export const eventPath = (eventId: string): string => `/v/${eventId}`
export const eventReportPath = (eventId: string): string => `/v/${eventId}/bericht`

export function eventCodeOf(path: string): string | null {
  return EVENT_CODE_PATH.exec(path)?.[1] ?? null
}

export function doorSlideCodeOf(path: string): string | null {
  return DOOR_SLIDE_PATH.exec(path)?.[1] ?? null
}

export function eventIdOf(path: string): string | null {
  return EVENT_PATH.exec(path)?.[1] ?? null
}

export function eventReportIdOf(path: string): string | null {
  return EVENT_REPORT_PATH.exec(path)?.[1] ?? null
}

/** The privacy notice (Datenschutzhinweise); its language follows the interface. */
export const PRIVACY_PATH = '/datenschutz'
const PRIVACY = /^\/(datenschutz|privacy)\/?$/

export function isPrivacyPath(path: string): boolean {
  return PRIVACY.test(path)
}

/** The accessibility statement (Erklärung zur Barrierefreiheit); its language follows the interface. */
export const ACCESSIBILITY_PATH = '/barrierefreiheit'
const ACCESSIBILITY = /^\/(barrierefreiheit|accessibility)\/?$/

export function isAccessibilityPath(path: string): boolean {
  return ACCESSIBILITY.test(path)
}
