import pg from 'pg'
import type { Pool, PoolClient } from 'pg'
import type { StaleEpochError } from './BoardStore'
import { boardOfDoc } from './BoardStore'
import type { BoardRecord, BoardStore, ModeratorLink, StoredBoard, TrashRecord } from './BoardStore'
import { LOCKS, migrate } from './migrations'
import { PostgresJoinCodeStore } from './postgresCodes'
import { PostgresEventStore } from './postgresEvents'
import { Fences } from './postgresFences'

interface Pending {
  readonly doc: string
  readonly data: Uint8Array
  readonly onCommitted: ((seq: number) => void) | undefined
  readonly resolve: (seq: number) => void
  readonly reject: (error: unknown) => void
}

export interface PostgresOptions {
  /** Connections in the pool (appends use one at a time; reads and compactions the rest). */
  readonly poolSize?: number
  /** How long to wait for a connection before an append or a read fails (ms). */
  readonly connectTimeoutMs?: number
  /**
   * How long one statement may take before it fails (ms): a database that stopped answering
   * (paused, cut off) must not hold every write forever. A COMMIT that times out is reported as
   * failed although it may have happened; the client then sends its change again, which Yjs
   * takes once.
   */
  readonly queryTimeoutMs?: number
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const ROWS_PER_INSERT = 1000

/** A Buffer from pg as a plain Uint8Array view (Yjs decodes Buffer subarrays much slower). */
const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const buffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)
/** A LIKE pattern matching names that start with `prefix`. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * PostgreSQL, shared by several instances. Every session runs with synchronous_commit on, so
 * a COMMIT returns once its WAL is flushed to disk: committed and durable are the same moment,
 * and an append resolves (and its `onCommitted` runs) after its COMMIT. Appends of one
 * event-loop tick go into one transaction; while it commits, new appends gather for the next
 * one (group commit), on one connection at a time, so a doc's log keeps the order of its updates.
 */
export class PostgresBoardStore implements BoardStore {
  private queue: Pending[] = []
  private commitWaiters: Array<() => void> = []
  private flushScheduled = false
  private writing: Promise<void> | null = null
  private readonly fences = new Fences()
  readonly joinCodes: PostgresJoinCodeStore
  readonly events: PostgresEventStore

  private constructor(private readonly pool: Pool) {
    this.joinCodes = new PostgresJoinCodeStore(pool)
    this.events = new PostgresEventStore(pool)
  }

  /** Connects, applies the missing migrations (under an advisory lock) and returns the store. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresBoardStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 8,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 15_000,
      // Acknowledged means durable whatever the server's default is.
      options: '-c synchronous_commit=on',
    })
    // An idle connection lost (the server restarted) is dropped by the pool; the next query
    // opens a new one. Without a listener the error would end the process.
    pool.on('error', () => {})
    // A connection lost while checked out between two queries (PostgreSQL killed mid-transaction)
    // reports on the client, where the pool does not listen: the next query fails instead.
    pool.on('connect', (client) => client.on('error', () => {}))
    try {
      await migrate(pool)
    } catch (error) {
      await pool.end()
      throw error
    }
    return new PostgresBoardStore(pool)
  }

  /** Runs `work` in one transaction on one connection; a broken connection is not reused. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      client.release()
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      client.release(error instanceof Error ? error : new Error(String(error)))
      throw error
    }
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO boards (id, moderator_hash, created_at, active_at) VALUES ($1, $2, $3, $4)', [
        record.id,
        buffer(record.moderatorHash),
        record.createdAt,
        record.activeAt,
      ])
      await client.query('INSERT INTO snapshots (doc, upto, data) VALUES ($1, 0, $2)', [record.id, buffer(initialState)])
    })
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const { rows } = await this.pool.query<{ id: string; moderator_hash: Buffer; created_at: string; active_at: string }>(
      'SELECT id, moderator_hash, created_at, active_at FROM boards WHERE id = $1',
      [id],
    )
    const row = rows[0]
    if (!row) return null
    return { id: row.id, moderatorHash: new Uint8Array(row.moderator_hash), createdAt: Number(row.created_at), activeAt: Number(row.active_at) }
  }

  /** Snapshot and tail in one statement, so both come from the same moment. */
  async load(id: string): Promise<StoredBoard> {
    const { rows } = await this.pool.query<{ kind: number; seq: string; data: Buffer }>(
      `SELECT 0 AS kind, upto AS seq, data FROM snapshots WHERE doc = $1
       UNION ALL
       SELECT 1 AS kind, seq, data FROM updates
        WHERE doc = $1 AND seq > COALESCE((SELECT upto FROM snapshots WHERE doc = $1), 0)
       ORDER BY kind, seq`,
      [id],
    )
    const snapshot = rows[0]?.kind === 0 ? rows[0] : null
    const tail = snapshot ? rows.slice(1) : rows
    return {
      snapshot: snapshot ? bytes(snapshot.data) : null,
      updates: tail.map((row) => bytes(row.data)),
      lastSeq: Number(rows.at(-1)?.seq ?? 0),
    }
  }

  append(id: string, update: Uint8Array, onCommitted?: (seq: number) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc: id, data: update, onCommitted, resolve, reject })
      this.scheduleFlush()
    })
  }

  committed(): Promise<void> {
    if (this.queue.length > 0 || this.flushScheduled) return new Promise((resolve) => this.commitWaiters.push(resolve))
    return this.writing ?? Promise.resolve()
  }

  /** A COMMIT is durable when it returns (synchronous_commit on): committed is flushed. */
  flushed(): Promise<void> {
    return this.committed()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.writing) return
    this.flushScheduled = true
    setImmediate(() => {
      this.flushScheduled = false
      this.flush()
    })
  }

  /** Commits what has gathered; when that is done, what gathered meanwhile. */
  private flush(): void {
    const batch = this.queue
    const waiters = this.commitWaiters
    this.queue = []
    this.commitWaiters = []
    if (batch.length === 0) {
      for (const w of waiters) w()
      return
    }
    const writing = this.commit(batch).finally(() => {
      for (const w of waiters) w()
      this.writing = null
      if (this.queue.length > 0) this.flush()
      else for (const w of this.commitWaiters.splice(0)) w()
    })
    this.writing = writing
  }

  private async commit(batch: Pending[]): Promise<void> {
    let outcome: { seqs: Map<Pending, number>; stale: Map<Pending, StaleEpochError> }
    try {
      outcome = await this.transaction((client) => this.writeBatch(client, batch))
    } catch (error) {
      for (const p of batch) p.reject(error)
      return
    }
    for (const p of batch) {
      const seq = outcome.seqs.get(p)
      if (seq === undefined) {
        p.reject(outcome.stale.get(p))
        continue
      }
      p.onCommitted?.(seq)
      p.resolve(seq)
    }
  }

  /**
   * Inserts the batch's updates, except those of boards a newer epoch has claimed (those are
   * refused, the others still go in). Board activity is touched once per board.
   */
  private async writeBatch(client: PoolClient, batch: Pending[]) {
    const stale = await this.fences.stale(client, new Set(batch.map((p) => boardOfDoc(p.doc))))
    const refused = new Map<Pending, StaleEpochError>()
    const accepted: Pending[] = []
    for (const p of batch) {
      const error = stale.get(boardOfDoc(p.doc))
      if (error) refused.set(p, error)
      else accepted.push(p)
    }
    const seqs = new Map<Pending, number>()
    if (accepted.length === 0) return { seqs, stale: refused }
    for (let start = 0; start < accepted.length; start += ROWS_PER_INSERT) {
      const chunk = accepted.slice(start, start + ROWS_PER_INSERT)
      const values = chunk.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')
      const params = chunk.flatMap((p) => [p.doc, buffer(p.data)])
      const { rows } = await client.query<{ seq: string }>(`INSERT INTO updates (doc, data) VALUES ${values} RETURNING seq`, params)
      // Sequence values are drawn in row order: the n-th smallest belongs to the n-th row.
      const ordered = rows.map((r) => Number(r.seq)).sort((a, b) => a - b)
      chunk.forEach((p, i) => seqs.set(p, ordered[i]!))
    }
    await client.query('UPDATE boards SET active_at = $1 WHERE id = ANY($2)', [Date.now(), [...new Set(accepted.map((p) => p.doc))]])
    return { seqs, stale: refused }
  }

  async fence(boardId: string, epoch: number): Promise<void> {
    await this.fences.claim(this.pool, boardId, epoch)
  }

  /**
   * Replaces the log up to `uptoSeq` with `snapshot`. A snapshot never moves back: one older
   * than the stored one is ignored (its log entries may be gone already).
   */
  async compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.transaction(async (client) => {
      const stale = await this.fences.stale(client, new Set([boardOfDoc(id)]))
      const refused = stale.get(boardOfDoc(id))
      if (refused) throw refused
      const { rowCount } = await client.query(
        `INSERT INTO snapshots (doc, upto, data) VALUES ($1, $2, $3)
         ON CONFLICT (doc) DO UPDATE SET upto = EXCLUDED.upto, data = EXCLUDED.data WHERE snapshots.upto <= EXCLUDED.upto`,
        [id, uptoSeq, buffer(snapshot)],
      )
      if (rowCount === 1) await client.query('DELETE FROM updates WHERE doc = $1 AND seq <= $2', [id, uptoSeq])
    })
  }

  async deleteBoard(id: string): Promise<void> {
    await this.committed()
    const docs = startsWith(`${id}/`)
    await this.transaction(async (client) => {
      await client.query(`DELETE FROM updates WHERE doc = $1 OR doc LIKE $2`, [id, docs])
      await client.query(`DELETE FROM snapshots WHERE doc = $1 OR doc LIKE $2`, [id, docs])
      await client.query('DELETE FROM join_codes WHERE board_id = $1', [id])
      await client.query('DELETE FROM board_epochs WHERE board = $1', [id])
      await client.query('DELETE FROM moderator_links WHERE board = $1', [id])
      await client.query('DELETE FROM trash WHERE board = $1', [id])
      await client.query('DELETE FROM series_boards WHERE board = $1', [id])
      await client.query('DELETE FROM boards WHERE id = $1', [id])
    })
    this.fences.forget(id)
  }

  /** Written by the board's owner only: an instance whose claim is stale writes nothing. */
  async putTrash(record: TrashRecord): Promise<void> {
    await this.transaction(async (client) => {
      const stale = await this.fences.stale(client, new Set([record.boardId]))
      const error = stale.get(record.boardId)
      if (error) throw error
      await client.query(
        `INSERT INTO trash (board, id, deleted_at, data) SELECT id, $2, $3, $4 FROM boards WHERE id = $1
         ON CONFLICT (board, id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, data = EXCLUDED.data`,
        [record.boardId, record.id, record.deletedAt, buffer(record.data)],
      )
    })
  }

  async trash(boardId: string): Promise<TrashRecord[]> {
    const { rows } = await this.pool.query<{ board: string; id: string; deleted_at: string; data: Buffer }>(
      'SELECT board, id, deleted_at, data FROM trash WHERE board = $1 ORDER BY deleted_at, id',
      [boardId],
    )
    return rows.map((row) => ({ boardId: row.board, id: row.id, deletedAt: Number(row.deleted_at), data: bytes(row.data) }))
  }

  async takeTrash(boardId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM trash WHERE board = $1 AND id = $2', [boardId, id])
    return rowCount === 1
  }

  async emptyTrash(boardId: string): Promise<void> {
    await this.pool.query('DELETE FROM trash WHERE board = $1', [boardId])
  }

  async dropTrashBefore(before: number): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM trash WHERE deleted_at < $1', [before])
    return rowCount ?? 0
  }

  async addModeratorLink(link: ModeratorLink): Promise<void> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO moderator_links (board, id, hash, label, created_at) SELECT id, $2, $3, $4, $5 FROM boards WHERE id = $1',
      [link.boardId, link.id, buffer(link.hash), link.label, link.createdAt],
    )
    if (rowCount !== 1) throw new Error(`no board ${link.boardId.slice(0, 6)}… for a moderator link`)
  }

  async moderatorLinks(boardId: string): Promise<ModeratorLink[]> {
    const { rows } = await this.pool.query<{ board: string; id: string; hash: Buffer; label: string; created_at: string }>(
      'SELECT board, id, hash, label, created_at FROM moderator_links WHERE board = $1 ORDER BY created_at, id',
      [boardId],
    )
    return rows.map((row) => ({ boardId: row.board, id: row.id, hash: bytes(row.hash), label: row.label, createdAt: Number(row.created_at) }))
  }

  async revokeModeratorLink(boardId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM moderator_links WHERE board = $1 AND id = $2', [boardId, id])
    return rowCount === 1
  }

  /**
   * A previous board in no series is put into a new one first (two follow-ups of it at once:
   * the second waits and finds the first's series). Positions are drawn under a lock on the
   * series, so that two follow-ups in one series at once get one position after the other.
   */
  async addFollowUp(previousId: string, boardId: string, newSeriesId: string): Promise<string> {
    return this.transaction(async (client) => {
      await client.query(
        `INSERT INTO series_boards (board, series, position) SELECT id, $2, 1 FROM boards WHERE id = $1 ON CONFLICT (board) DO NOTHING`,
        [previousId, newSeriesId],
      )
      const { rows } = await client.query<{ series: string }>('SELECT series FROM series_boards WHERE board = $1', [previousId])
      const series = rows[0]?.series
      if (!series) throw new Error(`no board ${previousId.slice(0, 6)}… to follow up`)
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [series])
      const { rowCount } = await client.query(
        `INSERT INTO series_boards (board, series, position)
         SELECT id, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM series_boards WHERE series = $2) FROM boards WHERE id = $1`,
        [boardId, series],
      )
      if (rowCount !== 1) throw new Error(`no board ${boardId.slice(0, 6)}… for a series`)
      return series
    })
  }

  async seriesOf(boardId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ series: string }>('SELECT series FROM series_boards WHERE board = $1', [boardId])
    return rows[0]?.series ?? null
  }

  async seriesBoards(seriesId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ board: string }>('SELECT board FROM series_boards WHERE series = $1 ORDER BY position', [seriesId])
    return rows.map((r) => r.board)
  }

  async listDocs(prefix: string): Promise<string[]> {
    await this.committed()
    const { rows } = await this.pool.query<{ name: string }>(
      'SELECT doc AS name FROM snapshots WHERE doc LIKE $1 UNION SELECT DISTINCT doc FROM updates WHERE doc LIKE $1',
      [startsWith(prefix)],
    )
    return rows.map((r) => r.name).sort()
  }

  async listExpired(before: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM boards WHERE active_at < $1', [before])
    return rows.map((r) => r.id)
  }

  /** A session-level advisory lock, tried once: another instance holding it means "not now". */
  async exclusively<T>(task: string, work: () => Promise<T>): Promise<T | null> {
    const key = task === 'retention' ? LOCKS.retention : null
    if (key === null) throw new Error(`unknown exclusive task: ${task}`)
    const client = await this.pool.connect()
    // A connection whose lock query failed is broken: the pool must not hand it out again.
    let healthy = false
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key.toString()])
      healthy = true
      if (!rows[0]?.locked) return null
      try {
        return await work()
      } finally {
        healthy = false
        await client.query('SELECT pg_advisory_unlock($1)', [key.toString()])
        healthy = true
      }
    } finally {
      client.release(!healthy)
    }
  }

  /** The whole database's size on disk (tables, indexes, their free space). */
  async dataBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')
    return Number(rows[0]?.bytes ?? 0)
  }

  /** Reachable and writable: a primary (not a read-only standby) answers. */
  async check(): Promise<void> {
    const { rows } = await this.pool.query<{ recovery: boolean; readonly: string }>(
      "SELECT pg_is_in_recovery() AS recovery, current_setting('default_transaction_read_only') AS readonly",
    )
    if (rows[0]?.recovery || rows[0]?.readonly === 'on') throw new Error('PostgreSQL is read-only (a standby, or default_transaction_read_only)')
  }

  async close(): Promise<void> {
    await this.committed()
    await this.pool.end()
  }
}
