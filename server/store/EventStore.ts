import type { EventPlan } from '../../model/event'

/**
 * Where events (Veranstaltungen) live: their plan, the organiser's token digest, the event code
 * and which board is which forum round. The boards themselves are ordinary boards in the
 * BoardStore. SQLite: a file of its own in DATA_DIR (sqliteEvents.ts); PostgreSQL: tables beside
 * the boards, shared by every instance (postgresEvents.ts). Writes resolve once durable.
 */
export interface EventRecord {
  readonly id: string
  /** SHA-256 of the organiser token; the token itself is never stored. */
  readonly organiserHash: Uint8Array
  /** The event code, normalised (8 characters of CODE_ALPHABET, no dash). */
  readonly code: string
  readonly plan: EventPlan
  /** The organiser's round switch, as encodeRoundSwitch writes it. */
  readonly roundSwitch: string
  readonly createdAt: number
}

export interface EventBoard {
  readonly boardId: string
  /** Index into plan.forums. */
  readonly forum: number
  /** From 1. */
  readonly round: number
}

export interface EventStore {
  /** Stores the event with its boards under a new event code, which it returns; rejects when the id is taken. */
  createEvent(record: Omit<EventRecord, 'code'>, boards: readonly EventBoard[]): Promise<string>
  getEvent(id: string): Promise<EventRecord | null>
  /** The event's boards, forum by forum, round by round. */
  boardsOf(eventId: string): Promise<EventBoard[]>
  /** The event a normalised code leads to, or null. */
  eventOfCode(code: string): Promise<string | null>
  /** The event a board belongs to, or null. */
  eventOfBoard(boardId: string): Promise<string | null>
  setRoundSwitch(eventId: string, roundSwitch: string): Promise<void>
  /** Drops a board from its event (it expired or was deleted); returns how many boards the event has left. */
  dropBoard(boardId: string): Promise<number>
  /**
   * Removes the event and its list of boards, leaving nothing of its text behind: SQLite with
   * secure_delete and a truncating checkpoint, PostgreSQL with a VACUUM of the event's and the
   * boards' tables (so call it after the event's boards are deleted).
   */
  deleteEvent(id: string): Promise<void>
  close(): Promise<void>
}
