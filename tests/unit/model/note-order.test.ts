import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addNote, moveNote } from '../../../model/notes'
import { notesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import type { ZoneId } from '../../../model/zones'
import { capture, exchange, newDoc, twoPeers } from '../../helpers/peers'

// Where notes stand in a zone: moving them, concurrently too, and notes without an order key.

const ALICE = 'alice-participant'
const BOB = 'bob-participant'

function ids(doc: Y.Doc, zone: ZoneId): string[] {
  return toBoardView(doc).zones[zone].notes.map((n) => n.id)
}

function allNoteIds(doc: Y.Doc): string[] {
  const view = toBoardView(doc)
  return [...view.zones.steigen.notes, ...view.zones.untenHalten.notes, ...view.zones.einheizen.notes].map((n) => n.id)
}

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
