import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { addNote } from '../../model/notes'
import { newSecretId } from '../../model/ids'
import { toBoardView } from '../../model/view'
import { CLOSE } from '../../protocol/messages'
import { joinSocket, rawSocket } from '../helpers/abuse'
import type { RawSocket, Credentials } from '../helpers/abuse'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const raws: WebSocket[] = []

/** A raw websocket to this test's server, closed after the test. */
function raw(path: string, headers: Record<string, string> = {}): RawSocket {
  const socket = rawSocket(`ws://127.0.0.1:${server.app.port}${path}`, headers)
  raws.push(socket.ws)
  return socket
}

/** A raw websocket whose first message is the credentials (a fresh participant unless given). */
function join(path: string, credentials: Credentials = {}, headers: Record<string, string> = {}): RawSocket {
  const socket = joinSocket(`ws://127.0.0.1:${server.app.port}${path}`, credentials, headers)
  raws.push(socket.ws)
  return socket
}

beforeEach(async () => {
  server = await startTestServer({ maxPayload: 64 * 1024, idleUnloadMs: 100 })
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const ws of raws.splice(0)) ws.terminate()
  await server.stop()
})

describe('limits and bad input', () => {
  it('closes a frame larger than maxPayload with 1009', async () => {
    const s = join(`/ws/${board.boardId}`, {})
    await s.opened
    s.ws.send(new Uint8Array(64 * 1024 + 1))
    expect((await s.closed).code).toBe(1009)
  })

  it('closes a socket that sends garbage, while another client on the board goes on', async () => {
    const good = connectClient(server.ws, board.boardId)
    clients.push(good)
    await good.synced()
    const bad = join(`/ws/${board.boardId}`, {})
    await bad.opened
    bad.ws.send(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))
    expect((await bad.closed).code).toBe(1003)
    addNote(good.doc, { zone: 'steigen', text: 'läuft weiter', author: good.actor.participantId })
    await good.settled()
    expect(good.closes).toEqual([])
  })

  it('closes on an unknown message type and on text frames', async () => {
    const a = join(`/ws/${board.boardId}`, {})
    await a.opened
    a.ws.send(new Uint8Array([42]))
    expect((await a.closed).code).toBe(1003)
    const b = join(`/ws/${board.boardId}`, {})
    await b.opened
    b.ws.send('hallo')
    expect((await b.closed).code).toBe(1003)
  })
})

describe('auth before sync', () => {
  it('refuses an unknown board with 4404, sends no document and creates nothing', async () => {
    const unknown = newSecretId()
    const s = join(`/ws/${unknown}`, {})
    const closed = await s.closed
    expect(closed.code).toBe(4404)
    expect(closed.reason).toBe('Board nicht gefunden')
    expect(s.frames).toEqual([])
    expect(await server.app.store.getBoard(unknown)).toBeNull()
    expect(server.app.rooms.size).toBe(0)
  })

  it('refuses a wrong moderator token with 4403 and sends no document', async () => {
    const s = join(`/ws/${board.boardId}`, { moderatorToken: newSecretId() })
    const closed = await s.closed
    expect(closed.code).toBe(4403)
    expect(s.frames).toEqual([])
  })

  it('refuses a malformed path with HTTP 400 and a malformed secret in the first message with 4403; a bare URL waits for the credentials', async () => {
    expect(await raw('/ws/kein-board').refused).toBe(400)
    expect(await raw(`/ws/${board.boardId}/anders`).refused).toBe(400)
    const short = join(`/ws/${board.boardId}`, { secret: 'kurz' })
    expect((await short.closed).code).toBe(4403)
    expect(short.frames).toEqual([])
    // Without a query the upgrade completes and the first message must be the credentials (first-message.test.ts).
    const bare = raw(`/ws/${board.boardId}`)
    await bare.opened
    bare.ws.send(new Uint8Array([0, 0, 0]))
    expect((await bare.closed).code).toBe(4403)
  })

  it('refuses any query with 4400, the real secret and moderator token included: nothing is looked up, loaded or sent', async () => {
    const secret = newSecretId()
    const token = board.moderatorToken
    const queries = [
      `?p=${secret}`,
      `?p=${secret}&m=${token}`,
      `?m=${token}`,
      `?p=kurz`,
      '?x=1',
      '?&',
      `?P=${secret}`,
      `?ticket=${secret}`,
    ]
    const paths = queries.flatMap((q) => [`/ws/${board.boardId}${q}`, `/ws/${board.boardId}/private${q}`, `/ws/${newSecretId()}${q}`])
    // Sockets that even send valid credentials afterwards are refused all the same.
    const sockets = paths.map((path) => join(path, { secret, moderatorToken: token }))
    const closed = await Promise.all(sockets.map((s) => s.closed))
    expect(new Set(closed.map((c) => c.code))).toEqual(new Set([CLOSE.queryRefused]))
    expect(closed[0]!.reason).toBe('Zugangsdaten gehören nicht in die Adresse')
    expect(sockets.flatMap((s) => s.frames)).toEqual([])
    expect(server.app.rooms.size).toBe(0)
    // The same credentials in the first message work.
    const moderator = connectClient(server.ws, board.boardId, { secret, moderatorToken: token })
    clients.push(moderator)
    await moderator.synced()
    expect(moderator.closes).toEqual([])
  })

  it('refuses a browser from another origin with HTTP 403', async () => {
    const s = join(`/ws/${board.boardId}`, {}, { origin: 'https://evil.example' })
    expect(await s.refused).toBe(403)
  })
})

describe('presence', () => {
  it('stamps identity, allows one client id per connection and removes it on disconnect', async () => {
    const watcher = connectClient(server.ws, board.boardId)
    clients.push(watcher)
    await watcher.synced()
    const s = join(`/ws/${board.boardId}`, {})
    await s.opened
    const fake = new awarenessProtocol.Awareness(new Y.Doc())
    fake.setLocalState({ user: { name: 'Mallory' }, pid: 'someone-else', role: 'moderator' })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID]))
    s.ws.send(encoding.toUint8Array(encoder))
    await waitFor(() => watcher.provider.awareness.getStates().has(fake.clientID), 3000, 'presence arrives')
    const seen = watcher.provider.awareness.getStates().get(fake.clientID) as { pid: string; role: string; user: { name: string } }
    expect(seen.user.name).toBe('Mallory')
    expect(seen.role).toBe('participant')
    expect(seen.pid).not.toBe('someone-else')

    // A second client id on the same connection is ignored, and so is a state for the watcher's id.
    const other = new awarenessProtocol.Awareness(new Y.Doc())
    other.setLocalState({ user: { name: 'Zweitidentität' } })
    const e2 = encoding.createEncoder()
    encoding.writeVarUint(e2, 1)
    encoding.writeVarUint8Array(e2, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]))
    s.ws.send(encoding.toUint8Array(e2))
    const spoof = new awarenessProtocol.Awareness(new Y.Doc())
    spoof.clientID = watcher.doc.clientID
    spoof.setLocalState({ user: { name: 'Gefälscht' } })
    const e3 = encoding.createEncoder()
    encoding.writeVarUint(e3, 1)
    encoding.writeVarUint8Array(e3, awarenessProtocol.encodeAwarenessUpdate(spoof, [spoof.clientID]))
    s.ws.send(encoding.toUint8Array(e3))
    await new Promise((r) => setTimeout(r, 100))
    expect(watcher.provider.awareness.getStates().has(other.clientID)).toBe(false)
    const own = watcher.provider.awareness.getStates().get(watcher.doc.clientID) as { user?: { name?: string } }
    expect(own.user?.name).not.toBe('Gefälscht')
    s.ws.close()
    await waitFor(() => !watcher.provider.awareness.getStates().has(fake.clientID), 3000, 'presence removed')
    expect(watcher.provider.awareness.getStates().has(other.clientID)).toBe(false)
  })
})

describe('storage lifecycle', () => {
  it('compacts a long log into a snapshot and loads the same board from it', async () => {
    await server.stop()
    server = await startTestServer({ compactAfter: 20, idleUnloadMs: 100 })
    board = await createBoard(server, OPEN_BOARD)
    const a = connectClient(server.ws, board.boardId)
    clients.push(a)
    await a.synced()
    for (let i = 0; i < 60; i++) {
      addNote(a.doc, { zone: 'steigen', text: `N${i}`, author: a.actor.participantId })
      await new Promise((r) => setImmediate(r))
    }
    await a.settled()
    await waitFor(() => true)
    await new Promise((r) => setTimeout(r, 50))
    const stored = await server.app.store.load(board.boardId)
    expect(stored.updates.length).toBeLessThan(20)
    expect(stored.snapshot).not.toBeNull()
    const fromStore = new Y.Doc()
    Y.applyUpdate(fromStore, stored.snapshot!)
    for (const u of stored.updates) Y.applyUpdate(fromStore, u)
    expect(toBoardView(fromStore).noteCount).toBe(60)
  })

  it('unloads a board from memory once its last client has left', async () => {
    const a = connectClient(server.ws, board.boardId)
    await a.synced()
    expect(server.app.rooms.size).toBe(1)
    a.destroy()
    await waitFor(() => server.app.rooms.size === 0, 2000, 'unload')
    const b = connectClient(server.ws, board.boardId)
    clients.push(b)
    await b.synced()
    expect(toBoardView(b.doc).title).toBe('Testboard')
  })
})
