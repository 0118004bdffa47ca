import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { setQuiet } from '../../server/log'
import type { BoardStore } from '../../server/store/BoardStore'
import { FailingStore, joinSocket, rawSocket, SlowLookupStore } from '../helpers/abuse'
import type { RawSocket, Credentials } from '../helpers/abuse'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer | null = null
const clients: TestClient[] = []
const raws: RawSocket[] = []

afterEach(async () => {
  vi.restoreAllMocks()
  setQuiet(true)
  for (const c of clients.splice(0)) c.destroy()
  for (const r of raws.splice(0)) r.ws.terminate()
  await server?.stop()
  server = null
})

function client(boardId: string, options: Parameters<typeof connectClient>[2] = {}): TestClient {
  const c = connectClient(server!.ws, boardId, options)
  clients.push(c)
  return c
}

function raw(path: string, headers: Record<string, string> = {}): RawSocket {
  const r = rawSocket(`ws://127.0.0.1:${server!.app.port}${path}`, headers)
  raws.push(r)
  return r
}

/** A raw socket whose first message is the credentials (a fresh participant unless given). */
function join(path: string, credentials: Credentials = {}): RawSocket {
  const r = joinSocket(`ws://127.0.0.1:${server!.app.port}${path}`, credentials)
  raws.push(r)
  return r
}

/** What the store holds for a doc: snapshot plus log, in bytes. */
async function storedBytes(store: BoardStore, id: string): Promise<number> {
  await store.flushed()
  const stored = await store.load(id)
  return (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
}

/** The room's own count of its stored bytes. */
async function roomBytes(id: string): Promise<number> {
  const room = await server!.app.rooms.open(id)
  server!.app.rooms.release(room)
  return room.storedBytes
}

describe('message size', () => {
  it('closes a frame larger than maxPayload with 1009', async () => {
    server = await startTestServer({ maxPayload: 16 * 1024 })
    const board = await createBoard(server, OPEN_BOARD)
    const s = join(`/ws/${board.boardId}`, {})
    await s.opened
    s.ws.send(new Uint8Array(16 * 1024 + 1))
    expect((await s.closed).code).toBe(1009)
  })
})

describe('board size cap', () => {
  it('refuses an update that would grow the stored board beyond maxBoardBytes: reject boardFull, close 4422, nothing stored beyond the cap', async () => {
    const cap = 8 * 1024
    server = await startTestServer({ maxBoardBytes: cap })
    const board = await createBoard(server, OPEN_BOARD)
    const writer = client(board.boardId)
    const reader = client(board.boardId)
    await writer.synced()
    await reader.synced()
    let written = 0
    while (writer.closes.length === 0 && written < 40) {
      addNote(writer.doc, { zone: 'steigen', text: `${written} ${'x'.repeat(600)}`, author: writer.actor.participantId })
      written++
      await waitFor(() => writer.acked() >= writer.sent() || writer.closes.length > 0, 3000, 'ack or close')
    }
    expect(writer.rejects).toEqual(['boardFull'])
    expect(writer.closes).toEqual([4422])
    const stored = await storedBytes(server.app.store, board.boardId)
    console.log(`board cap ${cap} B: ${written - 1} notes accepted, stored ${stored} B, room counts ${await roomBytes(board.boardId)} B`)
    expect(stored).toBeLessThanOrEqual(cap)
    expect(await roomBytes(board.boardId)).toBe(stored)
    // The refused note reached nobody; the board goes on for reading.
    expect(toBoardView(reader.doc).noteCount).toBe(written - 1)
    expect(reader.closes).toEqual([])
  })

  it('counts snapshot plus log exactly, and a compaction resets the count to the snapshot', async () => {
    server = await startTestServer({ compactAfter: 10 })
    const board = await createBoard(server, OPEN_BOARD)
    const a = client(board.boardId)
    await a.synced()
    expect(await roomBytes(board.boardId)).toBe(await storedBytes(server.app.store, board.boardId))
    let before = 0
    for (let i = 0; i < 25; i++) {
      addNote(a.doc, { zone: 'einheizen', text: `Notiz ${i} ${'y'.repeat(200)}`, author: a.actor.participantId })
      await a.settled()
      // A compaction may still be writing: the two counts meet once it is on disk.
      await vi.waitFor(async () => expect(await roomBytes(board.boardId)).toBe(await storedBytes(server!.app.store, board.boardId)), {
        timeout: 5000,
        interval: 5,
      })
      const counted = await roomBytes(board.boardId)
      if (counted < before) {
        // Compacted: the count is the snapshot (plus the short log after it).
        const stored = await server.app.store.load(board.boardId)
        expect(stored.snapshot!.byteLength).toBeLessThanOrEqual(counted)
      }
      before = counted
    }
    const stored = await server.app.store.load(board.boardId)
    expect(stored.updates.length).toBeLessThan(10)
  })
})

describe('connections', () => {
  it('refuses more connections to a board than maxConnectionsPerBoard with 4429 "Board ist voll"', async () => {
    server = await startTestServer({ maxConnectionsPerBoard: 2 })
    const board = await createBoard(server, OPEN_BOARD)
    const a = join(`/ws/${board.boardId}`, {})
    const b = join(`/ws/${board.boardId}`, {})
    await Promise.all([a.opened, b.opened])
    const c = join(`/ws/${board.boardId}`, {})
    expect(await c.closed).toEqual({ code: 4429, reason: 'Board ist voll' })
    expect(c.frames).toEqual([])
    // Another board is not affected.
    const other = await createBoard(server, OPEN_BOARD)
    const d = join(`/ws/${other.boardId}`, {})
    await d.opened
  })

  it('answers HTTP 429 to more upgrades per minute from one address than connectionsPerMinute, and logs only the shortened address', async () => {
    server = await startTestServer({ connectionsPerMinute: 5 })
    const board = await createBoard(server, OPEN_BOARD)
    const lines: string[] = []
    setQuiet(false)
    const write = process.stdout.write.bind(process.stdout)
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk)
      if (text.startsWith('{"t"')) {
        lines.push(text)
        return true
      }
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    })
    const allowed = Array.from({ length: 5 }, () => join(`/ws/${board.boardId}`, {}))
    await Promise.all(allowed.map((s) => s.opened))
    const refused = Array.from({ length: 3 }, () => join(`/ws/${board.boardId}`, {}))
    expect(await Promise.all(refused.map((s) => s.refused))).toEqual([429, 429, 429])
    // Bad requests count too: a flood of them is refused before it is even looked at.
    expect(await raw('/ws/kaputt').refused).toBe(429)
    const limited = lines.filter((l) => l.includes('ws.rateLimited'))
    expect(limited).toHaveLength(1)
    expect(limited[0]).toContain('127.0.0.0/24')
    expect(lines.join('')).not.toContain('127.0.0.1')
  })

  it('lets go of the board when a client authorised to join is refused by the websocket handshake or leaves during the look-up', async () => {
    server = await startTestServer({ idleUnloadMs: 50 }, (dir) => new SlowLookupStore(dir, 100))
    const board = await createBoard(server, OPEN_BOARD)
    const handshake = (path: string, version: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server!.app.port, '127.0.0.1', () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: ${version}\r\n\r\n`,
          )
        })
        let answer = ''
        socket.on('data', (d: Buffer) => (answer += d.toString()))
        socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''))
        socket.on('error', () => {})
      })
    // A handshake ws refuses (unsupported version) after the board was authorised and loaded.
    expect(await handshake(`/ws/${board.boardId}`, '99')).toContain('400')
    expect(await handshake(`/ws/${board.boardId}/private`, '99')).toContain('400')
    // Clients that leave while the board is looked up.
    for (const path of [`/ws/${board.boardId}`, `/ws/${board.boardId}/private`]) {
      const s = join(path)
      await new Promise((r) => setTimeout(r, 20))
      s.ws.terminate()
    }
    await new Promise((r) => setTimeout(r, 150))
    await waitFor(() => server!.app.rooms.size === 0, 3000, 'every room unloaded')
  })
})

describe('work before auth', () => {
  it('an unauthenticated flood loads no board, creates nothing and sends no byte', async () => {
    server = await startTestServer()
    const board = await createBoard(server, OPEN_BOARD)
    const unknown = newSecretId()
    const paths = [
      ...Array.from({ length: 40 }, (_, i): [string, Credentials] => [`/ws/..%2F${i}`, {}]),
      ...Array.from({ length: 40 }, (): [string, Credentials] => [`/ws/${newSecretId()}`, {}]),
      ...Array.from({ length: 40 }, (): [string, Credentials] => [`/ws/${unknown}/private`, {}]),
      ...Array.from({ length: 40 }, (): [string, Credentials] => [`/ws/${board.boardId}`, { moderatorToken: newSecretId() }]),
      ...Array.from({ length: 40 }, (): [string, Credentials] => [`/ws/${board.boardId}/private`, { moderatorToken: newSecretId() }]),
    ]
    const sockets = paths.map(([path, credentials]) => join(path, credentials))
    const outcomes = await Promise.all(
      sockets.map((s) => Promise.race([s.refused.then((status) => `http ${status}`), s.closed.then(({ code }) => `close ${code}`)])),
    )
    const counts: Record<string, number> = {}
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1
    console.log('unauthenticated flood:', JSON.stringify(counts))
    expect(counts).toEqual({ 'http 400': 40, 'close 4404': 80, 'close 4403': 80 })
    expect(sockets.every((s) => s.frames.length === 0)).toBe(true)
    expect(server.app.rooms.size).toBe(0)
    expect(await server.app.store.listDocs('')).toEqual([board.boardId])
    expect(await server.app.store.getBoard(unknown)).toBeNull()
  })
})

describe('storage failure', () => {
  it('a failed write is never acknowledged: its writers are closed with 1011, the process and other boards go on, and the change is stored once storage works again', async () => {
    let store: FailingStore | null = null
    server = await startTestServer({}, (dir) => (store = new FailingStore(dir)))
    const broken = await createBoard(server, OPEN_BOARD)
    const fine = await createBoard(server, OPEN_BOARD)
    const writer = client(broken.boardId)
    const peer = client(broken.boardId)
    const elsewhere = client(fine.boardId)
    await Promise.all([writer.synced(), peer.synced(), elsewhere.synced()])
    addNote(writer.doc, { zone: 'steigen', text: 'vor dem Fehler', author: writer.actor.participantId })
    await writer.settled()

    store!.failing.add(broken.boardId)
    const acksBefore = writer.acked()
    addNote(writer.doc, { zone: 'steigen', text: 'geht verloren?', author: writer.actor.participantId })
    await waitFor(() => writer.closes.length > 0 && peer.closes.length > 0, 3000, 'writers closed')
    expect(writer.closes[0]).toBe(1011)
    expect(peer.closes[0]).toBe(1011)
    expect(writer.acked()).toBe(acksBefore)
    expect(writer.rejects).toEqual([])

    // Other boards go on while this one cannot store.
    for (let i = 0; i < 5; i++) addNote(elsewhere.doc, { zone: 'einheizen', text: `anderes Board ${i}`, author: elsewhere.actor.participantId })
    await elsewhere.settled()
    expect(elsewhere.closes).toEqual([])

    // Storage works again: the writer reconnects by itself and its note is stored and acknowledged.
    store!.failing.delete(broken.boardId)
    await waitFor(() => writer.provider.wsconnected && writer.provider.synced, 8000, 'reconnect')
    await writer.settled(5000)
    // Read back from disk, not from memory.
    await server.restart()
    const reread = client(broken.boardId)
    await reread.synced()
    expect(toBoardView(reread.doc).noteCount).toBe(2)
  })
})
