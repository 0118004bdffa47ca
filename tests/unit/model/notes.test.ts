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

describe('moveNote', () => {
  function threeNotes(doc: Y.Doc): [string, string, string] {
    return [
      addNote(doc, { zone: 'steigen', text: 'A', author: ALICE }),
      addNote(doc, { zone: 'steigen', text: 'B', author: ALICE }),
      addNote(doc, { zone: 'steigen', text: 'C', author: ALICE }),
    ]
  }

  it('moves a note to the end of another zone', () => {
    const doc = newDoc()
    const [a, b, c] = threeNotes(doc)
    const x = addNote(doc, { zone: 'einheizen', text: 'X', author: ALICE })
    moveNote(doc, b, { zone: 'einheizen' })
    expect(ids(doc, 'steigen')).toEqual([a, c])
    expect(ids(doc, 'einheizen')).toEqual([x, b])
    expect(toBoardView(doc).zones.einheizen.notes[1]?.zone).toBe('einheizen')
  })

  it('moves a note before another one in another zone', () => {
    const doc = newDoc()
    const [a, b, c] = threeNotes(doc)
    const x = addNote(doc, { zone: 'einheizen', text: 'X', author: ALICE })
    const y = addNote(doc, { zone: 'einheizen', text: 'Y', author: ALICE })
    moveNote(doc, a, { zone: 'einheizen', beforeId: y })
    expect(ids(doc, 'einheizen')).toEqual([x, a, y])
    expect(ids(doc, 'steigen')).toEqual([b, c])
  })

  it('reorders within a zone', () => {
    const doc = newDoc()
    const [a, b, c] = threeNotes(doc)
    moveNote(doc, c, { zone: 'steigen', beforeId: a })
    expect(ids(doc, 'steigen')).toEqual([c, a, b])
    moveNote(doc, c, { zone: 'steigen', beforeId: b })
    expect(ids(doc, 'steigen')).toEqual([a, c, b])
    moveNote(doc, a, { zone: 'steigen', beforeId: null })
    expect(ids(doc, 'steigen')).toEqual([c, b, a])
    moveNote(doc, b, { zone: 'steigen' })
    expect(ids(doc, 'steigen')).toEqual([c, a, b])
  })

  it('writes only the order key when staying in the zone, and nothing when placed before itself', () => {
    const doc = newDoc()
    const [a, , c] = threeNotes(doc)
    const changed: string[][] = []
    notesOf(doc).get(c)?.observe((event) => changed.push([...event.keysChanged]))
    moveNote(doc, c, { zone: 'steigen', beforeId: a })
    expect(changed).toEqual([['order']])
    expect(capture(doc, () => moveNote(doc, c, { zone: 'steigen', beforeId: c }))).toHaveLength(0)
  })

  it('appends when beforeId is unknown or in another zone', () => {
    const doc = newDoc()
    const [a, b, c] = threeNotes(doc)
    const x = addNote(doc, { zone: 'einheizen', text: 'X', author: ALICE })
    moveNote(doc, a, { zone: 'steigen', beforeId: 'gone' })
    expect(ids(doc, 'steigen')).toEqual([b, c, a])
    moveNote(doc, b, { zone: 'steigen', beforeId: x })
    expect(ids(doc, 'steigen')).toEqual([c, a, b])
  })

  it('refuses an unknown note', () => {
    const doc = newDoc()
    expect(() => moveNote(doc, 'nope', { zone: 'steigen' })).toThrowModelError('unknownNote')
  })

  it('converges when two peers move notes at once', () => {
    const [p, q] = twoPeers()
    const [a, b, c] = threeNotes(p)
    exchange(p, q)
    moveNote(p, a, { zone: 'steigen', beforeId: null })
    moveNote(q, a, { zone: 'untenHalten' })
    moveNote(q, c, { zone: 'steigen', beforeId: b })
    exchange(p, q)
    expect(toBoardView(p)).toEqual(toBoardView(q))
    const all = allNoteIds(p)
    expect(all.sort()).toEqual([a, b, c].sort())
  })

  it('converges when two peers move different notes into the same gap', () => {
    const [p, q] = twoPeers()
    const [a, b, c] = threeNotes(p)
    const x = addNote(p, { zone: 'einheizen', text: 'X', author: ALICE })
    exchange(p, q)
    moveNote(p, c, { zone: 'steigen', beforeId: b })
    moveNote(q, x, { zone: 'steigen', beforeId: b })
    exchange(p, q)
    const order = ids(p, 'steigen')
    expect(order).toEqual(ids(q, 'steigen'))
    expect(order[0]).toBe(a)
    expect(order[3]).toBe(b)
    expect(order.slice(1, 3).sort()).toEqual([c, x].sort())
  })

  it('still moves notes between equal order keys from concurrent appends', () => {
    const [p, q] = twoPeers()
    const first = addNote(p, { zone: 'steigen', text: 'first', author: ALICE })
    exchange(p, q)
    const fromP = addNote(p, { zone: 'steigen', text: 'p', author: ALICE })
    const fromQ = addNote(q, { zone: 'steigen', text: 'q', author: BOB })
    exchange(p, q)
    const keyOf = (id: string) => notesOf(p).get(id)?.get('order')
    expect(keyOf(fromP)).toBe(keyOf(fromQ))
    const [tieLow, tieHigh] = ids(p, 'steigen').slice(1) as [string, string]
    expect([tieLow, tieHigh].sort()).toEqual([fromP, fromQ].sort())

    // Between the tied pair: no key fits strictly between equal keys, so the note goes right
    // past the tie, still after everything before it and with a key of its own.
    moveNote(p, first, { zone: 'steigen', beforeId: tieHigh })
    expect(ids(p, 'steigen')).toEqual([tieLow, tieHigh, first])
    // Before the first of the tied pair, and appending after them, work exactly.
    moveNote(p, first, { zone: 'steigen', beforeId: tieLow })
    expect(ids(p, 'steigen')).toEqual([first, tieLow, tieHigh])
    const last = addNote(p, { zone: 'steigen', text: 'last', author: ALICE })
    expect(ids(p, 'steigen')).toEqual([first, tieLow, tieHigh, last])
    // A tied note itself can be moved out of the tie, which resolves it.
    moveNote(p, tieLow, { zone: 'steigen', beforeId: last })
    expect(ids(p, 'steigen')).toEqual([first, tieHigh, tieLow, last])
    exchange(p, q)
    expect(toBoardView(q)).toEqual(toBoardView(p))
  })
})

describe('notes that lack an order key for a while', () => {
  it('still adds and moves notes when an update arrived before the one it follows', () => {
    const [a, c] = twoPeers()
    const first = addNote(a, { zone: 'steigen', text: 'erste', author: ALICE })
    exchange(a, c)
    const [skipped, move] = capture(a, () => {
      addNote(a, { zone: 'einheizen', text: 'dazwischen', author: ALICE })
      moveNote(a, first, { zone: 'steigen', beforeId: null })
    }) as [Uint8Array, Uint8Array]
    // The move's new key waits for the skipped update; Yjs applies its delete of the old key now.
    Y.applyUpdate(c, move)
    expect(notesOf(c).get(first)?.has('order')).toBe(false)
    const added = addNote(c, { zone: 'steigen', text: 'trotzdem', author: BOB })
    moveNote(c, added, { zone: 'steigen', beforeId: first })
    Y.applyUpdate(c, skipped)
    exchange(a, c)
    expect(toBoardView(c)).toEqual(toBoardView(a))
    expect(ids(c, 'steigen').sort()).toEqual([first, added].sort())
  })
})

function allNoteIds(doc: Y.Doc): string[] {
  const view = toBoardView(doc)
  return [...view.zones.steigen.notes, ...view.zones.untenHalten.notes, ...view.zones.einheizen.notes].map((n) => n.id)
}

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
