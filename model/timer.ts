import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'

/**
 * The countdown, in server time. Running: it ends at `endsAt`. Paused: `remainingMs` are left.
 * Clients correct their own clock by the offset the server tells them on connect.
 */
export type TimerState =
  | { readonly state: 'running'; readonly endsAt: number; readonly durationMs: number }
  | { readonly state: 'paused'; readonly remainingMs: number; readonly durationMs: number }

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000

export function isTimerState(value: unknown): value is TimerState {
  if (typeof value !== 'object' || value === null) return false
  const t = value as Record<string, unknown>
  const duration = t.durationMs
  if (typeof duration !== 'number' || !(duration > 0 && duration <= MAX_TIMER_MS)) return false
  if (t.state === 'running') return typeof t.endsAt === 'number' && Number.isFinite(t.endsAt) && Object.keys(t).length === 3
  if (t.state === 'paused')
    return typeof t.remainingMs === 'number' && t.remainingMs >= 0 && t.remainingMs <= MAX_TIMER_MS && Object.keys(t).length === 3
  return false
}

/** Milliseconds left at server time `now` (0 when over or stopped). */
export function remainingMs(timer: TimerState | null, now: number): number {
  if (!timer) return 0
  return timer.state === 'paused' ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}

function write(doc: Y.Doc, timer: TimerState | null): void {
  doc.transact(() => {
    if (timer) metaOf(doc).set('timer', timer)
    else metaOf(doc).delete('timer')
  }, LOCAL)
}

function clampDuration(ms: number): number {
  return Math.max(1000, Math.min(MAX_TIMER_MS, Math.round(ms)))
}

/** Starts a countdown of `durationMs` at server time `now`. */
export function startTimer(doc: Y.Doc, durationMs: number, now: number): void {
  const d = clampDuration(durationMs)
  write(doc, { state: 'running', endsAt: now + d, durationMs: d })
}

export function pauseTimer(doc: Y.Doc, timer: TimerState, now: number): void {
  if (timer.state !== 'running') return
  write(doc, { state: 'paused', remainingMs: remainingMs(timer, now), durationMs: timer.durationMs })
}

export function resumeTimer(doc: Y.Doc, timer: TimerState, now: number): void {
  if (timer.state !== 'paused') return
  write(doc, { state: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs })
}

/** Adds time to a running or paused countdown (or one that just ended). */
export function extendTimer(doc: Y.Doc, timer: TimerState, extraMs: number, now: number): void {
  const left = remainingMs(timer, now)
  const durationMs = clampDuration(timer.durationMs + extraMs)
  if (timer.state === 'paused') write(doc, { state: 'paused', remainingMs: Math.min(MAX_TIMER_MS, left + extraMs), durationMs })
  else write(doc, { state: 'running', endsAt: now + Math.min(MAX_TIMER_MS, left + extraMs), durationMs })
}

export function stopTimer(doc: Y.Doc): void {
  write(doc, null)
}
