import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { isBoardId } from '../model/ids'
import { moderatorGrant } from './auth'
import type { Grant } from './auth'
import type { ServerConfig } from './config'
import type { ReadinessCheck } from './readiness'
import type { LinkConnections } from './moderatorLinks'
import type { PerMinuteLimit } from './addressLimit'
import type { Rooms } from './rooms'
import type { ReasonCode } from '../protocol/reasons'
import type { BoardRecord, BoardStore } from './store/BoardStore'

/** What the HTTP handlers (http.ts, exports.ts, joinCodes.ts) need of the server. */
export interface HttpContext {
  readonly config: ServerConfig
  readonly store: BoardStore
  readonly rooms: Rooms
  /** The open sockets of co-moderator links (revoking one closes them). */
  readonly links: LinkConnections
  /** Boards created (new, imported, demo) per address (an IPv6 /64 counts as one). */
  readonly creations: PerMinuteLimit
  connections(): number
  /** What GET /readyz asks (readiness.ts: the store; in a cluster PostgreSQL and Redis). */
  readonly readiness: readonly ReadinessCheck[]
}

/**
 * An answer with a status and a German message; where a person sees it in the interface, also a
 * code (protocol/reasons.ts) that the client shows in its own language, and the limit it names.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: ReasonCode,
    readonly max?: number,
  ) {
    super(message)
  }

  /** The JSON body of the answer. */
  body(): { error: string; code?: ReasonCode; max?: number } {
    return { error: this.message, ...(this.code && { code: this.code }), ...(this.max !== undefined && { max: this.max }) }
  }
}

/**
 * This server's address as the links it hands out start (board links, the join-code link):
 * PUBLIC_URL, or else the request's Host, but only a Host this server can vouch for: one of
 * ALLOWED_HOSTS, or the address the request arrived at (any port; `localhost` on the loopback).
 * A forged Host would otherwise put a foreign site into a moderator's link (400 instead).
 */
export function baseUrl(ctx: HttpContext, req: IncomingMessage): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl
  const host = (req.headers.host ?? '').toLowerCase()
  if (!ctx.config.allowedHosts.includes(host) && !arrivedAt(host, req.socket.localAddress))
    throw new HttpError(400, 'Unbekannter Host: Bitte PUBLIC_URL oder ALLOWED_HOSTS einstellen.')
  return `http://${host}`
}

/** Whether `host` (with or without a port) names `local`, the address the connection came in on. */
function arrivedAt(host: string, local: string | undefined): boolean {
  if (!local) return false
  const name = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(host)?.[1] ?? /^([^:]+)(?::\d+)?$/.exec(host)?.[1]
  if (!name) return false
  const address = local.replace(/^::ffff:(?=\d+\.)/, '')
  if (name === 'localhost') return address === '127.0.0.1' || address === '::1'
  return isIP(name) !== 0 && name === address
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

/**
 * The board if the request carries a moderator token of it (`Authorization: Bearer …`): its
 * own or a co-moderator link's; `owner` asks for the board's own token.
 */
export async function moderatedBoard(store: BoardStore, boardId: string, req: IncomingMessage, owner = false): Promise<BoardRecord & { grant: Grant }> {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer (\S+)$/.exec(header)?.[1]
  if (!token) throw new HttpError(401, 'Moderationsschlüssel fehlt', 'tokenMissing')
  const record = isBoardId(boardId) ? await store.getBoard(boardId) : null
  const grant = record ? await moderatorGrant(store, record, token) : null
  if (!record || !grant) throw new HttpError(403, 'Kein Zugang', 'noAccess')
  if (owner && grant.kind !== 'owner') throw new HttpError(403, 'Nur mit dem Moderationslink, mit dem das Board erstellt wurde', 'ownerOnly')
  return { ...record, grant }
}
