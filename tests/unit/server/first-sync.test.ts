import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { addNote, moveNote } from '../../../model/notes'
import { toBoardView } from '../../../model/view'
import { FirstSync, lacksMost } from '../../../server/firstSync'

/**
 * What a stock client does with the messages: read each as a sync message into an empty doc. The
 * sync step 2 comes last: y-websocket calls the client synced when it has read it.
 */
function joinWith(messages: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  const steps = messages.map((m) => {
    const d = decoding.createDecoder(m)
    decoding.readVarUint(d)
    return decoding.readVarUint(d)
  })
  expect(steps.at(-1)).toBe(syncProtocol.messageYjsSyncStep2)
  expect(steps.slice(0, -1).every((step) => step === syncProtocol.messageYjsUpdate)).toBe(true)
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    decoding.readVarUint(decoder)
    syncProtocol.readSyncMessage(decoder, { toUint8Array: () => new Uint8Array() } as never, doc, 'server')
  }
  return doc
}

/** A stored board: a snapshot, then a log, as the server loads it. */
function storedBoard(notes: number, logged: number) {
  const source = new Y.Doc()
  initBoard(source, { title: 'Erstsync' })
  for (let i = 0; i < notes; i++) addNote(source, { zone: 'steigen', text: `Notiz ${i}`, author: 'p1' })
  const snapshot = Y.encodeStateAsUpdate(source)
  const tail: Uint8Array[] = []
  source.on('update', (u: Uint8Array) => tail.push(u))
  for (let i = 0; i < logged; i++) addNote(source, { zone: 'einheizen', text: `Später ${i}`, author: 'p2' })
  const server = new Y.Doc()
  Y.applyUpdate(server, snapshot)
  for (const u of tail) Y.applyUpdate(server, u)
  return { snapshot, tail, server }
}

describe('FirstSync', () => {
  it.each([0, 5, 40])('brings an empty client to the loaded state (log of %i), and stays exact as the doc changes', (logged) => {
    const { snapshot, tail, server } = storedBoard(20, logged)
    const first = new FirstSync(() => server)
    first.seed(snapshot, tail)
    server.on('update', (u: Uint8Array) => first.changed(u))
    expect(toBoardView(joinWith(first.messages()))).toEqual(toBoardView(server))
    const ids: string[] = []
    for (let round = 0; round < 70; round++) {
      ids.push(addNote(server, { zone: 'untenHalten', text: `Runde ${round}`, author: 'p3' }))
      if (round % 3 === 0) moveNote(server, ids[0]!, { zone: 'steigen' })
      const messages = first.messages()
      // Never more than the whole state plus a bounded number of later updates.
      expect(messages.length).toBeLessThanOrEqual(33)
      expect(toBoardView(joinWith(messages))).toEqual(toBoardView(server))
    }
  })

  it('sends the stored snapshot itself when nothing was logged after it (no encoding)', () => {
    const { snapshot, server } = storedBoard(10, 0)
    const first = new FirstSync(() => server)
    first.seed(snapshot, [])
    const [only, ...rest] = first.messages()
    expect(rest).toEqual([])
    const decoder = decoding.createDecoder(only!)
    decoding.readVarUint(decoder)
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep2)
    expect(decoding.readVarUint8Array(decoder)).toEqual(snapshot)
  })
})

describe('lacksMost: who is answered with the whole doc kept ready', () => {
  const board = () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Teilstand' })
    for (let i = 0; i < 20; i++) addNote(doc, { zone: 'steigen', text: `Notiz ${i}`, author: 'p1' })
    return doc
  }

  it('a client that names only ids the doc does not have lacks all of it', () => {
    const unknown = new Y.Doc()
    unknown.getMap('x').set('a', 1)
    expect(lacksMost(board(), Y.encodeStateVector(unknown))).toBe(true)
  })

  it('a client that has the doc, or all but its last change, does not: it is sent only what it lacks', () => {
    const doc = board()
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    expect(lacksMost(doc, Y.encodeStateVector(client))).toBe(false)
    addNote(doc, { zone: 'einheizen', text: 'Neu', author: 'p2' })
    expect(lacksMost(doc, Y.encodeStateVector(client))).toBe(false)
  })

  it('a client that has less than half lacks most', () => {
    const doc = new Y.Doc()
    const client = new Y.Doc()
    doc.getText('t').insert(0, 'abc')
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    doc.getText('t').insert(3, 'defghij')
    expect(lacksMost(doc, Y.encodeStateVector(client))).toBe(true)
  })
})
