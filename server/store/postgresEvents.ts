import type { Pool } from 'pg'
import type { EventPlan } from '../../model/event'
import type { EventBoard, EventRecord, EventStore } from './EventStore'
import { log } from '../log'
import { CODE_ATTEMPTS, newCode } from './JoinCodeStore'

/** The tables an event's text lives in: its plan, its boards' rows, updates and snapshots (migrations.ts). */
const ERASED_TABLES = ['events', 'event_boards', 'boards', 'updates', 'snapshots', 'join_codes', 'moderator_links', 'board_epochs'] as const

interface EventRow {
  id: string
  organiser_hash: Buffer
  code: string
  plan: EventPlan
  round_switch: string
  created_at: string
}

/** Events in PostgreSQL beside the boards (migration 3). The pool belongs to the board store. */
export class PostgresEventStore implements EventStore {
  constructor(private readonly pool: Pool) {}

  async createEvent(record: Omit<EventRecord, 'code'>, boards: readonly EventBoard[]): Promise<string> {
    const client = await this.pool.connect()
    let healthy = false
    try {
      await client.query('BEGIN')
      let code: string | null = null
      for (let attempt = 0; attempt < CODE_ATTEMPTS && code === null; attempt++) {
        const candidate = newCode()
        const inserted = await client.query(
          'INSERT INTO events (id, organiser_hash, code, plan, round_switch, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING',
          [record.id, Buffer.from(record.organiserHash), candidate, JSON.stringify(record.plan), record.roundSwitch, record.createdAt],
        )
        if (inserted.rowCount === 1) code = candidate
      }
      if (code === null) throw new Error('no free event code')
      for (const b of boards) await client.query('INSERT INTO event_boards (board_id, event_id, forum, round) VALUES ($1, $2, $3, $4)', [b.boardId, record.id, b.forum, b.round])
      await client.query('COMMIT')
      healthy = true
      return code
    } catch (error) {
      await client.query('ROLLBACK').then(() => (healthy = true)).catch(() => {})
      throw error
    } finally {
      client.release(!healthy)
    }
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const { rows } = await this.pool.query<EventRow>('SELECT id, organiser_hash, code, plan, round_switch, created_at FROM events WHERE id = $1', [id])
    const row = rows[0]
    if (!row) return null
    return {
      id: row.id,
      organiserHash: new Uint8Array(row.organiser_hash),
      code: row.code,
      plan: row.plan,
      roundSwitch: row.round_switch,
      createdAt: Number(row.created_at),
    }
  }

  async boardsOf(eventId: string): Promise<EventBoard[]> {
    const { rows } = await this.pool.query<{ board_id: string; forum: number; round: number }>(
      'SELECT board_id, forum, round FROM event_boards WHERE event_id = $1 ORDER BY forum, round',
      [eventId],
    )
    return rows.map((r) => ({ boardId: r.board_id, forum: r.forum, round: r.round }))
  }

  async eventOfCode(code: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM events WHERE code = $1', [code])
    return rows[0]?.id ?? null
  }

  async eventOfBoard(boardId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ event_id: string }>('SELECT event_id FROM event_boards WHERE board_id = $1', [boardId])
    return rows[0]?.event_id ?? null
  }

  async setRoundSwitch(eventId: string, roundSwitch: string): Promise<void> {
    await this.pool.query('UPDATE events SET round_switch = $2 WHERE id = $1', [eventId, roundSwitch])
  }

  async dropBoard(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ left: string }>(
      `WITH dropped AS (DELETE FROM event_boards WHERE board_id = $1 RETURNING event_id)
       SELECT count(*) AS left FROM event_boards WHERE event_id IN (SELECT event_id FROM dropped) AND board_id <> $1`,
      [boardId],
    )
    return Number(rows[0]?.left ?? 0)
  }

  async deleteEvent(id: string): Promise<void> {
    // The boards' rows go with the event (ON DELETE CASCADE).
    await this.pool.query('DELETE FROM events WHERE id = $1', [id])
    await this.eraseDeleted()
  }

  /**
   * A DELETE in PostgreSQL only marks rows dead: their bytes stay in the table files until VACUUM
   * frees them. Called once the event's boards and the event are deleted, it VACUUMs the tables
   * that held their text, so the table files no longer hold it after the next checkpoint
   * (tests/server/secure-delete-postgres.test.ts). The WAL is the operator's: docs/operations.md.
   * A failed VACUUM (e.g. a user who does not own the tables) leaves that to autovacuum; the rows
   * are deleted either way.
   */
  private async eraseDeleted(): Promise<void> {
    try {
      await this.pool.query(`VACUUM ${ERASED_TABLES.join(', ')}`)
    } catch (error) {
      log('event.vacuumFailed', { error: error instanceof Error ? error.message : String(error) })
    }
  }

  /** The pool is the board store's. */
  async close(): Promise<void> {}
}
