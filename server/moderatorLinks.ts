import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebSocket } from 'ws'
import { newItemId, newToken } from '../model/ids'
import { CLOSE } from '../protocol/messages'
import { hashToken } from './auth'
import type { Grant } from './auth'
import { HttpError, json, moderatedBoard, readJson } from './httpKit'
import type { HttpContext } from './httpKit'
import { boardTag, log } from './log'
import type { ModeratorLink } from './store/BoardStore'

/**
 * Co-moderator links: each its own token, created, listed and revoked by the board's moderator
 * (the token the board was created with). A revoked link is refused from then on, and the
 * sockets that joined with it are closed with 4401 at once.
 */

export const MAX_LINKS_PER_BOARD = 20
export const MAX_LABEL_LENGTH = 80

/** What GET answers of a link: never its hash. */
const shown = (link: ModeratorLink) => ({ id: link.id, label: link.label, createdAt: link.createdAt })

/** The open sockets of each co-moderator link, so that revoking it closes them. */
export class LinkConnections {
  private readonly open = new Map<string, Set<WebSocket>>()
  /**
   * Several instances: tells the others (cluster.ts sets it; they call `closeAll` for their own
   * sockets). The revoke's answer waits for it, so that a 204 means every instance was told.
   */
  onRevoked: ((boardId: string, linkId: string) => Promise<void>) | null = null

  /** Keeps `ws` under its link until it closes; a connection by the board's own token is not kept. */
  track(boardId: string, grant: Grant | null, ws: WebSocket): void {
    if (grant?.kind !== 'link') return
    const key = `${boardId} ${grant.linkId}`
    const sockets = this.open.get(key) ?? new Set()
    this.open.set(key, sockets.add(ws))
    ws.once('close', () => {
      sockets.delete(ws)
      if (sockets.size === 0 && this.open.get(key) === sockets) this.open.delete(key)
    })
  }

  /** The link was revoked: closes its sockets here and, in a cluster, on every other instance; returns how many here. */
  async revoke(boardId: string, linkId: string): Promise<number> {
    const closed = this.closeAll(boardId, linkId)
    await this.onRevoked?.(boardId, linkId)
    return closed
  }

  /** Closes every socket on this instance that joined with the link; returns how many. */
  closeAll(boardId: string, linkId: string): number {
    const sockets = [...(this.open.get(`${boardId} ${linkId}`) ?? [])]
    for (const ws of sockets) ws.close(CLOSE.revoked, 'Moderationszugang zurückgenommen')
    return sockets.length
  }
}

/** A label as typed: trimmed, 1 to MAX_LABEL_LENGTH characters, no control characters. */
function parseLabel(body: unknown): string {
  const label = typeof body === 'object' && body !== null ? (body as { label?: unknown }).label : undefined
  if (typeof label !== 'string') throw new HttpError(400, '"label" muss ein Text sein', 'labelMissing')
  const trimmed = label.normalize('NFC').trim()
  if (trimmed.length === 0) throw new HttpError(400, 'Bitte geben Sie eine Bezeichnung an', 'labelMissing')
  if (trimmed.length > MAX_LABEL_LENGTH) throw new HttpError(400, `Die Bezeichnung ist zu lang (höchstens ${MAX_LABEL_LENGTH} Zeichen)`, 'labelTooLong', MAX_LABEL_LENGTH)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) throw new HttpError(400, 'Die Bezeichnung enthält unzulässige Zeichen', 'labelInvalid')
  return trimmed
}

async function createLink(ctx: HttpContext, boardId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req, true)
  const label = parseLabel(await readJson(req, 4 * 1024))
  if ((await ctx.store.moderatorLinks(boardId)).length >= MAX_LINKS_PER_BOARD)
    throw new HttpError(409, `Höchstens ${MAX_LINKS_PER_BOARD} Co-Moderationslinks je Board; nehmen Sie zuerst einen zurück`, 'tooManyLinks', MAX_LINKS_PER_BOARD)
  const token = newToken()
  const link: ModeratorLink = { boardId, id: newItemId(), hash: hashToken(token), label, createdAt: Date.now() }
  await ctx.store.addModeratorLink(link)
  log('moderatorLink.created', { board: boardTag(boardId) })
  json(res, 201, { ...shown(link), moderatorToken: token })
}

async function listLinks(ctx: HttpContext, boardId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req, true)
  json(res, 200, { links: (await ctx.store.moderatorLinks(boardId)).map(shown) })
}

async function revokeLink(ctx: HttpContext, boardId: string, linkId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req, true)
  if (!(await ctx.store.revokeModeratorLink(boardId, linkId))) throw new HttpError(404, 'Diesen Link gibt es nicht (mehr)', 'linkUnknown')
  // Revoked in the store already (refused from now on); the other instances could not be told.
  const closed = await ctx.links.revoke(boardId, linkId).catch((error: unknown) => {
    log('moderatorLink.revokeNotBroadcast', { board: boardTag(boardId), error: String(error) })
    throw new HttpError(503, 'Der Link ist zurückgenommen, aber offene Verbindungen auf anderen Servern konnten nicht geschlossen werden; bitte erneut versuchen')
  })
  log('moderatorLink.revoked', { board: boardTag(boardId), closed })
  res.writeHead(204)
  res.end()
}

/** `/api/boards/<id>/moderators` (GET lists, POST creates) and `/api/boards/<id>/moderators/<linkId>` (DELETE revokes). */
export async function serveModeratorLinks(ctx: HttpContext, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [, , , boardId = '', , linkId] = path.split('/')
  if (linkId !== undefined) {
    if (req.method !== 'DELETE') throw new HttpError(405, 'Nur DELETE')
    await revokeLink(ctx, boardId, decodeURIComponent(linkId), req, res)
  } else if (req.method === 'GET') await listLinks(ctx, boardId, req, res)
  else if (req.method === 'POST') await createLink(ctx, boardId, req, res)
  else throw new HttpError(405, 'Nur GET oder POST')
}

/** Whether a path is one of the co-moderator link routes. */
export const isModeratorLinkPath = (path: string): boolean => /^\/api\/boards\/[^/]+\/moderators(\/[^/]+)?$/.test(path)
