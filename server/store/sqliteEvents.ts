import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EventPlan } from '../../model/event'
import type { EventBoard, EventRecord, EventStore } from './EventStore'
import { CODE_ATTEMPTS, newCode } from './JoinCodeStore'
import { DATA_FILES } from './files'

interface EventRow {
  id: string
  organiser_hash: Buffer
  code: string
  plan: string
  round_switch: string
  created_at: number
}

/**
 * Events in their own SQLite file in DATA_DIR. Deleted rows leave no text behind: secure_delete
 * overwrites freed pages, and a deletion ends with a truncating checkpoint, so the WAL keeps no
 * older copy of the pages either.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, DATA_FILES.events))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('secure_delete = ON')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY,
        organiser_hash BLOB NOT NULL,
        code TEXT NOT NULL UNIQUE,
        plan TEXT NOT NULL,
        round_switch TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS event_boards (
        board_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        forum INTEGER NOT NULL,
        round INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS event_boards_by_event ON event_boards (event_id, forum, round);
    `)
  }

  async createEvent(record: Omit<EventRecord, 'code'>, boards: readonly EventBoard[]): Promise<string> {
    const insertEvent = this.db.prepare('INSERT OR IGNORE INTO events (id, organiser_hash, code, plan, round_switch, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    const insertBoard = this.db.prepare('INSERT INTO event_boards (board_id, event_id, forum, round) VALUES (?, ?, ?, ?)')
    return this.db.transaction((): string => {
      if (this.db.prepare('SELECT 1 FROM events WHERE id = ?').get(record.id)) throw new Error('event id taken')
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const code = newCode()
        const row = [record.id, Buffer.from(record.organiserHash), code, JSON.stringify(record.plan), record.roundSwitch, record.createdAt]
        if (insertEvent.run(...row).changes !== 1) continue
        for (const b of boards) insertBoard.run(b.boardId, record.id, b.forum, b.round)
        return code
      }
      throw new Error('no free event code')
    }).immediate()
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const row = this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?').get(id)
    if (!row) return null
    return {
      id: row.id,
      organiserHash: new Uint8Array(row.organiser_hash),
      code: row.code,
      plan: JSON.parse(row.plan) as EventPlan,
      roundSwitch: row.round_switch,
      createdAt: row.created_at,
    }
  }

  async boardsOf(eventId: string): Promise<EventBoard[]> {
    return this.db
      .prepare<[string], { board_id: string; forum: number; round: number }>('SELECT board_id, forum, round FROM event_boards WHERE event_id = ? ORDER BY forum, round')
      .all(eventId)
      .map((r) => ({ boardId: r.board_id, forum: r.forum, round: r.round }))
  }

  async eventOfCode(code: string): Promise<string | null> {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM events WHERE code = ?').get(code)?.id ?? null
  }

  async eventOfBoard(boardId: string): Promise<string | null> {
    return this.db.prepare<[string], { event_id: string }>('SELECT event_id FROM event_boards WHERE board_id = ?').get(boardId)?.event_id ?? null
  }

  async setRoundSwitch(eventId: string, roundSwitch: string): Promise<void> {
    this.db.prepare('UPDATE events SET round_switch = ? WHERE id = ?').run(roundSwitch, eventId)
  }

  async dropBoard(boardId: string): Promise<number> {
    const eventId = await this.eventOfBoard(boardId)
    if (eventId === null) return 0
    this.db.prepare('DELETE FROM event_boards WHERE board_id = ?').run(boardId)
    return (this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM event_boards WHERE event_id = ?').get(eventId)?.n ?? 0)
  }

  async deleteEvent(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM event_boards WHERE event_id = ?').run(id)
      this.db.prepare('DELETE FROM events WHERE id = ?').run(id)
    })()
    // The only connection to this file: the checkpoint copies everything and empties the WAL.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
