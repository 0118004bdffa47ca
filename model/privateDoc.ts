import * as Y from 'yjs'
import { cleanInput, ModelError } from './errors'
import { newItemId } from './ids'
import type { NoteId } from './ids'
import { LIMITS } from './limits'
import { LOCAL } from './schema'
import { replaceText } from './text'
import type { ZoneId } from './zones'

/**
 * Each participant's private doc (`<boardId>/p/<participantId>`), which only its author and the
 * server can read: draft notes while the collecting phase is private, the ballot while voting,
 * and the "fertig" mark.
 */
export const PRIVATE_ROOTS = ['drafts', 'ballot', 'status'] as const
export const DRAFT_KEYS = ['zone', 'text', 'createdAt'] as const

export function draftsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('drafts')
}

export function ballotOf(doc: Y.Doc): Y.Map<number> {
  return doc.getMap('ballot')
}

export function statusOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('status')
}

export function declarePrivateRoots(doc: Y.Doc): void {
  draftsOf(doc)
  ballotOf(doc)
  statusOf(doc)
}

/** Writes a draft note into the private doc and returns its id (kept when it is revealed). */
export function addDraft(doc: Y.Doc, input: { zone: ZoneId; text: string; createdAt?: number }): NoteId {
  const text = cleanInput(input.text, LIMITS.noteLength)
  // Refused here, before anything is sent: the text stays with its author (the guard refuses the same).
  if (draftsOf(doc).size >= LIMITS.draftsPerParticipant) throw new ModelError('draftLimit')
  const id = newItemId()
  doc.transact(() => {
    const d = new Y.Map<unknown>()
    d.set('zone', input.zone)
    d.set('text', new Y.Text(text))
    d.set('createdAt', input.createdAt ?? Date.now())
    draftsOf(doc).set(id, d)
  }, LOCAL)
  return id
}

export function editDraft(doc: Y.Doc, id: NoteId, next: string): void {
  const text = draftsOf(doc).get(id)?.get('text')
  if (!(text instanceof Y.Text)) throw new ModelError('unknownNote')
  const wanted = cleanInput(next, LIMITS.noteLength)
  doc.transact(() => replaceText(text, wanted), LOCAL)
}

export function moveDraft(doc: Y.Doc, id: NoteId, zone: ZoneId): void {
  const d = draftsOf(doc).get(id)
  if (!d) throw new ModelError('unknownNote')
  doc.transact(() => d.set('zone', zone), LOCAL)
}

export function deleteDraft(doc: Y.Doc, id: NoteId): void {
  if (!draftsOf(doc).has(id)) throw new ModelError('unknownNote')
  doc.transact(() => draftsOf(doc).delete(id), LOCAL)
}

/** Marks (or unmarks) "fertig": the others see who is done writing. */
export function setDone(doc: Y.Doc, done: boolean): void {
  doc.transact(() => statusOf(doc).set('done', done), LOCAL)
}

export interface VoteLimits {
  readonly votesPerPerson: number
  readonly maxVotesPerItem: number
}

export function votesUsed(doc: Y.Doc): number {
  let used = 0
  ballotOf(doc).forEach((n) => (used += n))
  return used
}

/** Adds (+1) or takes back (-1) one vote on a cluster or unclustered note, within the limits. */
export function castVote(doc: Y.Doc, targetId: string, delta: 1 | -1, limits: VoteLimits): void {
  const ballot = ballotOf(doc)
  const current = ballot.get(targetId) ?? 0
  const next = current + delta
  if (next < 0) return
  if (delta > 0 && votesUsed(doc) >= limits.votesPerPerson) throw new ModelError('noVotesLeft')
  // Taking a vote back is always possible, even over a limit the moderator lowered meanwhile.
  if (delta > 0 && next > limits.maxVotesPerItem) throw new ModelError('itemLimit')
  doc.transact(() => {
    if (next === 0) ballot.delete(targetId)
    else ballot.set(targetId, next)
  }, LOCAL)
}
