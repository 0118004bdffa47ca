import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'
import type { BoardView, NoteView } from './view'
import { ZONE_IDS, isZoneId } from './zones'
import type { ZoneId } from './zones'

/**
 * The Präsentation's page: in Aufdecken and Clustern the moderator pages the shared screen through
 * the notes, zone by zone, `PRESENTATION_PAGE_SIZE` notes at a time. `meta.presentation` holds the
 * zone and page shown; absent, the screen shows the overview of all three zones. Only the
 * moderator writes it (rules.ts).
 */
export interface PresentationPage {
  readonly zone: ZoneId
  /** 0-based page within the zone. */
  readonly page: number
}

/** Notes on one page: six fit in large type at 1280×720 (three columns, two rows). */
export const PRESENTATION_PAGE_SIZE = 6
/** A zone holds at most a few hundred notes; a page number beyond this is no page. */
export const MAX_PRESENTATION_PAGE = 999

export function isPresentationPage(value: unknown): value is PresentationPage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const p = value as Record<string, unknown>
  return (
    isZoneId(p.zone) &&
    typeof p.page === 'number' &&
    Number.isInteger(p.page) &&
    p.page >= 0 &&
    p.page <= MAX_PRESENTATION_PAGE &&
    Object.keys(p).length === 2
  )
}

/** Shows a page on the shared screen, or the overview with null. */
export function setPresentationPage(doc: Y.Doc, page: PresentationPage | null): void {
  doc.transact(() => {
    if (page) metaOf(doc).set('presentation', { zone: page.zone, page: page.page })
    else metaOf(doc).delete('presentation')
  }, LOCAL)
}

/** A note as the screen reads it: with the title of its cluster, if any ('' for an untitled one). */
export interface PresentedNote {
  readonly note: NoteView
  readonly cluster: { readonly id: string; readonly title: string } | null
}

type Zones = Pick<BoardView, 'zones'>

/** A zone's notes in reading order: each cluster's notes in the clusters' order, then the loose ones. */
export function presentedNotes(board: Zones, zone: ZoneId): readonly PresentedNote[] {
  const z = board.zones[zone]
  const grouped = z.clusters.flatMap((c) => c.notes.map((note) => ({ note, cluster: { id: c.id, title: c.title } })))
  return [...grouped, ...z.loose.map((note) => ({ note, cluster: null }))]
}

/** How many pages a zone takes (0 when it has no notes). */
export function pageCount(board: Zones, zone: ZoneId): number {
  return Math.ceil(presentedNotes(board, zone).length / PRESENTATION_PAGE_SIZE)
}

/** The notes on a page; fewer on the last one, none past the end. */
export function pageNotes(board: Zones, page: PresentationPage): readonly PresentedNote[] {
  const start = page.page * PRESENTATION_PAGE_SIZE
  return presentedNotes(board, page.zone).slice(start, start + PRESENTATION_PAGE_SIZE)
}

/** Every page in board order: the zones in turn, empty zones skipped. */
export function allPages(board: Zones): readonly PresentationPage[] {
  return ZONE_IDS.flatMap((zone) => Array.from({ length: pageCount(board, zone) }, (_, page) => ({ zone, page })))
}

/**
 * The page `delta` steps from `current`: from the overview forward to the first page (backward
 * to the last), past either end back to the overview (null). A page that no longer exists (notes
 * were grouped or deleted) counts as the last page of its zone.
 */
export function stepPage(board: Zones, current: PresentationPage | null, delta: 1 | -1): PresentationPage | null {
  const pages = allPages(board)
  if (!current) return (delta === 1 ? pages[0] : pages[pages.length - 1]) ?? null
  const index = positionOf(pages, current)
  if (index < 0) return (delta === 1 ? pages[0] : pages[pages.length - 1]) ?? null
  return pages[index + delta] ?? null
}

/** The index of a page in `pages`, a stale page mapped to its zone's last page (-1 when the zone has none). */
export function positionOf(pages: readonly PresentationPage[], current: PresentationPage): number {
  let last = -1
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!
    if (p.zone !== current.zone) continue
    if (p.page === current.page) return i
    if (p.page < current.page) last = i
  }
  return last
}
