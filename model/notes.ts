import * as Y from 'yjs'
import { newItemId } from './ids'
import type { NoteId, ParticipantId } from './ids'
import { LIMITS } from './limits'
import { compareOrder, isOrderKey, orderBetween } from './order'
import { LOCAL, notesOf } from './schema'
import type { ZoneId } from './zones'

export interface NewNote {
  readonly zone: ZoneId
  readonly text: string
  readonly author: ParticipantId
  readonly createdAt?: number
}

export interface NotePlace {
  readonly zone: ZoneId
  /** The note to place this one before; null or absent places it at the end of the zone. */
  readonly beforeId?: NoteId | null
}

/** Thrown for input the model refuses, with a stable code for messages. */
export class ModelError extends Error {
  constructor(readonly code: 'empty' | 'tooLong' | 'unknownNote' | 'boardFull') {
    super(code)
  }
}

function cleanText(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') throw new ModelError('empty')
  if (trimmed.length > LIMITS.noteLength) throw new ModelError('tooLong')
  return trimmed
}

interface Sortable {
  readonly id: NoteId
  readonly order: string
}

function zoneOrder(doc: Y.Doc, zone: ZoneId, except?: NoteId): Sortable[] {
  const list: Sortable[] = []
  notesOf(doc).forEach((note, id) => {
    const order = note.get('order')
    // A note can lack a valid key for a while: Yjs applies a move's delete of the old key even
    // when the new key still waits for earlier updates. orderBetween would throw on it.
    if (id !== except && note.get('zone') === zone && isOrderKey(order)) list.push({ id, order })
  })
  return list.sort(compareOrder)
}

/** The order key that places a note at `place`, between its new neighbours. */
function orderFor(doc: Y.Doc, place: NotePlace, except?: NoteId): string {
  const list = zoneOrder(doc, place.zone, except)
  const index = place.beforeId == null ? -1 : list.findIndex((n) => n.id === place.beforeId)
  const after = index === -1 ? null : (list[index]?.order ?? null)
  const beforeIndex = (index === -1 ? list.length : index) - 1
  const before = list[beforeIndex]?.order ?? null
  // Equal neighbour keys (concurrent appends) leave no room between them: go past the tie.
  if (before !== null && after !== null && before >= after) {
    const next = list.find((n) => n.order > before)?.order ?? null
    return orderBetween(before, next)
  }
  return orderBetween(before, after)
}

/** Adds a note at the end of its zone and returns its id. */
export function addNote(doc: Y.Doc, input: NewNote): NoteId {
  const text = cleanText(input.text)
  if (notesOf(doc).size >= LIMITS.notesPerBoard) throw new ModelError('boardFull')
  const id = newItemId()
  doc.transact(() => {
    const note = new Y.Map<unknown>()
    note.set('zone', input.zone)
    note.set('text', new Y.Text(text))
    note.set('author', input.author)
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * Replaces a note's text by editing only the changed middle part, so that a concurrent edit
 * by someone else elsewhere in the text survives.
 */
export function editNoteText(doc: Y.Doc, id: NoteId, next: string): void {
  const text = noteText(doc, id)
  const wanted = cleanText(next)
  const current = text.toString()
  if (current === wanted) return
  let start = 0
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++
  let end = 0
  while (
    end < current.length - start &&
    end < wanted.length - start &&
    current[current.length - 1 - end] === wanted[wanted.length - 1 - end]
  )
    end++
  // Never split a surrogate pair: Yjs stores text as UTF-8 and would turn a lone half into U+FFFD.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  if (end > 0 && isHighSurrogate(current.charCodeAt(current.length - end - 1))) end--
  doc.transact(() => {
    const removed = current.length - start - end
    if (removed > 0) text.delete(start, removed)
    const inserted = wanted.slice(start, wanted.length - end)
    if (inserted !== '') text.insert(start, inserted)
  }, LOCAL)
}

/** Moves a note to another zone and/or position by writing one fractional order key. */
export function moveNote(doc: Y.Doc, id: NoteId, place: NotePlace): void {
  const note = noteMap(doc, id)
  if (place.beforeId === id) return
  const order = orderFor(doc, place, id)
  doc.transact(() => {
    if (note.get('zone') !== place.zone) note.set('zone', place.zone)
    note.set('order', order)
  }, LOCAL)
}

/** Deletes a note. */
export function deleteNote(doc: Y.Doc, id: NoteId): void {
  noteMap(doc, id)
  doc.transact(() => notesOf(doc).delete(id), LOCAL)
}
