import { afterEach } from 'vitest'
import type { Room } from '../../server/rooms'
import { MESSAGE } from '../../protocol/messages'
import { joinSocket, syncUpdate } from './abuse'
import type { Credentials, RawSocket } from './abuse'
import { connectClient, waitFor } from './clients'
import type { TestClient } from './clients'
import { startTestServer } from './server'
import type { CreatedBoard, TestServer } from './server'

type ClientOptions = NonNullable<Parameters<typeof connectClient>[2]>

/**
 * What one server test opens: its server, the stock clients it connects and the raw sockets it
 * keeps. All of it is closed after each test (`useServerKit` registers that), so a failing test
 * leaves no server or socket behind for the next.
 */
export class ServerKit {
  private current: TestServer | null = null
  private readonly clients: TestClient[] = []
  private readonly raws: RawSocket[] = []

  /** The server this test started. */
  get server(): TestServer {
    if (!this.current) throw new Error('no server started in this test (kit.start)')
    return this.current
  }

  async start(...args: Parameters<typeof startTestServer>): Promise<TestServer> {
    this.current = await startTestServer(...args)
    return this.current
  }

  /** A stock client of `room` (a board id, or `<id>/private`) on this test's server. */
  connect(room: string, options: ClientOptions = {}): TestClient {
    const client = connectClient(this.server.ws, room, options)
    this.clients.push(client)
    return client
  }

  /** The room of `boardId` as the server holds it (opened if it was not; not kept open). */
  async room(boardId: string): Promise<Room> {
    const room = await this.server.app.rooms.open(boardId)
    this.server.app.rooms.release(room)
    return room
  }

  /** `board`'s export in `kind` (md, json, docx, csv …), asked for with its moderator token. */
  exportOf(board: CreatedBoard, kind: string): Promise<Response> {
    return fetch(`${this.server.http}/api/boards/${board.boardId}/export.${kind}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
  }

  /** A raw socket of `room` that sends `credentials` first, ended after the test. */
  join(room: string, credentials: Credentials = {}): RawSocket {
    return this.keep(joinSocket(`${this.server.ws}/${room}`, credentials))
  }

  /**
   * Sends one update over a raw socket of `room` joined with `credentials`: the server's answer,
   * 'ack' or the reject code (after which the server must close the socket with 4422).
   */
  async send(room: string, credentials: Credentials, update: Uint8Array): Promise<string> {
    const socket = this.join(room, credentials)
    await socket.opened
    socket.ws.send(syncUpdate(update))
    const answered = () => socket.frames.find((f) => f[0] === MESSAGE.ack || f[0] === MESSAGE.reject)
    await waitFor(() => answered() !== undefined, 5000, 'ack or reject')
    const answer = answered()!
    if (answer[0] === MESSAGE.ack) return 'ack'
    const { code } = await socket.closed
    if (code !== 4422) throw new Error(`rejected, but closed with ${code}`)
    return new TextDecoder().decode(answer.subarray(3))
  }

  /** Keeps a raw socket to be ended after the test. */
  keep<T extends RawSocket>(raw: T): T {
    this.raws.push(raw)
    return raw
  }

  async close(): Promise<void> {
    for (const c of this.clients.splice(0)) c.destroy()
    for (const r of this.raws.splice(0)) r.ws.terminate()
    const server = this.current
    this.current = null
    await server?.stop()
  }
}

/** A kit for every test of the file, closed after each one. */
export function useServerKit(): ServerKit {
  const kit = new ServerKit()
  afterEach(() => kit.close())
  return kit
}
