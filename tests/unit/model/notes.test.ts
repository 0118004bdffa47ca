import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../model/limits'
import { addNote, deleteNote, editNoteText, moveNote, noteText } from '../../../model/notes'
import { LOCAL, notesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import type { ZoneId } from '../../../model/zones'
import { capture, exchange, newDoc, twoPeers } from '../../helpers/peers'

const ALICE = 'alice-participant'
const BOB = 'bob-participant'

function ids(doc: Y.Doc, zone: ZoneId): string[] {
  return toBoardView(doc).zones[zone].notes.map((n) => n.id)
}

function texts(doc: Y.Doc, zone: ZoneId): string[] {
  return toBoardView(doc).zones[zone].notes.map((n) => n.text)
}

describe('addNote', () => {
  it('stores a trimmed note with author, time, zone and order', () => {
    const doc = newDoc()
    const before = Date.now()
    const id = addNote(doc, { zone: 'steigen', text: '  Gute Stimmung \n', author: ALICE })
    const note = toBoardView(doc).zones.steigen.notes[0]
    expect(note).toMatchObject({ id, zone: 'steigen', text: 'Gute Stimmung', author: ALICE, clusterId: null })
    expect(note?.createdAt).toBeGreaterThanOrEqual(before)
    expect(note?.createdAt).toBeLessThanOrEqual(Date.now())
    expect(notesOf(doc).get(id)?.get('text')).toBeInstanceOf(Y.Text)
  })

  it('keeps a given creation time', () => {
    const doc = newDoc()
    const id = addNote(doc, { zone: 'einheizen', text: 'x', author: ALICE, createdAt: 42 })
    expect(notesOf(doc).get(id)?.get('createdAt')).toBe(42)
  })

  it('refuses empty and blank text', () => {
    const doc = newDoc()
    expect(() => addNote(doc, { zone: 'steigen', text: '', author: ALICE })).toThrowModelError('empty')
    expect(() => addNote(doc, { zone: 'steigen', text: ' \n\t ', author: ALICE })).toThrowModelError('empty')
    expect(notesOf(doc).size).toBe(0)
  })

  it('refuses text over the limit, counting after trimming', () => {
    const doc = newDoc()
    const tooLong = 'a'.repeat(LIMITS.noteLength + 1)
    expect(() => addNote(doc, { zone: 'steigen', text: tooLong, author: ALICE })).toThrowModelError('tooLong')
    expect(notesOf(doc).size).toBe(0)
    const padded = `   ${'a'.repeat(LIMITS.noteLength)}   `
    const id = addNote(doc, { zone: 'steigen', text: padded, author: ALICE })
    expect(noteText(doc, id).length).toBe(LIMITS.noteLength)
  })

  it('appends in zone order, each zone on its own', () => {
    const doc = newDoc()
    const a = addNote(doc, { zone: 'steigen', text: 'eins', author: ALICE })
    const x = addNote(doc, { zone: 'untenHalten', text: 'anders', author: ALICE })
    const b = addNote(doc, { zone: 'steigen', text: 'zwei', author: BOB })
    const c = addNote(doc, { zone: 'steigen', text: 'drei', author: ALICE })
    expect(ids(doc, 'steigen')).toEqual([a, b, c])
    expect(ids(doc, 'untenHalten')).toEqual([x])
    expect(ids(doc, 'einheizen')).toEqual([])
  })

  it('makes one update per note with the local origin', () => {
    const doc = newDoc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const updates = capture(doc, () => addNote(doc, { zone: 'steigen', text: 'x', author: ALICE }))
    expect(updates).toHaveLength(1)
    expect(origins).toEqual([LOCAL])
  })

  it('refuses a note beyond the board limit', () => {
    const doc = newDoc()
    doc.transact(() => {
      for (let i = 0; i < LIMITS.notesPerBoard; i++) notesOf(doc).set(`n${i}`, new Y.Map())
    })
    expect(() => addNote(doc, { zone: 'steigen', text: 'x', author: ALICE })).toThrowModelError('boardFull')
  })
})

describe('editNoteText', () => {
  it('changes only the differing middle of the text', () => {
    const doc = newDoc()
    const id = addNote(doc, { zone: 'steigen', text: 'Das Team hält zusammen', author: ALICE })
    const deltas: unknown[] = []
    noteText(doc, id).observe((event) => deltas.push(event.delta))
    editNoteText(doc, id, 'Das Team hält fest zusammen')
    expect(noteText(doc, id).toString()).toBe('Das Team hält fest zusammen')
    expect(deltas).toEqual([[{ retain: 14 }, { insert: 'fest ' }]])
  })

  it('deletes only what was removed', () => {
    const doc = newDoc()
    const id = addNote(doc, { zone: 'steigen', text: 'abcdef', author: ALICE })
    const deltas: unknown[] = []
    noteText(doc, id).observe((event) => deltas.push(event.delta))
    editNoteText(doc, id, 'abef')
    expect(deltas).toEqual([[{ retain: 2 }, { delete: 2 }]])
  })

  it('does nothing when the text is unchanged after trimming', () => {
    const doc = newDoc()
    const id = addNote(doc, { zone: 'steigen', text: 'gleich', author: ALICE })
    expect(capture(doc, () => editNoteText(doc, id, '  gleich '))).toHaveLength(0)
  })

  it('refuses empty and over-long text and leaves the note as it was', () => {
    const doc = newDoc()
    const id = addNote(doc, { zone: 'steigen', text: 'bleibt', author: ALICE })
    expect(() => editNoteText(doc, id, '  ')).toThrowModelError('empty')
    expect(() => editNoteText(doc, id, 'x'.repeat(LIMITS.noteLength + 1))).toThrowModelError('tooLong')
    expect(noteText(doc, id).toString()).toBe('bleibt')
  })

  it('refuses an unknown note', () => {
    const doc = newDoc()
    expect(() => editNoteText(doc, 'nope', 'x')).toThrowModelError('unknownNote')
  })

  it('keeps concurrent edits in different parts of one text', () => {
    const [a, b] = twoPeers()
    const id = addNote(a, { zone: 'untenHalten', text: 'Zu viele Meetings am Montag', author: ALICE })
    exchange(a, b)
    editNoteText(a, id, 'Zu viele lange Meetings am Montag')
    editNoteText(b, id, 'Zu viele Meetings am Montag und Freitag')
    exchange(a, b)
    expect(noteText(a, id).toString()).toBe('Zu viele lange Meetings am Montag und Freitag')
    expect(noteText(b, id).toString()).toBe(noteText(a, id).toString())
  })

  it('keeps a concurrent deletion and insertion', () => {
    const [a, b] = twoPeers()
    const id = addNote(a, { zone: 'steigen', text: 'eins zwei drei', author: ALICE })
    exchange(a, b)
    editNoteText(a, id, 'eins drei')
    editNoteText(b, id, 'eins zwei drei vier')
    exchange(a, b)
    expect(noteText(a, id).toString()).toBe('eins drei vier')
    expect(noteText(b, id).toString()).toBe('eins drei vier')
  })

  it('never splits a surrogate pair, locally or across peers', () => {
    // 😀 U+1F600 and 😁 U+1F601 share their high surrogate; so do 👍 U+1F44D and 👎 U+1F44E.
    const cases: [string, string][] = [
      ['a😀b', 'a😁b'],
      ['😀', '😁'],
      ['x😀', 'x😁'],
      ['😀x', '😁x'],
      ['👍👍', '👍👎'],
      ['👍👎👍', '👍👍'],
      ['a👍', 'a👍👎'],
      ['ab', 'a😀b'],
      ['a😀😁b', 'a😁b'],
    ]
    for (const [from, to] of cases) {
      const [a, b] = twoPeers()
      const id = addNote(a, { zone: 'steigen', text: from, author: ALICE })
      exchange(a, b)
      editNoteText(a, id, to)
      exchange(a, b)
      expect(noteText(a, id).toString(), `${from} -> ${to}`).toBe(to)
      expect(noteText(b, id).toString(), `${from} -> ${to} remote`).toBe(to)
      expect(noteText(b, id).toString()).not.toContain('\uFFFD')
    }
  })

  it('keeps emoji whole when two peers edit around them at once', () => {
    const [a, b] = twoPeers()
    const id = addNote(a, { zone: 'steigen', text: '🎈 hoch 🔥', author: ALICE })
    exchange(a, b)
    editNoteText(a, id, '🎈🎈 hoch 🔥')
    editNoteText(b, id, '🎈 hoch 🔥🔥')
    exchange(a, b)
    expect(noteText(a, id).toString()).toBe('🎈🎈 hoch 🔥🔥')
    expect(noteText(b, id).toString()).toBe('🎈🎈 hoch 🔥🔥')
  })
})

describe('deleteNote', () => {
  it('removes the note from the doc and the view', () => {
    const doc = newDoc()
    const a = addNote(doc, { zone: 'steigen', text: 'A', author: ALICE })
    const b = addNote(doc, { zone: 'steigen', text: 'B', author: ALICE })
    deleteNote(doc, a)
    expect(notesOf(doc).has(a)).toBe(false)
    expect(ids(doc, 'steigen')).toEqual([b])
    expect(toBoardView(doc).noteCount).toBe(1)
    expect(texts(doc, 'steigen')).toEqual(['B'])
  })

  it('refuses an unknown or already deleted note', () => {
    const doc = newDoc()
    const a = addNote(doc, { zone: 'steigen', text: 'A', author: ALICE })
    deleteNote(doc, a)
    expect(() => deleteNote(doc, a)).toThrowModelError('unknownNote')
  })

  it('wins over a concurrent edit and move', () => {
    const [p, q] = twoPeers()
    const a = addNote(p, { zone: 'steigen', text: 'A', author: ALICE })
    exchange(p, q)
    deleteNote(p, a)
    editNoteText(q, a, 'A2')
    moveNote(q, a, { zone: 'einheizen' })
    exchange(p, q)
    expect(toBoardView(p).noteCount).toBe(0)
    expect(toBoardView(q)).toEqual(toBoardView(p))
  })
})
