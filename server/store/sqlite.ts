import Database from 'better-sqlite3'
import { closeSync, fsync, mkdirSync, openSync } from 'node:fs'
import { stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BoardRecord, BoardStore, ModeratorLink, StoredBoard, TrashRecord } from './BoardStore'
import { Checkpointer } from './checkpointer'
import { DATA_FILES } from './files'
import { log } from '../log'
import { commitTimer, fsyncTimer } from '../metrics'

interface Pending {
  readonly board: string
  readonly data: Uint8Array
  readonly onCommitted: ((seq: number) => void) | undefined
  readonly resolve: (seq: number) => void
  readonly reject: (error: unknown) => void
}

/**
 * SQLite in WAL mode. Appends of one event-loop tick are committed in one transaction on the
 * main thread with synchronous=NORMAL: the commit writes the WAL into the operating system
 * (a crash of this process can no longer take it back) but does not wait for the disk. The WAL
 * is then fsynced off the main thread (libuv's thread pool), and only that resolves the appends:
 * what is acknowledged is on disk, as with synchronous=FULL, while the event loop never waits
 * for the disk (one fsync here takes 2–3 ms, peaks over 100 ms). Commits made while an fsync
 * runs share the next one (group commit).
 */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database
  private readonly walFd: number
  private readonly checkpointer: Checkpointer
  private queue: Pending[] = []
  private flushScheduled = false
  private commitWaiters: Array<() => void> = []
  /** Commits since the last fsync started. */
  private dirty = false
  private syncing: Promise<void> | null = null
  private nextSync: Promise<void> | null = null
  private readonly stmt

  constructor(
    private readonly dataDir: string,
    /** How the WAL reaches the disk; tests slow it down to see what waits for it. */
    private readonly syncFile: (fd: number, done: (error: Error | null) => void) => void = fsync,
  ) {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, DATA_FILES.boards)
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    // Checkpoints run in a worker (see Checkpointer), not inside a commit on this thread.
    this.db.pragma('wal_autocheckpoint = 0')
    // When the WAL starts over, a file grown beyond this is cut back.
    this.db.pragma('journal_size_limit = 16777216')
    // Deleted rows are overwritten with zeros, not left in free pages (see deleteBoard).
    this.db.pragma('secure_delete = ON')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS boards (
        id TEXT PRIMARY KEY,
        moderator_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        active_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board, seq);
      CREATE TABLE IF NOT EXISTS snapshots (
        board TEXT PRIMARY KEY,
        upto INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS moderator_links (
        board TEXT NOT NULL,
        id TEXT NOT NULL,
        hash BLOB NOT NULL,
        label TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (board, id)
      );
      CREATE TABLE IF NOT EXISTS trash (
        board TEXT NOT NULL,
        id TEXT NOT NULL,
        deleted_at INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (board, id)
      );
      CREATE INDEX IF NOT EXISTS trash_by_time ON trash (deleted_at);
      CREATE TABLE IF NOT EXISTS series_boards (
        board TEXT PRIMARY KEY,
        series TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (series, position)
      );
    `)
    this.stmt = {
      insertBoard: this.db.prepare('INSERT INTO boards (id, moderator_hash, created_at, active_at) VALUES (?, ?, ?, ?)'),
      getBoard: this.db.prepare<[string], { id: string; moderator_hash: Buffer; created_at: number; active_at: number }>(
        'SELECT id, moderator_hash, created_at, active_at FROM boards WHERE id = ?',
      ),
      touch: this.db.prepare('UPDATE boards SET active_at = ? WHERE id = ?'),
      append: this.db.prepare('INSERT INTO updates (board, data) VALUES (?, ?)'),
      snapshot: this.db.prepare<[string], { upto: number; data: Buffer }>('SELECT upto, data FROM snapshots WHERE board = ?'),
      tail: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE board = ? AND seq > ? ORDER BY seq',
      ),
      // A snapshot never moves back: an older one than stored is ignored (its log may be gone).
      putSnapshot: this.db.prepare(
        'INSERT INTO snapshots (board, upto, data) VALUES (?, ?, ?) ON CONFLICT (board) DO UPDATE SET upto = excluded.upto, data = excluded.data WHERE snapshots.upto <= excluded.upto',
      ),
      dropLog: this.db.prepare('DELETE FROM updates WHERE board = ? AND seq <= ?'),
      deleteUpdates: this.db.prepare('DELETE FROM updates WHERE board = ? OR substr(board, 1, length(?)) = ?'),
      deleteSnapshot: this.db.prepare('DELETE FROM snapshots WHERE board = ? OR substr(board, 1, length(?)) = ?'),
      listDocs: this.db.prepare<[string, string, string, string], { name: string }>(
        'SELECT board AS name FROM snapshots WHERE substr(board, 1, length(?)) = ? UNION SELECT DISTINCT board FROM updates WHERE substr(board, 1, length(?)) = ?',
      ),
      deleteBoard: this.db.prepare('DELETE FROM boards WHERE id = ?'),
      addLink: this.db.prepare('INSERT INTO moderator_links (board, id, hash, label, created_at) SELECT id, ?, ?, ?, ? FROM boards WHERE id = ?'),
      links: this.db.prepare<[string], { board: string; id: string; hash: Buffer; label: string; created_at: number }>(
        'SELECT board, id, hash, label, created_at FROM moderator_links WHERE board = ? ORDER BY created_at, id',
      ),
      revokeLink: this.db.prepare('DELETE FROM moderator_links WHERE board = ? AND id = ?'),
      deleteLinks: this.db.prepare('DELETE FROM moderator_links WHERE board = ?'),
      expired: this.db.prepare<[number], { id: string }>('SELECT id FROM boards WHERE active_at < ?'),
      putTrash: this.db.prepare(
        'INSERT INTO trash (board, id, deleted_at, data) SELECT id, ?, ?, ? FROM boards WHERE id = ? ON CONFLICT (board, id) DO UPDATE SET deleted_at = excluded.deleted_at, data = excluded.data',
      ),
      trash: this.db.prepare<[string], { board: string; id: string; deleted_at: number; data: Buffer }>(
        'SELECT board, id, deleted_at, data FROM trash WHERE board = ? ORDER BY deleted_at, id',
      ),
      takeTrash: this.db.prepare('DELETE FROM trash WHERE board = ? AND id = ?'),
      emptyTrash: this.db.prepare('DELETE FROM trash WHERE board = ?'),
      dropTrash: this.db.prepare('DELETE FROM trash WHERE deleted_at < ?'),
      seriesOf: this.db.prepare<[string], { series: string }>('SELECT series FROM series_boards WHERE board = ?'),
      seriesBoards: this.db.prepare<[string], { board: string }>('SELECT board FROM series_boards WHERE series = ? ORDER BY position'),
      // Only a stored board joins a series (the SELECT finds none for an unknown id).
      joinSeries: this.db.prepare(
        'INSERT INTO series_boards (board, series, position) SELECT id, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM series_boards WHERE series = ?) FROM boards WHERE id = ?',
      ),
      leaveSeries: this.db.prepare('DELETE FROM series_boards WHERE board = ?'),
    }
    // The WAL exists while a connection is open (this one, for the life of the store); an fsync
    // on any descriptor of the file writes its dirty pages.
    this.walFd = openSync(`${file}-wal`, 'a')
    this.checkpointer = new Checkpointer(file, () => this.db.pragma('wal_checkpoint(PASSIVE)'))
  }

  /** Runs a write transaction and resolves once it is on disk. */
  private durably(write: () => void): Promise<void> {
    this.db.transaction(write)()
    this.dirty = true
    this.checkpointer.committed()
    return this.syncSoon()
  }

  async createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void> {
    await this.durably(() => {
      this.stmt.insertBoard.run(record.id, Buffer.from(record.moderatorHash), record.createdAt, record.activeAt)
      this.stmt.putSnapshot.run(record.id, 0, Buffer.from(initialState))
    })
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const row = this.stmt.getBoard.get(id)
    if (!row) return null
    return { id: row.id, moderatorHash: new Uint8Array(row.moderator_hash), createdAt: row.created_at, activeAt: row.active_at }
  }

  async load(id: string): Promise<StoredBoard> {
    const snapshot = this.stmt.snapshot.get(id)
    const rows = this.stmt.tail.all(id, snapshot?.upto ?? 0)
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: rows.at(-1)?.seq ?? snapshot?.upto ?? 0,
    }
  }

  append(id: string, update: Uint8Array, onCommitted?: (seq: number) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ board: id, data: update, onCommitted, resolve, reject })
      this.scheduleFlush()
    })
  }

  committed(): Promise<void> {
    if (this.queue.length === 0 && !this.flushScheduled) return Promise.resolve()
    return new Promise((resolve) => this.commitWaiters.push(resolve))
  }

  async flushed(): Promise<void> {
    await this.committed()
    await (this.dirty ? this.syncSoon() : this.syncing)
  }

  /** An fsync of the WAL that starts after every commit made so far (shared by all who ask). */
  private syncSoon(): Promise<void> {
    if (!this.syncing) {
      this.dirty = false
      const synced = fsyncTimer()
      const running = new Promise<void>((resolve, reject) =>
        this.syncFile(this.walFd, (error) => {
          synced()
          if (error) reject(error)
          else resolve()
        }),
      )
      this.syncing = running
      void running.then(
        () => {
          if (this.syncing === running) this.syncing = null
        },
        () => {
          if (this.syncing === running) this.syncing = null
        },
      )
      return running
    }
    this.nextSync ??= this.syncing
      .catch(() => {})
      .then(() => {
        this.nextSync = null
        return this.syncSoon()
      })
    return this.nextSync
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => this.flush())
  }

  private flush(): void {
    this.flushScheduled = false
    const batch = this.queue
    const waiters = this.commitWaiters
    this.queue = []
    this.commitWaiters = []
    if (batch.length > 0) {
      let seqs: number[]
      const commitDone = commitTimer()
      try {
        seqs = this.db.transaction(() => {
          const now = Date.now()
          const touched = new Set<string>()
          const out = batch.map((p) => {
            touched.add(p.board)
            return Number(this.stmt.append.run(p.board, Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength)).lastInsertRowid)
          })
          for (const board of touched) this.stmt.touch.run(now, board)
          return out
        })()
      } catch (error) {
        for (const p of batch) p.reject(error)
        for (const w of waiters) w()
        return
      }
      commitDone()
      this.dirty = true
      this.checkpointer.committed()
      const durable = this.syncSoon()
      batch.forEach((p, i) => {
        const seq = seqs[i]!
        p.onCommitted?.(seq)
        durable.then(() => p.resolve(seq), p.reject)
      })
    }
    for (const w of waiters) w()
  }

  async compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.durably(() => {
      if (this.stmt.putSnapshot.run(id, uptoSeq, Buffer.from(snapshot)).changes === 1) this.stmt.dropLog.run(id, uptoSeq)
    })
  }

  async deleteBoard(id: string): Promise<void> {
    await this.flushed()
    const prefix = `${id}/`
    await this.durably(() => {
      this.stmt.deleteUpdates.run(id, prefix, prefix)
      this.stmt.deleteSnapshot.run(id, prefix, prefix)
      this.stmt.deleteLinks.run(id)
      this.stmt.emptyTrash.run(id)
      this.stmt.leaveSeries.run(id)
      this.stmt.deleteBoard.run(id)
    })
    await this.truncateWal()
  }

  /**
   * Copies the WAL into the database and cuts it to nothing, so that the text of a deleted
   * board (zeroed in the database by secure_delete) is not left in older WAL frames either.
   * A reader in the middle of a transaction (the checkpointer, a backup) holds it up: tried
   * again a few times, else left to the next deletion (the WAL is reused from its start).
   */
  private async truncateWal(): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
      if (result?.busy === 0) return
      await new Promise((r) => setTimeout(r, 50))
    }
    log('store.truncateFailed', {})
  }

  async addModeratorLink(link: ModeratorLink): Promise<void> {
    let added = 0
    await this.durably(() => {
      added = this.stmt.addLink.run(link.id, Buffer.from(link.hash), link.label, link.createdAt, link.boardId).changes
    })
    if (added !== 1) throw new Error(`no board ${link.boardId.slice(0, 6)}… for a moderator link`)
  }

  async moderatorLinks(boardId: string): Promise<ModeratorLink[]> {
    return this.stmt.links
      .all(boardId)
      .map((row) => ({ boardId: row.board, id: row.id, hash: new Uint8Array(row.hash), label: row.label, createdAt: row.created_at }))
  }

  async revokeModeratorLink(boardId: string, id: string): Promise<boolean> {
    let removed = 0
    await this.durably(() => {
      removed = this.stmt.revokeLink.run(boardId, id).changes
    })
    return removed === 1
  }

  async putTrash(record: TrashRecord): Promise<void> {
    await this.durably(() => {
      this.stmt.putTrash.run(record.id, record.deletedAt, Buffer.from(record.data), record.boardId)
    })
  }

  async trash(boardId: string): Promise<TrashRecord[]> {
    return this.stmt.trash.all(boardId).map((row) => ({ boardId: row.board, id: row.id, deletedAt: row.deleted_at, data: new Uint8Array(row.data) }))
  }

  async takeTrash(boardId: string, id: string): Promise<boolean> {
    let removed = 0
    await this.durably(() => {
      removed = this.stmt.takeTrash.run(boardId, id).changes
    })
    return removed === 1
  }

  /** secure_delete zeroes the rows in the database; the WAL is cut so that no older frame keeps them. */
  async emptyTrash(boardId: string): Promise<void> {
    await this.durably(() => this.stmt.emptyTrash.run(boardId))
    await this.truncateWal()
  }

  async dropTrashBefore(before: number): Promise<number> {
    let dropped = 0
    await this.durably(() => {
      dropped = this.stmt.dropTrash.run(before).changes
    })
    if (dropped > 0) await this.truncateWal()
    return dropped
  }

  async addFollowUp(previousId: string, boardId: string, newSeriesId: string): Promise<string> {
    let series = ''
    await this.durably(() => {
      const known = this.stmt.seriesOf.get(previousId)?.series
      if (!known && this.stmt.joinSeries.run(newSeriesId, newSeriesId, previousId).changes !== 1)
        throw new Error(`no board ${previousId.slice(0, 6)}… to follow up`)
      series = known ?? newSeriesId
      if (this.stmt.joinSeries.run(series, series, boardId).changes !== 1) throw new Error(`no board ${boardId.slice(0, 6)}… for a series`)
    })
    return series
  }

  async seriesOf(boardId: string): Promise<string | null> {
    return this.stmt.seriesOf.get(boardId)?.series ?? null
  }

  async seriesBoards(seriesId: string): Promise<string[]> {
    return this.stmt.seriesBoards.all(seriesId).map((row) => row.board)
  }

  async listDocs(prefix: string): Promise<string[]> {
    await this.flushed()
    return this.stmt.listDocs.all(prefix, prefix, prefix, prefix).map((row) => row.name).sort()
  }

  async listExpired(before: number): Promise<string[]> {
    return this.stmt.expired.all(before).map((row) => row.id)
  }

  /** Pages in use (free pages are not counted: SQLite reuses them), plus the WAL. */
  async dataBytes(): Promise<number> {
    const pages = (this.db.pragma('page_count', { simple: true }) as number) - (this.db.pragma('freelist_count', { simple: true }) as number)
    const wal = await stat(`${join(this.dataDir, DATA_FILES.boards)}-wal`).then((s) => s.size, () => 0)
    return pages * (this.db.pragma('page_size', { simple: true }) as number) + wal
  }

  /** One process alone uses the file: nothing else can be running the task. */
  exclusively<T>(_task: string, work: () => Promise<T>): Promise<T | null> {
    return work()
  }

  /** The database answers a query, and the data directory takes a write (a lost or read-only volume does not). */
  async check(): Promise<void> {
    this.stmt.expired.all(0)
    const file = join(this.dataDir, '.readyz-probe')
    await writeFile(file, String(Date.now()))
    await unlink(file)
  }

  async close(): Promise<void> {
    await this.flushed()
    await this.checkpointer.stop()
    this.db.close()
    closeSync(this.walFd)
  }
}
