import type { IncomingMessage, ServerResponse } from 'node:http'
import { isBoardId } from '../model/ids'
import type { HttpContext } from './httpKit'
import { HttpError, json, moderatedBoard } from './httpKit'
import { PerMinuteLimit } from './addressLimit'
import { boardTag, log } from './log'
import { CODE_ALPHABET, CODE_LENGTH } from './store/JoinCodeStore'
import type { JoinCodeStore } from './store/JoinCodeStore'
import { SqliteJoinCodeStore } from './store/sqliteCodes'

export { CODE_ALPHABET, CODE_LENGTH, CODE_TTL_MS } from './store/JoinCodeStore'

/**
 * Short board codes ("ABCD-EFGH") to type on the landing page or read off a shared screen.
 * A code leads to the participant link only, never to moderator rights, and lives 24 hours.
 */

const SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** "abcd efgh", "ABCD-EFGH", "abcdefgh" -> "ABCDEFGH"; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toUpperCase()
  return SHAPE.test(code) ? code : null
}

/** "ABCDEFGH" -> "ABCD-EFGH", the way codes are shown. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** What one server keeps for codes; made on the first request that needs it. */
export interface JoinCodes {
  readonly store: JoinCodeStore
  readonly lookups: PerMinuteLimit
}

const perServer = new WeakMap<HttpContext, JoinCodes>()

/** The codes of the server behind `ctx`, opened lazily so that app.ts need not start them. */
export function joinCodesOf(ctx: HttpContext): JoinCodes {
  let codes = perServer.get(ctx)
  if (!codes) {
    // Kept with the boards when the store keeps them (PostgreSQL: shared by every instance).
    codes = { store: ctx.store.joinCodes ?? new SqliteJoinCodeStore(ctx.config.dataDir), lookups: new PerMinuteLimit(ctx.config.codeLookupsPerMinute, 'code.rateLimited') }
    perServer.set(ctx, codes)
  }
  return codes
}

/** Closes the code file of the server behind `ctx` (for app.ts's close()). */
export async function closeJoinCodes(ctx: HttpContext): Promise<void> {
  await perServer.get(ctx)?.store.close()
}

/** `POST /api/boards/<id>/code` with the moderator token: the board's live code. */
export async function postJoinCode(ctx: HttpContext, boardId: string, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req)
  const live = await joinCodesOf(ctx).store.codeFor(boardId)
  log('code.issued', { board: boardTag(boardId) })
  json(res, 200, {
    code: formatCode(live.code),
    expiresAt: new Date(live.expiresAt).toISOString(),
    participantUrl: `${base}/b/${boardId}`,
  })
}

/** German first, English second, and a reason the client can translate. */
function refuse(res: ServerResponse, status: number, reason: string, de: string, en: string): void {
  json(res, status, { error: de, errorEn: en, reason })
}

/** `GET /api/codes/<code>`: the board a code leads to; rate-limited per address. */
export async function getJoinCode(ctx: HttpContext, raw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const codes = joinCodesOf(ctx)
  // Counted before anything else, so that malformed guesses count too.
  const wait = codes.lookups.take(req.socket.remoteAddress)
  if (wait > 0) {
    res.setHeader('retry-after', String(wait))
    return refuse(res, 429, 'rateLimited', 'Zu viele Versuche. Bitte in einer Minute erneut versuchen.', 'Too many attempts. Please try again in a minute.')
  }
  let text: string
  try {
    text = decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'Ungültiger Code')
  }
  const code = normaliseCode(text)
  if (!code)
    return refuse(
      res,
      400,
      'malformed',
      'Ein Code hat 8 Zeichen aus Buchstaben und Ziffern 2–9 (ohne I, L, O), zum Beispiel ABCD-EFGH.',
      'A code has 8 characters: letters and digits 2–9 (no I, L, O), for example ABCD-EFGH.',
    )
  const boardId = await codes.store.boardOf(code)
  // A board deleted or expired since takes its code with it.
  const exists = boardId !== null && isBoardId(boardId) && (await ctx.store.getBoard(boardId)) !== null
  if (!exists) {
    if (boardId !== null) await codes.store.forget(boardId)
    return refuse(res, 404, 'unknown', 'Diesen Code gibt es nicht oder er ist abgelaufen.', 'This code does not exist or has expired.')
  }
  json(res, 200, { boardId })
}
