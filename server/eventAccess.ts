import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isBoardId, isTokenShaped, toBase64Url } from '../model/ids'
import { hashToken, moderatorGrant } from './auth'
import { HttpError } from './httpKit'
import type { BoardStore } from './store/BoardStore'
import type { EventBoard, EventRecord, EventStore } from './store/EventStore'

/**
 * Who may see what of an event. The organiser's token opens everything; a forum host's
 * moderator token (or a co-moderator link of it) opens the forum it moderates (every round of
 * it), and nothing of the others.
 * Only digests are stored and compared, in constant time.
 */
export interface EventAccess {
  readonly event: EventRecord
  /** Every board of the event that this token may see. */
  readonly boards: readonly EventBoard[]
  /** The organiser's token, when that is what came (it yields every moderator token). */
  readonly organiserToken: string | null
}

/**
 * A forum round's moderator token, derived from the organiser's: the server stores neither, and
 * the organiser's token alone gives the moderator link of every board of the event.
 */
export function boardModeratorToken(organiserToken: string, boardId: string): string {
  return toBase64Url(createHmac('sha256', organiserToken).update(`ballonfahrt.forum-round:${boardId}`).digest())
}

function isOrganiserToken(event: EventRecord, token: string): boolean {
  const presented = hashToken(token)
  return presented.length === event.organiserHash.length && timingSafeEqual(presented, event.organiserHash)
}

/** The bearer token of a request, or a 401. */
export function bearerToken(req: IncomingMessage): string {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
  if (!token) throw new HttpError(401, 'Schlüssel fehlt (Authorization: Bearer …)')
  if (!isTokenShaped(token)) throw new HttpError(403, 'Kein Zugang')
  return token
}

/** The event as the request's token may see it; 404 for an unknown event, 403 for a wrong token. */
export async function eventAccess(events: EventStore, store: BoardStore, eventId: string, req: IncomingMessage): Promise<EventAccess> {
  const token = bearerToken(req)
  const event = isBoardId(eventId) ? await events.getEvent(eventId) : null
  if (!event) throw new HttpError(404, 'Veranstaltung nicht gefunden')
  const boards = await events.boardsOf(eventId)
  if (isOrganiserToken(event, token)) return { event, boards, organiserToken: token }
  const hosted = new Set<number>()
  for (const board of boards) {
    const record = await store.getBoard(board.boardId)
    if (record && (await moderatorGrant(store, record, token))) hosted.add(board.forum)
  }
  if (hosted.size === 0) throw new HttpError(403, 'Kein Zugang')
  return { event, boards: boards.filter((b) => hosted.has(b.forum)), organiserToken: null }
}

/** Only the organiser: deleting the event, switching rounds. */
export async function organiserAccess(events: EventStore, store: BoardStore, eventId: string, req: IncomingMessage): Promise<EventAccess> {
  const access = await eventAccess(events, store, eventId, req)
  if (access.organiserToken === null) throw new HttpError(403, 'Nur die Organisation der Veranstaltung darf das')
  return access
}
