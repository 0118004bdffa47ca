import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { MESSAGE } from '../../protocol/messages'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { authedWebSocket } from '../helpers/abuse'

/**
 * A cold start: the first joiner with nothing yet is answered from the stored bytes before the
 * server has decoded the board (StoredDoc); the server's own sync step 1, which needs the decoded
 * doc, follows. Everybody still ends up with the whole, same board.
 */
let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const sockets: WebSocket[] = []

function join_(options: Parameters<typeof connectClient>[2] = {}, doc?: Y.Doc): TestClient {
  const client = connectClient(server.ws, board.boardId, options)
  if (doc) Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(doc))
  clients.push(client)
  return client
}

/** The sync steps a raw first joiner (empty state vector) receives, in order, with their payloads. */
function firstJoiner(): { steps: Array<{ step: number; update: Uint8Array }>; opened: Promise<void> } {
  const ws = authedWebSocket(`${server.ws}/${board.boardId}`, {})
  sockets.push(ws)
  const steps: Array<{ step: number; update: Uint8Array }> = []
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) return
    const step = decoding.readVarUint(decoder)
    steps.push({ step, update: decoding.readVarUint8Array(decoder) })
  })
  ws.on('open', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE.sync)
    syncProtocol.writeSyncStep1(e, new Y.Doc())
    ws.send(encoding.toUint8Array(e))
  })
  return { steps, opened: new Promise((r) => ws.once('open', () => r())) }
}

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

beforeEach(async () => {
  // Compacted every 16 entries: storage holds a snapshot and a short log, the common case.
  server = await startTestServer({ compactAfter: 16 })
  board = await createBoard(server, OPEN_BOARD)
  const writer = join_()
  await writer.synced()
  for (let i = 0; i < 40; i++) addNote(writer.doc, { zone: 'steigen', text: `Notiz ${i}`, author: writer.actor.participantId })
  await writer.settled()
  writer.destroy()
  clients.length = 0
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of sockets.splice(0)) s.terminate()
  await server.stop()
})

describe('cold start', () => {
  it('answers the first joiner from storage before its own sync step 1, with the whole board', async () => {
    await server.restart()
    const joiner = firstJoiner()
    await waitFor(() => joiner.steps.some((s) => s.step === syncProtocol.messageYjsSyncStep1), 5000, 'the server sync step 1')
    const reply = joiner.steps.findIndex((s) => s.step === syncProtocol.messageYjsSyncStep2)
    const own = joiner.steps.findIndex((s) => s.step === syncProtocol.messageYjsSyncStep1)
    expect(reply).toBeGreaterThanOrEqual(0)
    expect(reply).toBeLessThan(own)
    const doc = new Y.Doc()
    for (const s of joiner.steps.slice(0, reply + 1)) Y.applyUpdate(doc, s.update)
    expect(texts(doc)).toHaveLength(40)
  })

  it('sends its sync step 1 first on a board already in memory', async () => {
    const keep = join_()
    await keep.synced()
    const joiner = firstJoiner()
    await waitFor(() => joiner.steps.some((s) => s.step === syncProtocol.messageYjsSyncStep2), 5000, 'the sync step 2')
    const order = joiner.steps.map((s) => s.step)
    const step2 = order.indexOf(syncProtocol.messageYjsSyncStep2)
    // The server's step 1 first; then what changed since the whole state kept ready (here the
    // member that joined a moment ago), sent before that state (server/firstSync.ts); then it.
    expect(order[0]).toBe(syncProtocol.messageYjsSyncStep1)
    expect(order.slice(1, step2).every((step) => step === syncProtocol.messageYjsUpdate)).toBe(true)
  })

  it('lets a first joiner, a client with offline notes and a writer converge on a cold board', async () => {
    const secret = newSecretId()
    const before = join_({ secret })
    await before.synced()
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(before.doc))
    before.destroy()
    await server.restart()
    const fresh = join_()
    await fresh.synced()
    expect(texts(fresh.doc)).toHaveLength(40)
    addNote(fresh.doc, { zone: 'einheizen', text: 'gleich nach dem Kaltstart', author: fresh.actor.participantId })
    await fresh.settled()
    // The same participant again, with a note written while offline.
    addNote(offline, { zone: 'untenHalten', text: 'offline geschrieben', author: before.actor.participantId })
    const back = join_({ secret }, offline)
    await back.synced()
    await back.settled()
    await waitFor(() => texts(fresh.doc).length === 42 && texts(back.doc).length === 42, 5000, 'convergence')
    expect(toBoardView(fresh.doc)).toEqual(toBoardView(back.doc))
    expect(back.rejects).toEqual([])
  })
})
