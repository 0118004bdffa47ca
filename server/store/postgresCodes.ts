import type { Pool } from 'pg'
import { CODE_ATTEMPTS, CODE_TTL_MS, newCode } from './JoinCodeStore'
import type { JoinCodeStore, LiveCode } from './JoinCodeStore'

/**
 * Board codes in PostgreSQL beside the boards, so that every instance answers for every code.
 * The pool belongs to the board store, which closes it.
 */
export class PostgresJoinCodeStore implements JoinCodeStore {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  /** With `now` from a test clock. */
  withClock(now: () => number): PostgresJoinCodeStore {
    return new PostgresJoinCodeStore(this.pool, now)
  }

  /**
   * One transaction per board at a time (an advisory lock on the board's id): two instances
   * asked for the same board's code at once hand out the same code.
   */
  async codeFor(boardId: string): Promise<LiveCode> {
    const client = await this.pool.connect()
    let healthy = false
    try {
      await client.query('BEGIN')
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('ballonfahrt.code:' || $1, 0))", [boardId])
      const now = this.now()
      const live = await client.query<{ code: string; expires_at: string }>('SELECT code, expires_at FROM join_codes WHERE board_id = $1 AND expires_at > $2', [boardId, now])
      let result: LiveCode | null = live.rows[0] ? { code: live.rows[0].code, boardId, expiresAt: Number(live.rows[0].expires_at) } : null
      if (!result) {
        await client.query('DELETE FROM join_codes WHERE expires_at <= $1 OR board_id = $2', [now, boardId])
        const expiresAt = now + CODE_TTL_MS
        for (let attempt = 0; attempt < CODE_ATTEMPTS && !result; attempt++) {
          const code = newCode()
          const inserted = await client.query('INSERT INTO join_codes (code, board_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [code, boardId, expiresAt])
          if (inserted.rowCount === 1) result = { code, boardId, expiresAt }
        }
        if (!result) throw new Error('no free board code')
      }
      await client.query('COMMIT')
      healthy = true
      return result
    } catch (error) {
      await client.query('ROLLBACK').then(() => (healthy = true)).catch(() => {})
      throw error
    } finally {
      client.release(!healthy)
    }
  }

  async boardOf(code: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ board_id: string }>('SELECT board_id FROM join_codes WHERE code = $1 AND expires_at > $2', [code, this.now()])
    return rows[0]?.board_id ?? null
  }

  async forget(boardId: string): Promise<void> {
    await this.pool.query('DELETE FROM join_codes WHERE board_id = $1', [boardId])
  }

  async purge(): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM join_codes WHERE expires_at <= $1', [this.now()])
    return rowCount ?? 0
  }

  /** The pool is the board store's. */
  async close(): Promise<void> {}
}
