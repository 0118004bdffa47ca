import type { NoteId } from '../../model/ids'
import * as notes from '../../model/notes'
import type { NotePlace } from '../../model/notes'
import { writesDrafts } from '../../model/permissions'
import { addDraft, deleteDraft, draftsOf, editDraft, moveDraft } from '../../model/privateDoc'
import type { ZoneId } from '../../model/zones'
import { useBoard } from './board'
import { run } from './run'

/**
 * What components may do to notes. While the collecting phase is private, a new note is a
 * draft in my private doc; otherwise it goes on the board. Edits find the note where it is.
 */
export function addNote(zone: ZoneId, text: string) {
  return run(({ doc, privateDoc, actor }) => {
    const board = useBoard.getState()
    if (writesDrafts(board)) addDraft(privateDoc, { zone, text })
    else notes.addNote(doc, { zone, text, author: board.settings.anonymous ? null : actor.participantId })
  })
}

export function editNote(id: NoteId, text: string) {
  return run(({ doc, privateDoc }) => {
    if (draftsOf(privateDoc).has(id)) editDraft(privateDoc, id, text)
    else notes.editNoteText(doc, id, text)
  })
}

export function moveNote(id: NoteId, place: NotePlace) {
  return run(({ doc, privateDoc }) => {
    if (draftsOf(privateDoc).has(id)) moveDraft(privateDoc, id, place.zone)
    else notes.moveNote(doc, id, place)
  })
}

export function deleteNote(id: NoteId) {
  return run(({ doc, privateDoc }) => {
    if (draftsOf(privateDoc).has(id)) deleteDraft(privateDoc, id)
    else notes.deleteNote(doc, id)
  })
}
