import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CODE_ATTEMPTS, CODE_TTL_MS, newCode } from './JoinCodeStore'
import type { JoinCodeStore, LiveCode } from './JoinCodeStore'
import { DATA_FILES } from './files'

/** The file is closed after this long without a request, so an idle server holds no handle. */
const IDLE_CLOSE_MS = 60_000

/** The codes in their own SQLite file in DATA_DIR, so that they survive a restart. */
export class SqliteJoinCodeStore implements JoinCodeStore {
  private db: Database.Database | null = null
  private idle: NodeJS.Timeout | null = null

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private open(): Database.Database {
    if (this.idle) clearTimeout(this.idle)
    this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS)
    this.idle.unref()
    if (this.db) return this.db
    mkdirSync(this.dataDir, { recursive: true })
    const db = new Database(join(this.dataDir, DATA_FILES.joinCodes))
    db.pragma('journal_mode = WAL')
    db.exec(`
      CREATE TABLE IF NOT EXISTS join_codes (
        code TEXT PRIMARY KEY,
        board_id TEXT NOT NULL UNIQUE,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS join_codes_by_expiry ON join_codes (expires_at);
    `)
    this.db = db
    return db
  }

  async codeFor(boardId: string): Promise<LiveCode> {
    const db = this.open()
    const now = this.now()
    return db.transaction((): LiveCode => {
      const live = db
        .prepare<[string, number], { code: string; expires_at: number }>('SELECT code, expires_at FROM join_codes WHERE board_id = ? AND expires_at > ?')
        .get(boardId, now)
      if (live) return { code: live.code, boardId, expiresAt: live.expires_at }
      this.purgeNow()
      // The board's expired code, whatever the clock did in between: one row per board.
      db.prepare('DELETE FROM join_codes WHERE board_id = ?').run(boardId)
      const expiresAt = now + CODE_TTL_MS
      const insert = db.prepare('INSERT OR IGNORE INTO join_codes (code, board_id, expires_at) VALUES (?, ?, ?)')
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const code = newCode()
        if (insert.run(code, boardId, expiresAt).changes === 1) return { code, boardId, expiresAt }
      }
      throw new Error('no free board code')
    }).immediate()
  }

  async boardOf(code: string): Promise<string | null> {
    const row = this.open()
      .prepare<[string, number], { board_id: string }>('SELECT board_id FROM join_codes WHERE code = ? AND expires_at > ?')
      .get(code, this.now())
    return row?.board_id ?? null
  }

  async forget(boardId: string): Promise<void> {
    this.open().prepare('DELETE FROM join_codes WHERE board_id = ?').run(boardId)
  }

  async purge(): Promise<number> {
    return this.purgeNow()
  }

  private purgeNow(): number {
    return this.open().prepare('DELETE FROM join_codes WHERE expires_at <= ?').run(this.now()).changes
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    this.db?.close()
    this.db = null
  }
}
