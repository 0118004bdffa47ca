import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { EventPlanError, forumRounds, parseEventPlan } from '../model/event'
import type { EventPlan } from '../model/event'
import { initForumRound } from '../model/eventBoard'
import { AUTO, encodeRoundSwitch, parseRoundSwitch } from '../model/eventRound'
import { newSecretId, newToken } from '../model/ids'
import { CLOSE } from '../protocol/messages'
import { hashToken } from './auth'
import { admitNewBoard } from './creation'
import { boardModeratorToken, organiserAccess } from './eventAccess'
import { HttpError, baseUrl, json, readJson } from './httpKit'
import type { HttpContext } from './httpKit'
import { formatCode, joinCodesOf } from './joinCodes'
import { boardTag, log } from './log'
import type { EventBoard, EventStore } from './store/EventStore'
import { SqliteEventStore } from './store/sqliteEvents'

/** An event's plan is small: 12 forums with their questions fit in a few kilobytes. */
const PLAN_BYTES = 64 * 1024

const perServer = new WeakMap<HttpContext, EventStore>()

/** The events of the server behind `ctx`: beside the boards when the store keeps them, else a file in DATA_DIR. */
export function eventsOf(ctx: HttpContext): EventStore {
  let events = perServer.get(ctx)
  if (!events) {
    events = ctx.store.events ?? new SqliteEventStore(ctx.config.dataDir)
    perServer.set(ctx, events)
  }
  return events
}

/** Closes the events file of the server behind `ctx` (for app.ts's close()). */
export async function closeEvents(ctx: HttpContext): Promise<void> {
  await perServer.get(ctx)?.close()
}

export const eventPaths = {
  organiser: (base: string, eventId: string, token: string) => `${base}/v/${eventId}#o=${token}`,
  code: (base: string, code: string) => `${base}/e/${formatCode(code)}`,
  participant: (base: string, boardId: string) => `${base}/b/${boardId}`,
  moderator: (base: string, boardId: string, token: string) => `${base}/b/${boardId}#m=${token}`,
  presentation: (base: string, boardId: string) => `${base}/b/${boardId}/praesentation`,
}

function readPlan(body: unknown): EventPlan {
  try {
    return parseEventPlan(body)
  } catch (error) {
    if (error instanceof EventPlanError) throw new HttpError(400, error.message)
    throw error
  }
}

/** Stores one board per forum round, every one under its own moderator token derived from the organiser's. */
async function storeBoards(ctx: HttpContext, plan: EventPlan, organiserToken: string): Promise<EventBoard[]> {
  const created: EventBoard[] = []
  try {
    for (const { forum, round } of forumRounds(plan)) {
      const boardId = newSecretId()
      const now = Date.now()
      const doc = new Y.Doc()
      initForumRound(doc, plan, forum, round, now)
      const moderatorHash = hashToken(boardModeratorToken(organiserToken, boardId))
      await ctx.store.createBoard({ id: boardId, moderatorHash, createdAt: now, activeAt: now }, Y.encodeStateAsUpdate(doc))
      doc.destroy()
      created.push({ boardId, forum, round })
    }
    return created
  } catch (error) {
    // Half an event is no event: the boards made so far go again.
    for (const board of created) await ctx.store.deleteBoard(board.boardId).catch(() => {})
    throw error
  }
}

/** `POST /api/events`: the event, a board per forum round, the organiser's token and the event code. */
export async function createEvent(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Before anything is stored, as for a board: JSON only, the per-address limit (an event counts once;
  // it holds at most EVENT_LIMITS.boards boards), the storage quota, and a vetted Host.
  await admitNewBoard(ctx, req, res)
  const base = baseUrl(ctx, req)
  const plan = readPlan(await readJson(req, PLAN_BYTES))
  const eventId = newSecretId()
  const organiserToken = newToken()
  const boards = await storeBoards(ctx, plan, organiserToken)
  let code: string
  try {
    code = await eventsOf(ctx).createEvent({ id: eventId, organiserHash: hashToken(organiserToken), plan, roundSwitch: encodeRoundSwitch(AUTO), createdAt: Date.now() }, boards)
  } catch (error) {
    for (const board of boards) await ctx.store.deleteBoard(board.boardId).catch(() => {})
    throw error
  }
  log('event.created', { event: boardTag(eventId), boards: boards.length })
  json(res, 201, {
    eventId,
    title: plan.title,
    eventCode: formatCode(code),
    eventUrl: eventPaths.code(base, code),
    organiserUrl: eventPaths.organiser(base, eventId, organiserToken),
    organiserToken,
    boards: boards.map((b) => {
      const moderatorToken = boardModeratorToken(organiserToken, b.boardId)
      return {
        boardId: b.boardId,
        forum: plan.forums[b.forum]!.title,
        forumIndex: b.forum,
        round: b.round,
        participantUrl: eventPaths.participant(base, b.boardId),
        moderatorUrl: eventPaths.moderator(base, b.boardId, moderatorToken),
        moderatorToken,
      }
    }),
  })
}

/** `DELETE /api/events/<id>` (organiser): every board goes completely (connections closed with 4410), then the event. */
export async function deleteEvent(ctx: HttpContext, eventId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const events = eventsOf(ctx)
  const { boards } = await organiserAccess(events, ctx.store, eventId, req)
  for (const { boardId } of boards) {
    await ctx.rooms.evictBoard(boardId, CLOSE.deleted, 'Veranstaltung gelöscht')
    await ctx.store.deleteBoard(boardId)
    await joinCodesOf(ctx).store.forget(boardId)
  }
  await events.deleteEvent(eventId)
  log('event.deleted', { event: boardTag(eventId), boards: boards.length })
  res.writeHead(204)
  res.end()
}

/** `PUT /api/events/<id>/round` (organiser) with `{ "open": 2 | "auto" | null }`: which round participants are offered. */
export async function switchRound(ctx: HttpContext, eventId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const events = eventsOf(ctx)
  const { event } = await organiserAccess(events, ctx.store, eventId, req)
  const body = await readJson(req, 1024)
  const open = typeof body === 'object' && body !== null && 'open' in body ? (body as { open: unknown }).open : undefined
  const switched = parseRoundSwitch(event.plan, open)
  if (!switched) throw new HttpError(400, `"open" muss eine Runde von 1 bis ${event.plan.rounds.length}, "auto" oder null sein`)
  await events.setRoundSwitch(eventId, encodeRoundSwitch(switched))
  json(res, 200, { roundSwitch: encodeRoundSwitch(switched) })
}

/** A board that expired or was deleted on its own leaves its event; the last one takes the event with it. */
export async function forgetEventBoard(ctx: HttpContext, boardId: string): Promise<void> {
  const events = eventsOf(ctx)
  const eventId = await events.eventOfBoard(boardId)
  if (eventId === null) return
  if ((await events.dropBoard(boardId)) === 0) await events.deleteEvent(eventId)
}
