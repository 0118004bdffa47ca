import type * as Y from 'yjs'
import type { ParticipantId } from './ids'
import { LOCAL, membersOf } from './schema'

/**
 * Seats: the order in which participants joined a board (0, 1, 2 …), written by the server into
 * `members` (participant id -> seat) and never by a client (model/rules.ts refuses every write
 * to `members`). A participant's look on the board follows from the seat (client/theme/), so
 * the first members of a board all look different, on every screen.
 *
 * Boards from before seats hold `true` for each member. Read, such members sit after every
 * numbered seat, in the order of their ids; when the server next seats someone, it numbers
 * them so first, so nobody's seat changes.
 */
export type Seats = Readonly<Record<ParticipantId, number>>

/** The largest seat a value may name: far above any connection limit. */
const MAX_SEAT = 1_000_000

/** Whether a stored value is a seat number (not an old board's `true`, nor garbage). */
export function isSeat(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_SEAT
}

/**
 * Every member's seat, 0 … n-1: members by stored seat, then those without one (an old board)
 * by id. Two members with the same stored seat (which the server never writes) are told apart
 * by id, so every screen still gives each member a seat of their own.
 */
export function seatsOf(members: Y.Map<unknown>): Seats {
  const order = [...members.entries()].map(([id, value]) => ({ id, stored: isSeat(value) ? value : Infinity }))
  order.sort((a, b) => a.stored - b.stored || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const seats: Record<ParticipantId, number> = {}
  order.forEach(({ id }, seat) => (seats[id] = seat))
  return seats
}

/**
 * Seats the participants not yet members, in the order given, up to `cap` members, in one
 * transaction; returns those it seated. Members of an old board (`true`) are numbered first,
 * as `seatsOf` reads them. Only the board's owner calls this (the server), one call at a time.
 */
export function seatMembers(board: Y.Doc, participants: Iterable<ParticipantId>, cap: number): ParticipantId[] {
  const members = membersOf(board)
  const fresh = [...new Set(participants)].filter((p) => !members.has(p)).slice(0, Math.max(0, cap - members.size))
  if (fresh.length === 0) return fresh
  const seats = seatsOf(members)
  const first = members.size
  board.transact(() => {
    for (const [id, seat] of Object.entries(seats)) if (members.get(id) !== seat) members.set(id, seat)
    fresh.forEach((p, i) => members.set(p, first + i))
  }, LOCAL)
  return fresh
}
