import type { IncomingMessage, ServerResponse } from 'node:http'
import { openRound } from '../model/eventRound'
import { decodeRoundSwitch } from '../model/eventRound'
import { toBoardView } from '../model/view'
import type { BoardView } from '../model/view'
import { boardModeratorToken, eventAccess } from './eventAccess'
import { eventPaths, eventsOf } from './events'
import { HttpError, baseUrl, json } from './httpKit'
import type { HttpContext } from './httpKit'
import { formatCode, joinCodesOf, normaliseCode } from './joinCodes'
import type { EventBoard } from './store/EventStore'

/** What the overview shows of one forum round: counts and state, never a note's text. */
export interface ForumRoundState {
  readonly phase: BoardView['phase']
  /** Connected right now (awareness states of the loaded board). */
  readonly present: number
  /** Notes on the board plus drafts still private. */
  readonly notes: number
  /** Revealed votes (0 until the vote ends). */
  readonly votes: number
  /** The board reached "Abschluss": its report is final. */
  readonly reportDone: boolean
}

/** A forum round's view and people present, or null when the board is gone (deleted on its own). */
export async function readForumRound(ctx: HttpContext, boardId: string): Promise<{ view: BoardView; present: number } | null> {
  if (!(await ctx.store.getBoard(boardId))) return null
  const room = await ctx.rooms.open(boardId)
  try {
    return { view: toBoardView(room.doc), present: room.awareness.getStates().size }
  } finally {
    ctx.rooms.release(room)
  }
}

function stateOf(view: BoardView, present: number): ForumRoundState {
  const drafts = Object.values(view.progress.drafts).reduce((a, b) => a + b, 0)
  return {
    phase: view.phase,
    present,
    notes: view.noteCount + drafts,
    votes: Object.values(view.tally).reduce((a, b) => a + b, 0),
    reportDone: view.phase === 'abschluss',
  }
}

/** `GET /api/events/<id>` with the organiser's token (every forum) or a forum host's (that forum). */
export async function eventOverview(ctx: HttpContext, eventId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { event, boards, organiserToken } = await eventAccess(eventsOf(ctx), ctx.store, eventId, req)
  const base = baseUrl(ctx, req)
  const roundSwitch = decodeRoundSwitch(event.roundSwitch)
  const rows = []
  for (const board of boards) {
    const read = await readForumRound(ctx, board.boardId)
    rows.push({
      boardId: board.boardId,
      forum: event.plan.forums[board.forum]?.title ?? '',
      forumIndex: board.forum,
      round: board.round,
      state: read ? stateOf(read.view, read.present) : null,
      participantUrl: eventPaths.participant(base, board.boardId),
      presentationUrl: eventPaths.presentation(base, board.boardId),
      moderatorUrl: organiserToken ? eventPaths.moderator(base, board.boardId, boardModeratorToken(organiserToken, board.boardId)) : null,
    })
  }
  json(res, 200, {
    eventId,
    title: event.plan.title,
    date: event.plan.date,
    place: event.plan.place,
    rounds: event.plan.rounds.length,
    organiser: organiserToken !== null,
    ...(organiserToken !== null && { eventCode: formatCode(event.code), eventUrl: eventPaths.code(base, event.code) }),
    roundSwitch: event.roundSwitch,
    openRound: openRound(event.plan, roundSwitch, Date.now()),
    boards: rows,
  })
}

/**
 * `GET /api/event-codes/<code>`: what a participant may choose from. Only the open round's boards
 * are named, so another round's board cannot be reached through the code. Rate-limited per
 * address together with the board codes.
 */
export async function eventByCode(ctx: HttpContext, raw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const wait = joinCodesOf(ctx).lookups.take(req.socket.remoteAddress)
  if (wait > 0) {
    res.setHeader('retry-after', String(wait))
    throw new HttpError(429, 'Zu viele Versuche. Bitte in einer Minute erneut versuchen.')
  }
  const code = normaliseCode(safeDecode(raw))
  if (!code) throw new HttpError(400, 'Ein Code hat 8 Zeichen aus Buchstaben und Ziffern 2–9 (ohne I, L, O), zum Beispiel ABCD-EFGH.')
  const events = eventsOf(ctx)
  const eventId = await events.eventOfCode(code)
  const event = eventId === null ? null : await events.getEvent(eventId)
  if (!event) throw new HttpError(404, 'Zu diesem Code gibt es keine Veranstaltung.')
  const open = openRound(event.plan, decodeRoundSwitch(event.roundSwitch), Date.now())
  const offered: EventBoard[] = open === null ? [] : (await events.boardsOf(event.id)).filter((b) => b.round === open)
  json(res, 200, {
    title: event.plan.title,
    date: event.plan.date,
    place: event.plan.place,
    rounds: event.plan.rounds.length,
    openRound: open,
    forums: offered.map((b) => ({ title: event.plan.forums[b.forum]?.title ?? '', boardId: b.boardId })),
  })
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return ''
  }
}
