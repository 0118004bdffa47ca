import * as Y from 'yjs'
import { isItemId } from './ids'
import type { ParticipantId } from './ids'
import { LIMITS } from './limits'
import { addNote } from './notes'
import { ballotOf, draftsOf, statusOf, votesUsed } from './privateDoc'
import { LOCAL, actionsOf, clustersOf, membersOf, metaOf, notesOf, progressOf, votesOf } from './schema'
import { isZoneId, ZONE_IDS } from './zones'
import type { ZoneId } from './zones'

/**
 * What the server does between a participant's private doc and the board. Every function is
 * idempotent, so a crash between the two docs' writes is repaired by running it again.
 */

/**
 * Bytes a revealed note may take in the stored board, counted generously: its text and id as
 * UTF-8 plus the fields, the order key and Yjs's bookkeeping of one map entry.
 */
export function revealedNoteBytes(id: string, text: string): number {
  return new TextEncoder().encode(text).length + id.length + 256
}

/** What the board may still grow by; a reveal shares it between all participants' drafts. */
export interface ByteBudget {
  bytes: number
}

/**
 * What the server's own writes (reveal, tally, an imported board) may fill of a board capped at
 * `cap` that holds `stored` bytes: up to the cap less a reserve (a tenth of the cap, at most
 * 64 KiB), so that the moderation can still work on a board they filled.
 */
export function budgetUnder(cap: number, stored: number): ByteBudget {
  const reserve = Math.min(64 * 1024, cap / 10)
  return { bytes: Math.max(0, cap - reserve - stored) }
}

/** What one published total costs the board at most (its key, the number, the item around them). */
export function tallyEntryBytes(target: string): number {
  return new TextEncoder().encode(target).length + 32
}

/**
 * Moves every draft of `privateDoc` into the board, keeping its id, then clears the drafts.
 * A draft whose id is already on the board was moved before and is only cleared. A draft that
 * would take the board past its byte cap (`budget`, shared by one reveal) stays a draft, so a
 * reveal never fills the board beyond what every later change is refused for.
 */
export function revealDrafts(
  board: Y.Doc,
  privateDoc: Y.Doc,
  author: ParticipantId,
  anonymous: boolean,
  budget: ByteBudget = { bytes: Infinity },
): number {
  const drafts = draftsOf(privateDoc)
  const notes = notesOf(board)
  const moved: string[] = []
  board.transact(() => {
    drafts.forEach((draft, id) => {
      const zone = draft.get('zone')
      const text = draft.get('text')
      if (!notes.has(id) && text instanceof Y.Text) {
        const cost = revealedNoteBytes(id, text.toString().slice(0, LIMITS.noteLength))
        if (cost > budget.bytes) return
        budget.bytes -= cost
      }
      moved.push(id)
      if (notes.has(id) || notes.size >= LIMITS.notesPerBoard || !isFreeNoteId(board, id)) return
      const createdAt = draft.get('createdAt')
      // Blank text (e.g. two tabs deleting different words) would make addNote throw on every run.
      if (!isZoneId(zone) || !(text instanceof Y.Text) || text.toString().trim() === '') return
      addNote(board, {
        id,
        zone,
        text: text.toString().slice(0, LIMITS.noteLength),
        author: anonymous ? null : author,
        ...(typeof createdAt === 'number' && { createdAt }),
      })
    })
  }, LOCAL)
  if (moved.length > 0) privateDoc.transact(() => moved.forEach((id) => drafts.delete(id)), LOCAL)
  return moved.length
}

/** The rules' id check for the server's own write: an item id no cluster or Maßnahme holds. */
function isFreeNoteId(board: Y.Doc, id: string): boolean {
  return isItemId(id) && !clustersOf(board).has(id) && !actionsOf(board).has(id)
}

export interface Progress {
  readonly counts: Readonly<Record<ZoneId, number>>
  readonly done: boolean
  /** Votes cast so far (how many, never on what). */
  readonly votes: number
}

/**
 * Publishes how many drafts and votes a participant has and whether it is done (no text, no
 * targets). Only for members (who joined the board itself; their number is capped): a fresh
 * secret that only opened its private doc would otherwise add one "fertig" each.
 */
export function writeProgress(board: Y.Doc, participant: ParticipantId, privateDoc: Y.Doc): void {
  if (!membersOf(board).has(participant)) return
  const counts: Record<ZoneId, number> = { steigen: 0, untenHalten: 0, einheizen: 0 }
  draftsOf(privateDoc).forEach((draft) => {
    const zone = draft.get('zone')
    if (isZoneId(zone)) counts[zone]++
  })
  const done = statusOf(privateDoc).get('done') === true
  const votes = votesUsed(privateDoc)
  const next: Progress = { counts, done, votes }
  const current = progressOf(board).get(participant) as Partial<Progress> | undefined
  const same = current && current.done === done && (current.votes ?? 0) === votes && ZONE_IDS.every((z) => current.counts?.[z] === counts[z])
  // Someone who has written nothing, cast no vote and is not done leaves no trace on the board.
  const nothing = !current && !done && votes === 0 && ZONE_IDS.every((z) => counts[z] === 0)
  if (!same && !nothing) board.transact(() => progressOf(board).set(participant, next), LOCAL)
}

/**
 * Adds up the ballots and publishes the totals (when the moderator ends the vote). An imported
 * board's own totals count as one more ballot, so reopening and ending the vote keeps them.
 */
export function writeTally(board: Y.Doc, ballots: Iterable<Y.Doc>, budget: ByteBudget = { bytes: Infinity }): { written: number; left: number } {
  const totals = new Map<string, number>()
  const imported = metaOf(board).get('importedVotes')
  if (typeof imported === 'object' && imported !== null) {
    for (const [target, count] of Object.entries(imported)) if (Number.isInteger(count) && count > 0) totals.set(target, count as number)
  }
  for (const doc of ballots) {
    ballotOf(doc).forEach((count, target) => {
      if (Number.isInteger(count) && count > 0) totals.set(target, (totals.get(target) ?? 0) + count)
    })
  }
  const votes = votesOf(board)
  // Within the budget, the largest totals first: what does not fit is left out (and counted),
  // never the board filled past what every later change is refused for.
  const changed = [...totals].filter(([key, total]) => votes.get(key) !== total).sort((a, b) => b[1] - a[1])
  let written = 0
  board.transact(() => {
    for (const key of [...votes.keys()]) if (!totals.has(key)) votes.delete(key)
    for (const [key, total] of changed) {
      const cost = tallyEntryBytes(key)
      if (cost > budget.bytes) continue
      budget.bytes -= cost
      votes.set(key, total)
      written++
    }
  }, LOCAL)
  return { written, left: changed.length - written }
}

/** Removes the published totals (when voting is opened again). */
export function clearTally(board: Y.Doc): void {
  const votes = votesOf(board)
  if (votes.size > 0) board.transact(() => [...votes.keys()].forEach((k) => votes.delete(k)), LOCAL)
}

/** On an anonymous board, notes keep no author id. */
export function stripAuthors(board: Y.Doc): number {
  let stripped = 0
  board.transact(() => {
    notesOf(board).forEach((note) => {
      if (note.has('author')) {
        note.delete('author')
        stripped++
      }
    })
  }, LOCAL)
  return stripped
}
