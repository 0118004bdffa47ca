import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as Y from 'yjs'
import { initFollowUp } from '../model/followUp'
import { newSecretId } from '../model/ids'
import { seriesOverview } from '../model/series'
import { toBoardView } from '../model/view'
import type { BoardView } from '../model/view'
import { admitNewBoard } from './creation'
import { HttpError, json, moderatedBoard } from './httpKit'
import type { HttpContext } from './httpKit'
import { boardTag, log } from './log'

/** `/api/boards/<id>/followup` and `/api/boards/<id>/series`. */
export function isSeriesPath(path: string): boolean {
  return /^\/api\/boards\/[^/]+\/(followup|series)$/.test(path)
}

/** Creates a board whose doc `fill` writes; `then` runs with its id before the 201 goes out (http.ts). */
export type StoreNewBoard = (
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  fill: (doc: Y.Doc) => void,
  then: (boardId: string) => Promise<void>,
) => Promise<void>

async function currentView(ctx: HttpContext, boardId: string): Promise<BoardView> {
  const room = await ctx.rooms.open(boardId)
  try {
    return toBoardView(room.doc)
  } finally {
    ctx.rooms.release(room)
  }
}

/**
 * `POST /api/boards/<id>/followup` with a moderator token of the board: a new board in the same
 * series (model/followUp.ts), admitted like any new board (rate limit, storage quota).
 */
async function postFollowUp(ctx: HttpContext, boardId: string, req: IncomingMessage, res: ServerResponse, store: StoreNewBoard): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req)
  await admitNewBoard(ctx, req, res)
  const previous = await currentView(ctx, boardId)
  await store(ctx, req, res, (doc) => initFollowUp(doc, previous), async (newId) => {
    try {
      await ctx.store.addFollowUp(boardId, newId, newSecretId())
    } catch {
      // The previous board was deleted meanwhile: the new one would belong to no series.
      await ctx.store.deleteBoard(newId)
      throw new HttpError(404, 'Board nicht gefunden')
    }
    log('board.followUp', { board: boardTag(newId), previous: boardTag(boardId) })
  })
}

/**
 * `GET /api/boards/<id>/series` with a moderator token of the board: every meeting of its series
 * (a board in no series is a series of one). A moderator of any meeting sees all of them, as
 * summaries only (no notes, no links, no board ids): see docs/decisions.md.
 */
async function getSeries(ctx: HttpContext, boardId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await moderatedBoard(ctx.store, boardId, req)
  const series = await ctx.store.seriesOf(boardId)
  const boards = series ? await ctx.store.seriesBoards(series) : [boardId]
  const views: BoardView[] = []
  for (const id of boards) {
    if (!(await ctx.store.getBoard(id))) continue
    views.push(await currentView(ctx, id))
  }
  const meetings = seriesOverview(views)
  const current = boards.indexOf(boardId) + 1
  json(res, 200, { current, meetings })
}

export async function serveSeries(ctx: HttpContext, path: string, req: IncomingMessage, res: ServerResponse, store: StoreNewBoard): Promise<void> {
  const [, , , boardId, what] = path.split('/')
  if (what === 'followup') {
    if (req.method !== 'POST') throw new HttpError(405, 'Nur POST')
    return postFollowUp(ctx, boardId!, req, res, store)
  }
  if (req.method !== 'GET') throw new HttpError(405, 'Nur GET')
  return getSeries(ctx, boardId!, req, res)
}
