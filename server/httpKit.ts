import type { IncomingMessage, ServerResponse } from 'node:http'
import { isBoardId } from '../model/ids'
import { isModeratorToken } from './auth'
import type { ServerConfig } from './config'
import type { ReadinessCheck } from './readiness'
import type { Rooms } from './rooms'
import type { BoardRecord, BoardStore } from './store/BoardStore'

/** What the HTTP handlers (http.ts, exports.ts, joinCodes.ts) need of the server. */
export interface HttpContext {
  readonly config: ServerConfig
  readonly store: BoardStore
  readonly rooms: Rooms
  connections(): number
  /** What GET /readyz asks (readiness.ts: the store; in a cluster PostgreSQL and Redis). */
  readonly readiness: readonly ReadinessCheck[]
}

/** An answer with a status and a German message, for the client to show. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `Anfrage zu groß (höchstens ${limit} Bytes)`)
    chunks.push(chunk)
  }
  if (size === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new HttpError(400, 'Ungültiges JSON')
  }
}

/** The board if the request carries its moderator token (`Authorization: Bearer …`). */
export async function moderatedBoard(store: BoardStore, boardId: string, req: IncomingMessage): Promise<BoardRecord> {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer (\S+)$/.exec(header)?.[1]
  if (!token) throw new HttpError(401, 'Moderationsschlüssel fehlt')
  const record = isBoardId(boardId) ? await store.getBoard(boardId) : null
  if (!record || !isModeratorToken(record, token)) throw new HttpError(403, 'Kein Zugang')
  return record
}
