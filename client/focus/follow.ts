import type { Focus } from '../../model/focus'
import type { BoardView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { flag, persistedPreference } from '../store/preference'
import { boardKeys } from '../sync/credentials'

const follows = (boardId: string) => persistedPreference(boardKeys(boardId).follow, flag())

/** Whether this browser follows the moderator's highlight on this board (off unless chosen). */
export const loadFollow = (boardId: string): boolean => follows(boardId).read()
export const saveFollow = (boardId: string, follow: boolean): void => follows(boardId).write(follow)

/** The id of the element that shows a focus (rendered by the notes and clusters). */
export function focusElementId(focus: Focus): string {
  return `${focus.kind}-${focus.id}`
}

/** The note's text or the cluster's title; '' for an untitled cluster, null when not found. */
export function focusText(board: BoardView, focus: Focus | null): string | null {
  if (!focus) return null
  for (const zone of ZONE_IDS) {
    const z = board.zones[zone]
    if (focus.kind === 'note') {
      const note = z.notes.find((n) => n.id === focus.id)
      if (note) return note.text
    } else {
      const cluster = z.clusters.find((c) => c.id === focus.id)
      if (cluster) return cluster.title
    }
  }
  return null
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/**
 * Scrolls the element with `id` into view; false when it is not on the page. An element inside
 * something hidden (a note in a collapsed cluster) cannot be scrolled to, so the nearest shown
 * element with an id around it is (the cluster).
 */
export function scrollToElement(id: string): boolean {
  const element = document.getElementById(id)
  if (!element) return false
  const target = element.closest('[hidden]')?.parentElement?.closest<HTMLElement>('[id]') ?? element
  target.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'center', inline: 'nearest' })
  return true
}

/** Scrolls the focused element of the board into view; false when it is not on the page. */
export function scrollToFocus(focus: Focus): boolean {
  return scrollToElement(focusElementId(focus))
}
