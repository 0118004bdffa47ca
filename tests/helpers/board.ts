import * as Y from 'yjs'
import { activateLocal } from '../../client/sync/activeBoard'
import { initBoard } from '../../model/board'
import type { Actor } from '../../model/identity'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { writeProgress } from '../../model/reveal'
import { membersOf } from '../../model/schema'
import type { Phase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import type { Settings } from '../../model/settings'
import type { ZoneId } from '../../model/zones'

export const ME: Actor = { participantId: 'me-participant-1', role: 'participant' }
export const MOD: Actor = { participantId: 'mod-1', role: 'moderator' }
export const OTHER = 'other-participant'

const running: (() => void)[] = []

/** Makes docs the active board, as activateLocal does, until the test ends (or `stop()`). */
export function activate(doc: Y.Doc, actor: Actor, privateDoc: Y.Doc = new Y.Doc()): () => void {
  const stop = activateLocal(doc, actor, privateDoc)
  running.push(stop)
  return stop
}

/** Stops every board a test activated (component-setup.ts, after each test). */
export function stopLocalBoards(): void {
  for (const stop of running.splice(0)) stop()
}

export interface LocalBoardOptions {
  readonly actor?: Actor
  readonly phase?: Phase
  readonly settings?: Partial<Settings>
  /** Any further change to the doc before it becomes active. */
  readonly setup?: (doc: Y.Doc) => void
}

/**
 * A local board (no server) titled "Sprint 42" with the given notes (by another participant
 * unless said), phase and settings, and a private doc; active in the stores as `actor` (me, a
 * participant, unless said) until `stop()` or the end of the test.
 */
export function localBoard(
  notes: ReadonlyArray<{ readonly zone: ZoneId; readonly text: string; readonly author?: string }> = [],
  { actor = ME, phase, settings = {}, setup }: LocalBoardOptions = {},
): { doc: Y.Doc; privateDoc: Y.Doc; ids: string[]; stop: () => void } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sprint 42' })
  const ids = notes.map((n) => addNote(doc, { zone: n.zone, text: n.text, author: n.author ?? OTHER }))
  if (phase) setPhase(doc, phase)
  for (const [name, value] of Object.entries(settings)) setSetting(doc, name as keyof Settings, value as never)
  setup?.(doc)
  const privateDoc = new Y.Doc()
  const stop = activate(doc, actor, privateDoc)
  return { doc, privateDoc, ids, stop }
}

/** Publishes a participant's progress as the server does: only for someone who joined the board. */
export function progressOfMember(doc: Y.Doc, participant: string, privateDoc: Y.Doc): void {
  doc.transact(() => membersOf(doc).set(participant, true))
  writeProgress(doc, participant, privateDoc)
}
