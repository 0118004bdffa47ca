import * as Y from 'yjs'
import { initBoard } from '../../model/board'
import type { Actor } from '../../model/identity'
import { addNote } from '../../model/notes'
import type { ZoneId } from '../../model/zones'
import { activateLocal } from '../../client/sync/activeBoard'

export const ME: Actor = { participantId: 'me-participant-1', role: 'participant' }
export const OTHER = 'other-participant'

/** A local board (no server) with the given notes, active in the stores. */
export function localBoard(
  notes: ReadonlyArray<{ readonly zone: ZoneId; readonly text: string; readonly author?: string }> = [],
  actor: Actor = ME,
): { doc: Y.Doc; ids: string[]; stop: () => void } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sprint 42' })
  const ids = notes.map((n) => addNote(doc, { zone: n.zone, text: n.text, author: n.author ?? OTHER }))
  const stop = activateLocal(doc, actor)
  return { doc, ids, stop }
}
