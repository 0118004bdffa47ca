import * as encoding from 'lib0/encoding'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import WebSocket from 'ws'
import { newSecretId } from '../../model/ids'
import { encodeAuth, MESSAGE, SYNC_UPDATE } from '../../protocol/messages'
import type { BoardStore } from '../../server/store/BoardStore'
import { SqliteBoardStore } from '../../server/store/sqlite'

/** A websocket that records every frame it receives and how it was closed. */
export interface RawSocket {
  readonly ws: WebSocket
  readonly frames: Uint8Array[]
  readonly opened: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>
  /** The HTTP status when the upgrade was refused. */
  readonly refused: Promise<number>
}

export function rawSocket(url: string, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): RawSocket {
  const ws = new WebSocket(url, { ...options, headers })
  const frames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  ws.on('error', () => {})
  return {
    ws,
    frames,
    opened: new Promise((resolve) => ws.once('open', () => resolve())),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    refused: new Promise((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))),
  }
}

/** Credentials as the browser sends them in its first message; a fresh secret unless given. */
export interface Credentials {
  readonly secret?: string
  readonly moderatorToken?: string
}

/**
 * A raw socket to `/ws/<boardId>[/private]` (no query) whose first message is the credentials,
 * sent on open before anything the test sends. Its `opened` resolves once the join is complete
 * (the server's first frame, its hello, arrived): what is sent before then is held by the
 * server as early messages (server/firstMessage.ts), which have a budget of their own.
 */
export function joinSocket(url: string, credentials: Credentials = {}, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): RawSocket {
  const socket = rawSocket(url, headers, options)
  sendCredentialsFirst(socket.ws, credentials)
  const joined = new Promise<void>((resolve) => socket.ws.once('message', () => resolve()))
  return { ...socket, opened: joined }
}

/** A plain `ws` socket that sends the credentials as its first message (before any other 'open' listener added later). */
export function authedWebSocket(url: string, credentials: Credentials = {}, options: WebSocket.ClientOptions = {}): WebSocket {
  const ws = new WebSocket(url, options)
  sendCredentialsFirst(ws, credentials)
  return ws
}

function sendCredentialsFirst(ws: WebSocket, credentials: Credentials): void {
  const auth = encodeAuth(credentials.secret ?? newSecretId(), credentials.moderatorToken ?? null)
  ws.once('open', () => ws.send(auth))
}

/** A Yjs update framed as a client sends it: sync message, sub-message update. */
export function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * A full garbage collection, without starting node with --expose-gc: the flag is set at run
 * time and a fresh context hands out its gc function.
 */
export function fullGc(): () => void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  return () => {
    gc()
    gc()
  }
}

/** Lets pending callbacks (closes, timers of the server) run, then collects garbage. */
export async function settleMemory(gc: () => void): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 50))
    gc()
  }
  return process.memoryUsage()
}

export const MB = 1024 * 1024
export const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`

/** The SQLite store, but appends to the boards in `failing` fail as on a full disk. */
export class FailingStore extends SqliteBoardStore {
  readonly failing = new Set<string>()

  override append(id: string, update: Uint8Array, onCommitted?: (seq: number) => void): Promise<number> {
    if ([...this.failing].some((board) => id === board || id.startsWith(`${board}/`)))
      return Promise.reject(new Error('SQLITE_FULL: database or disk is full'))
    return super.append(id, update, onCommitted)
  }
}

/** The SQLite store with board look-ups held back, so a client can leave while it waits. */
export class SlowLookupStore extends SqliteBoardStore {
  constructor(
    dataDir: string,
    private readonly delayMs: number,
  ) {
    super(dataDir)
  }

  override async getBoard(id: string): ReturnType<BoardStore['getBoard']> {
    await new Promise((r) => setTimeout(r, this.delayMs))
    return super.getBoard(id)
  }
}
