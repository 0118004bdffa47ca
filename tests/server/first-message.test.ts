import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { newSecretId } from '../../model/ids'
import { participantIdOf } from '../../model/identity'
import { metaOf } from '../../model/schema'
import { authSocket } from '../../client/sync/authSocket'
import { CLOSE, MESSAGE, decodeHello, encodeAuth } from '../../protocol/messages'
import { setQuiet } from '../../server/log'
import { rawSocket } from '../helpers/abuse'
import type { RawSocket } from '../helpers/abuse'
import { waitFor } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

// Issue 11, hole 7: the browser's websocket URL carries no secret; the credentials are the
// connection's first message, and the server sends nothing of a document before it.

let server: TestServer
let board: CreatedBoard
const raws: RawSocket[] = []
const providers: WebsocketProvider[] = []

beforeEach(async () => {
  setQuiet(true)
  server = await startTestServer()
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy()
  for (const r of raws.splice(0)) r.ws.terminate()
  await server.stop()
})

/** A stock y-websocket provider with the client's socket class, the URL bare of any query. */
function provider(secret: string, token: string | null, room = board.boardId) {
  const doc = new Y.Doc()
  const urls: string[] = []
  const hello: { role?: string; participantId?: string } = {}
  const Base = authSocket(WebSocket as unknown as typeof globalThis.WebSocket, secret, token)
  class Recording extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      urls.push(String(url))
      super(url, protocols)
    }
  }
  const p = new WebsocketProvider(server.ws, room, doc, { disableBc: true, WebSocketPolyfill: Recording })
  p.messageHandlers[MESSAGE.hello] = (_e, decoder) => Object.assign(hello, decodeHello(decoder))
  p.messageHandlers[MESSAGE.ack] = (_e, decoder) => void decoding.readVarUint(decoder)
  providers.push(p)
  return { doc, p, urls, hello }
}

function raw(path: string): RawSocket {
  const s = rawSocket(`${server.ws}${path}`)
  raws.push(s)
  return s
}

describe('credentials in the first message', () => {
  it('join a participant and a moderator with URLs that carry nothing but the board', async () => {
    const secret = newSecretId()
    const participant = provider(secret, null)
    const moderator = provider(newSecretId(), board.moderatorToken)
    await waitFor(() => participant.p.synced && moderator.p.synced, 10_000, 'sync')
    expect(participant.hello).toMatchObject({ role: 'participant', participantId: participantIdOf(secret) })
    expect(moderator.hello.role).toBe('moderator')
    for (const url of [...participant.urls, ...moderator.urls]) expect(url).toBe(`${server.ws}/${board.boardId}`)
    // The moderator's change is kept and reaches the participant.
    metaOf(moderator.doc).set('title', 'Ohne Geheimnis in der Adresse')
    await waitFor(() => metaOf(participant.doc).get('title') === 'Ohne Geheimnis in der Adresse', 10_000, 'title')
  })

  it('a reconnect authenticates again with the same first message', async () => {
    const c = provider(newSecretId(), board.moderatorToken)
    await waitFor(() => c.p.synced, 10_000, 'sync')
    c.p.ws?.close()
    await waitFor(() => c.urls.length === 2 && c.p.wsconnected && c.p.synced, 20_000, 'reconnect')
    expect(c.hello.role).toBe('moderator')
  })

  it('refuses with 4403 and no document byte: a wrong token, a revoked link, garbage or a sync message first, credentials of the wrong shape', async () => {
    const created = await fetch(`${server.http}/api/boards/${board.boardId}/moderators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.moderatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Bald zurückgenommen' }),
    })
    const link = (await created.json()) as { id: string; moderatorToken: string }
    await fetch(`${server.http}/api/boards/${board.boardId}/moderators/${link.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    const syncStep1 = encoding.encode((e) => {
      encoding.writeVarUint(e, MESSAGE.sync)
      encoding.writeVarUint(e, 0)
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
    })
    const firsts: readonly (readonly [string, Uint8Array])[] = [
      ['wrong token', encodeAuth(newSecretId(), newSecretId())],
      ['revoked link', encodeAuth(newSecretId(), link.moderatorToken)],
      ['sync step 1 first', syncStep1],
      ['garbage', new Uint8Array([103, 255, 255, 255, 255, 255])],
      ['secret too short', encodeAuth('kurz', null)],
      ['trailing bytes', new Uint8Array([...encodeAuth(newSecretId(), null), 0])],
    ]
    for (const [what, first] of firsts) {
      const s = raw(`/${board.boardId}`)
      await s.opened
      s.ws.send(first)
      expect((await s.closed).code, what).toBe(CLOSE.forbidden)
      // At most a hello after a correct auth; here not even that.
      expect(s.frames, what).toEqual([])
    }
  })

  it('closes a socket that sends no credentials at all (4403 after AUTH_TIMEOUT_MS), with no document byte', async () => {
    const silent = raw(`/${board.boardId}`)
    await silent.opened
    expect((await silent.closed).code).toBe(CLOSE.forbidden)
    expect(silent.frames).toEqual([])
  })

  it('a private doc is named by the secret in the first message', async () => {
    const secret = newSecretId()
    const mine = provider(secret, null, `${board.boardId}/private`)
    await waitFor(() => mine.p.synced, 10_000, 'sync')
    expect(mine.hello.participantId).toBe(participantIdOf(secret))
    expect(mine.urls).toEqual([`${server.ws}/${board.boardId}/private`])
  })
})

describe('what a socket sends while its join is still loading', () => {
  /** A websocket endpoint whose joins never finish loading until `release` is called. */
  async function slowJoins() {
    const { createServer } = await import('node:http')
    const { WebSocketServer } = await import('ws')
    const { joinByFirstMessage } = await import('../../server/firstMessage')
    const wss = new WebSocketServer({ noServer: true })
    const pending: Array<() => void> = []
    const received: Buffer[] = []
    const http = createServer()
    http.on('upgrade', (req, socket, head) =>
      joinByFirstMessage(wss, { req, socket, head }, { boardId: board.boardId, private: false }, (_join, handshake) => {
        pending.push(() => void handshake.accept((ws) => ws.on('message', (data: Buffer) => received.push(data))))
      }),
    )
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    const { port } = http.address() as { port: number }
    return {
      url: `ws://127.0.0.1:${port}/ws/${board.boardId}`,
      received,
      release: () => pending.splice(0).forEach((accept) => accept()),
      stop: () =>
        new Promise<void>((resolve) => {
          for (const client of wss.clients) client.terminate()
          wss.close()
          http.closeAllConnections()
          http.close(() => resolve())
        }),
    }
  }

  it('keeps a few messages for the join, and closes a socket that floods before it (4029)', async () => {
    const endpoint = await slowJoins()
    try {
      const honest = rawSocket(endpoint.url)
      const flood = rawSocket(endpoint.url)
      raws.push(honest, flood)
      await Promise.all([honest.opened, flood.opened])
      honest.ws.send(encodeAuth(newSecretId(), null))
      for (let i = 0; i < 3; i++) honest.ws.send(new Uint8Array([MESSAGE.awareness, i]))
      flood.ws.send(encodeAuth(newSecretId(), null))
      for (let i = 0; i < 100; i++) flood.ws.send(new Uint8Array([MESSAGE.awareness, i]))
      expect((await flood.closed).code).toBe(CLOSE.tooFast)
      endpoint.release()
      await waitFor(() => endpoint.received.length === 3, 5000, 'the honest socket’s early messages')
      expect(endpoint.received.map((b) => b[1])).toEqual([0, 1, 2])
      expect(honest.ws.readyState).toBe(WebSocket.OPEN)
    } finally {
      await endpoint.stop()
    }
  })
})
