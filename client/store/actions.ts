import * as notes from '../../model/notes'
import { ModelError } from '../../model/notes'
import type { NotePlace } from '../../model/notes'
import type { NoteId } from '../../model/ids'
import type { ZoneId } from '../../model/zones'
import { activeBoard } from '../sync/activeBoard'

/**
 * What components may do to the board. Each action calls the model on the active doc; the
 * stores follow through the doc's update event. Refusals come back as the model's error code.
 */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly code: ModelError['code'] | 'noBoard' }

function run(change: () => void): ActionResult {
  if (!activeBoard()) return { ok: false, code: 'noBoard' }
  try {
    change()
    return { ok: true }
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, code: error.code }
    throw error
  }
}

export function addNote(zone: ZoneId, text: string): ActionResult {
  return run(() => {
    const board = activeBoard()!
    notes.addNote(board.doc, { zone, text, author: board.actor.participantId })
  })
}

export function editNote(id: NoteId, text: string): ActionResult {
  return run(() => notes.editNoteText(activeBoard()!.doc, id, text))
}

export function moveNote(id: NoteId, place: NotePlace): ActionResult {
  return run(() => notes.moveNote(activeBoard()!.doc, id, place))
}

export function deleteNote(id: NoteId): ActionResult {
  return run(() => notes.deleteNote(activeBoard()!.doc, id))
}
