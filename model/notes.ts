import * as Y from 'yjs'
import { newItemId } from './ids'
import type { NoteId, ParticipantId } from './ids'
import { cleanInput, ModelError } from './errors'
import { LIMITS } from './limits'
import { orderInZone } from './order'
import { LOCAL, notesOf } from './schema'
import { replaceText } from './text'
import type { ZoneId } from './zones'

export interface NewNote {
  readonly zone: ZoneId
  readonly text: string
  /** null on anonymous boards: the note carries no author id. */
  readonly author: ParticipantId | null
  readonly createdAt?: number
  /** Keeps a given id (a revealed draft keeps its draft's id, so a reveal runs once). */
  readonly id?: NoteId
}

export interface NotePlace {
  readonly zone: ZoneId
  /** The note to place this one before; null or absent places it at the end of the zone. */
  readonly beforeId?: NoteId | null
}

function cleanText(text: string): string {
  return cleanInput(text, LIMITS.noteLength)
}

/** The order key that places a note at `place`, between its new neighbours. */
function orderFor(doc: Y.Doc, place: NotePlace, except?: NoteId): string {
  return orderInZone(notesOf(doc), place.zone, place.beforeId ?? null, except)
}

/** Adds a note at the end of its zone and returns its id. */
export function addNote(doc: Y.Doc, input: NewNote): NoteId {
  const text = cleanText(input.text)
  if (notesOf(doc).size >= LIMITS.notesPerBoard) throw new ModelError('boardFull')
  const id = input.id ?? newItemId()
  doc.transact(() => {
    const note = new Y.Map<unknown>()
    note.set('zone', input.zone)
    note.set('text', new Y.Text(text))
    if (input.author !== null) note.set('author', input.author)
    note.set('createdAt', input.createdAt ?? Date.now())
    note.set('order', orderFor(doc, { zone: input.zone }))
    note.set('clusterId', null)
    notesOf(doc).set(id, note)
  }, LOCAL)
  return id
}

function noteMap(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  const note = notesOf(doc).get(id)
  if (!note) throw new ModelError('unknownNote')
  return note
}

/** The note's collaborative text, for editors that apply character-level changes. */
export function noteText(doc: Y.Doc, id: NoteId): Y.Text {
  const text = noteMap(doc, id).get('text')
  if (!(text instanceof Y.Text)) throw new ModelError('unknownNote')
  return text
}

/**
 * Replaces a note's text by editing only the changed middle part, so that a concurrent edit
 * by someone else elsewhere in the text survives.
 */
export function editNoteText(doc: Y.Doc, id: NoteId, next: string): void {
  const text = noteText(doc, id)
  const wanted = cleanText(next)
  if (text.toString() === wanted) return
  doc.transact(() => replaceText(text, wanted), LOCAL)
}

/** Moves a note to another zone and/or position by writing one fractional order key. */
export function moveNote(doc: Y.Doc, id: NoteId, place: NotePlace): void {
  const note = noteMap(doc, id)
  if (place.beforeId === id) return
  const order = orderFor(doc, place, id)
  doc.transact(() => {
    if (note.get('zone') !== place.zone) {
      note.set('zone', place.zone)
      // A cluster lives in one zone: a note moved to another zone leaves its cluster.
      if (note.get('clusterId') != null) note.set('clusterId', null)
    }
    note.set('order', order)
  }, LOCAL)
}

/** Deletes a note. */
export function deleteNote(doc: Y.Doc, id: NoteId): void {
  noteMap(doc, id)
  doc.transact(() => notesOf(doc).delete(id), LOCAL)
}

/** Marks a note "Zitat" (or not): the report quotes it, attributed generically (moderator only). */
export function setQuote(doc: Y.Doc, id: NoteId, quote: boolean): void {
  const note = noteMap(doc, id)
  doc.transact(() => {
    if (quote) note.set('quote', true)
    else note.delete('quote')
  }, LOCAL)
}
