import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'
import type { BoardView, NoteView } from './view'
import { ZONE_IDS } from './zones'
import type { ZoneId } from './zones'

/**
 * Besprechen: in Maßnahmen the moderator steps through the items with the most votes, one at a
 * time; `meta.discussion` holds the id of the cluster or unclustered note under discussion.
 */
export interface DiscussionItem {
  readonly id: string
  readonly kind: 'cluster' | 'note'
  readonly zone: ZoneId
  /** The cluster's title ('' when it has none) or the note's text. */
  readonly title: string
  readonly notes: readonly NoteView[]
  readonly votes: number
}

export function isDiscussion(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 40
}

/** Puts a cluster or unclustered note up for discussion, or ends the discussion with null. */
export function setDiscussion(doc: Y.Doc, id: string | null): void {
  doc.transact(() => {
    if (id) metaOf(doc).set('discussion', id)
    else metaOf(doc).delete('discussion')
  }, LOCAL)
}

/** What to discuss, most votes first; equal votes keep the zones' and the board's order. Items without votes are left out. */
export function discussionItems(board: Pick<BoardView, 'zones' | 'tally'>): readonly DiscussionItem[] {
  const items: DiscussionItem[] = []
  for (const zone of ZONE_IDS) {
    const z = board.zones[zone]
    for (const c of z.clusters) items.push({ id: c.id, kind: 'cluster', zone, title: c.title, notes: c.notes, votes: board.tally[c.id] ?? 0 })
    for (const n of z.loose) items.push({ id: n.id, kind: 'note', zone, title: n.text, notes: [n], votes: board.tally[n.id] ?? 0 })
  }
  // Array.prototype.sort is stable: equal votes keep the order pushed above.
  return items.filter((item) => item.votes > 0).sort((a, b) => b.votes - a.votes)
}

/** The item `delta` steps from `current` (the first one when nothing is discussed); null past either end. */
export function stepDiscussion(items: readonly DiscussionItem[], current: string | null, delta: 1 | -1): string | null {
  const index = items.findIndex((item) => item.id === current)
  if (index < 0) return items[0]?.id ?? null
  return items[index + delta]?.id ?? null
}
