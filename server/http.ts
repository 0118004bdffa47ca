import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { initBoard } from '../model/board'
import { budgetUnder } from '../model/reveal'
import { importBoard } from '../model/export/json'
import { isBoardId, newSecretId, newToken } from '../model/ids'
import { LIMITS } from '../model/limits'
import { metaOf } from '../model/schema'
import { isValidSetting, readSettings } from '../model/settings'
import { isLocale } from '../model/zones'
import type { NewBoard } from '../model/schema'
import { CLOSE } from '../protocol/messages'
import { hashToken } from './auth'
import { admitNewBoard } from './creation'
import { boardTag, log } from './log'
import { HttpError, baseUrl, json, moderatedBoard, readJson } from './httpKit'
import type { HttpContext } from './httpKit'
import { isEventPath, serveEvents } from './eventRoutes'
import { forgetEventBoard } from './events'
import { demoBoard, exportBoard, readBoardFile } from './exports'
import { getJoinCode, joinCodesOf, postJoinCode } from './joinCodes'
import { countAnswer } from './metrics'
import { isModeratorLinkPath, serveModeratorLinks } from './moderatorLinks'
import { OPERATIONS_PATHS, serveOperations } from './probes'
import { isSeriesPath, serveSeries } from './series'
import { serveStatic } from './static'

/**
 * Headers on every response: nothing from third parties, no referrer (links carry secrets).
 * Websockets may go to this server only: its own ws/wss origin, not any host.
 */
export function securityHeaders(host: string | undefined): Record<string, string> {
  const own = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : ''
  return {
    'content-security-policy': `default-src 'self'; connect-src 'self'${own}; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
  }
}

function optionalString(body: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new HttpError(400, `"${key}" muss ein Text sein`)
  if (value.length > max) throw new HttpError(400, `"${key}" ist zu lang (höchstens ${max} Zeichen)`)
  return value
}

function parseNewBoard(body: unknown): NewBoard {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'Erwartet wird ein JSON-Objekt')
  const record = body as Record<string, unknown>
  const title = optionalString(record, 'title', LIMITS.titleLength)
  const topic = optionalString(record, 'topic', LIMITS.titleLength)
  const locale = record.locale
  if (locale !== undefined && !isLocale(locale)) throw new HttpError(400, '"locale" muss "de" oder "en" sein')
  const settings = record.settings
  if (settings !== undefined) {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new HttpError(400, '"settings" muss ein Objekt sein')
    for (const [name, value] of Object.entries(settings)) {
      if (!isValidSetting(name, value)) throw new HttpError(400, `Ungültige Einstellung "${name}"`)
    }
  }
  return {
    ...(title !== undefined && { title }),
    ...(topic !== undefined && { topic }),
    ...(locale !== undefined && { locale }),
    ...(settings !== undefined && { settings: settings as Record<string, unknown> }),
  }
}

/** Creates a board whose doc `fill` writes, runs `then` with its id, and answers 201 with its links. */
async function storeNewBoard(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  fill: (doc: Y.Doc) => void,
  then?: (boardId: string) => Promise<void>,
): Promise<void> {
  // Before anything is stored: a Host the server cannot vouch for makes no board.
  const base = baseUrl(ctx, req)
  const boardId = newSecretId()
  const moderatorToken = newToken()
  const doc = new Y.Doc()
  fill(doc)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  // An imported board keeps to the board byte cap like the server's other writes, with room left for the moderation.
  const room = budgetUnder(ctx.config.maxBoardBytes, 0).bytes
  if (update.byteLength > room) throw new HttpError(413, `Das Board wäre zu groß (${update.byteLength} Bytes, höchstens ${Math.floor(room)}); bitte importieren Sie weniger Inhalt`)
  const now = Date.now()
  await ctx.store.createBoard({ id: boardId, moderatorHash: hashToken(moderatorToken), createdAt: now, activeAt: now }, update)
  log('board.created', { board: boardTag(boardId) })
  await then?.(boardId)
  json(res, 201, {
    boardId,
    participantUrl: `${base}/b/${boardId}`,
    moderatorUrl: `${base}/b/${boardId}#m=${moderatorToken}`,
    moderatorToken,
  })
}

async function createBoard(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const input = parseNewBoard(await readJson(req, 16 * 1024))
  await storeNewBoard(ctx, req, res, (doc) => initBoard(doc, input))
}

async function importBoardFile(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, data: unknown): Promise<void> {
  const file = readBoardFile(data)
  await storeNewBoard(ctx, req, res, (doc) => importBoard(doc, file))
}

async function boardInfo(ctx: HttpContext, boardId: string, res: ServerResponse): Promise<void> {
  const record = isBoardId(boardId) ? await ctx.store.getBoard(boardId) : null
  if (!record) throw new HttpError(404, 'Board nicht gefunden')
  const room = await ctx.rooms.open(boardId)
  const meta = metaOf(room.doc)
  const title = meta.get('title')
  // Whether the join dialog asks for "Kommune / Institution" (a moderator setting, issue 16).
  const { askInstitution } = readSettings(meta)
  ctx.rooms.release(room)
  json(res, 200, { boardId, title: typeof title === 'string' ? title : '', askInstitution })
}

/** Deletes a board at once: every connection closes with 4410 and every row is removed. */
async function deleteBoard(ctx: HttpContext, boardId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req)
  await ctx.rooms.evictBoard(boardId, CLOSE.deleted, 'Board gelöscht')
  await ctx.store.deleteBoard(boardId)
  await joinCodesOf(ctx).store.forget(boardId)
  await forgetEventBoard(ctx, boardId)
  log('board.deleted', { board: boardTag(boardId) })
  res.writeHead(204)
  res.end()
}

/** The request target as a URL; null when it is none, or its path is not valid percent-encoding (`/%E0%A4%A`). */
function parseTarget(target: string | undefined): URL | null {
  try {
    const url = new URL(target ?? '/', 'http://localhost')
    decodeURIComponent(url.pathname)
    return url
  } catch {
    return null
  }
}

export async function handleHttp(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(securityHeaders(req.headers.host))) res.setHeader(name, value)
  const url = parseTarget(req.url)
  const path = url?.pathname ?? ''
  countAnswer(path, res)
  // A request target that is no URL (e.g. "http://[") would otherwise throw outside the handler
  // below; one that cannot be decoded is answered alike, whatever route it names.
  if (!url) return json(res, 400, { error: 'Ungültige Adresse' })
  try {
    if (OPERATIONS_PATHS.has(path)) {
      await serveOperations(ctx, path, req, res)
    } else if (path === '/api/boards') {
      if (req.method !== 'POST') throw new HttpError(405, 'Nur POST')
      await admitNewBoard(ctx, req, res)
      await createBoard(ctx, req, res)
    } else if (path === '/api/boards/import' || path === '/api/boards/demo') {
      if (req.method !== 'POST') throw new HttpError(405, 'Nur POST')
      await admitNewBoard(ctx, req, res)
      const data = path === '/api/boards/demo' ? demoBoard() : await readJson(req, 2 * 1024 * 1024)
      await importBoardFile(ctx, req, res, data)
    } else if (/^\/api\/boards\/[^/]+\/export\.[a-z]+$/.test(path)) {
      if (req.method !== 'GET') throw new HttpError(405, 'Nur GET')
      const [, , , boardId, file] = path.split('/')
      await exportBoard(ctx, boardId!, file!.slice('export.'.length), url.searchParams, req, res)
    } else if (/^\/api\/boards\/[^/]+\/code$/.test(path)) {
      if (req.method !== 'POST') throw new HttpError(405, 'Nur POST')
      await postJoinCode(ctx, path.split('/')[3]!, baseUrl(ctx, req), req, res)
    } else if (isSeriesPath(path)) {
      await serveSeries(ctx, path, req, res, storeNewBoard)
    } else if (isModeratorLinkPath(path)) {
      await serveModeratorLinks(ctx, path, req, res)
    } else if (/^\/api\/codes\/[^/]+$/.test(path)) {
      if (req.method !== 'GET') throw new HttpError(405, 'Nur GET')
      await getJoinCode(ctx, path.slice('/api/codes/'.length), req, res)
    } else if (isEventPath(path)) {
      await serveEvents(ctx, path, req, res)
    } else if (path.startsWith('/api/boards/')) {
      const boardId = path.slice('/api/boards/'.length)
      if (req.method === 'GET') await boardInfo(ctx, boardId, res)
      else if (req.method === 'DELETE') await deleteBoard(ctx, boardId, req, res)
      else throw new HttpError(405, 'Nur GET oder DELETE')
    } else if (path.startsWith('/api/')) {
      throw new HttpError(404, 'Unbekannte Schnittstelle')
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      serveStatic(ctx.config.clientDir, req, res)
    } else {
      throw new HttpError(405, 'Methode nicht erlaubt')
    }
  } catch (error) {
    if (error instanceof HttpError) json(res, error.status, error.body())
    else {
      log('http.error', { path: path.startsWith('/api/') ? path.split('/').slice(0, 3).join('/') : 'page', error: String(error) })
      if (!res.headersSent) json(res, 500, { error: 'Interner Fehler' })
      else res.end()
    }
  }
}
