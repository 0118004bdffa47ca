import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { PostgresBoardStore } from './postgres'

/**
 * Moves an installation from SQLite (one process) to PostgreSQL (several instances): copies a
 * data directory's boards, update logs, snapshots (board and private docs alike) and live board
 * codes into an empty PostgreSQL database, then checks the copy: every doc, loaded from each
 * side, decodes to the same state. Moderator tokens travel as their hashes in the boards, the
 * co-moderator links' tokens as theirs. Members are part of each board's doc.
 */
export interface CopyReport {
  readonly boards: number
  readonly docs: number
  readonly updates: number
  readonly snapshots: number
  readonly codes: number
  readonly moderatorLinks: number
  /** Boards' places in series of meetings (follow-ups). */
  readonly seriesBoards: number
  /** Docs loaded from both sides and found identical. */
  readonly checked: number
}

const BATCH = 500

export async function copyToPostgres(dataDir: string, databaseUrl: string, log: (line: string) => void = () => {}): Promise<CopyReport> {
  const file = join(dataDir, 'ballonfahrt.sqlite')
  if (!existsSync(file)) throw new Error(`no SQLite database in ${dataDir} (expected ballonfahrt.sqlite): give the server's DATA_DIR`)
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  // Migrates the target's schema (the store does it when it opens).
  const store = await PostgresBoardStore.open(databaseUrl)
  const client = new pg.Client({ connectionString: databaseUrl, options: '-c synchronous_commit=on' })
  await client.connect()
  try {
    const held = await client.query<{ n: string }>('SELECT (SELECT count(*) FROM boards) + (SELECT count(*) FROM updates) + (SELECT count(*) FROM snapshots) AS n')
    if (Number(held.rows[0]!.n) > 0) throw new Error('the PostgreSQL database already holds boards: copy into an empty database only')
    await client.query('BEGIN')
    const counts = {
      boards: await copyRows(client, rows(sqlite, 'SELECT id, moderator_hash, created_at, active_at FROM boards'), 'boards (id, moderator_hash, created_at, active_at)'),
      snapshots: await copyRows(client, rows(sqlite, 'SELECT board, upto, data FROM snapshots'), 'snapshots (doc, upto, data)'),
      updates: await copyRows(client, rows(sqlite, 'SELECT seq, board, data FROM updates ORDER BY seq'), 'updates (seq, doc, data)'),
      codes: await copyCodes(client, dataDir),
      moderatorLinks: await copyModeratorLinks(client, sqlite),
      seriesBoards: await copySeries(client, sqlite),
    }
    // New appends continue after the copied log positions (snapshots refer to them).
    await client.query("SELECT setval(pg_get_serial_sequence('updates', 'seq'), GREATEST((SELECT max(seq) FROM updates), 1))")
    await client.query('COMMIT')
    log(`copied ${counts.boards} boards, ${counts.snapshots} snapshots, ${counts.updates} log entries, ${counts.codes} board codes, ${counts.moderatorLinks} co-moderator links, ${counts.seriesBoards} boards in series`)
    const checked = await checkEveryDoc(sqlite, store, log)
    return { ...counts, docs: checked, checked }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
    await store.close()
    sqlite.close()
  }
}

/** The rows of a query as arrays of column values, one at a time. */
function rows(db: Database.Database, sql: string, ...params: unknown[]): IterableIterator<unknown[]> {
  return db.prepare<unknown[], unknown[]>(sql).raw().iterate(...params)
}

/** Inserts rows in batches of BATCH; returns how many. */
async function copyRows(client: pg.Client, rows: IterableIterator<unknown[]>, target: string): Promise<number> {
  let batch: unknown[][] = []
  let total = 0
  const flush = async () => {
    if (batch.length === 0) return
    const width = batch[0]!.length
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ')
    await client.query(`INSERT INTO ${target} VALUES ${values}`, batch.flat())
    total += batch.length
    batch = []
  }
  for (const row of rows) {
    batch.push(row)
    if (batch.length >= BATCH) await flush()
  }
  await flush()
  return total
}

/** Co-moderator links (a data directory from before them has no such table). */
async function copyModeratorLinks(client: pg.Client, sqlite: Database.Database): Promise<number> {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'moderator_links'").get()
  if (!table) return 0
  return copyRows(client, rows(sqlite, 'SELECT board, id, hash, label, created_at FROM moderator_links'), 'moderator_links (board, id, hash, label, created_at)')
}

/** Series membership (a data directory from before follow-ups has no such table). */
async function copySeries(client: pg.Client, sqlite: Database.Database): Promise<number> {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'series_boards'").get()
  if (!table) return 0
  return copyRows(client, rows(sqlite, 'SELECT board, series, position FROM series_boards'), 'series_boards (board, series, position)')
}

/** Live codes from join-codes.sqlite, when the installation has issued any. */
async function copyCodes(client: pg.Client, dataDir: string): Promise<number> {
  const file = join(dataDir, 'join-codes.sqlite')
  if (!existsSync(file)) return 0
  const codes = new Database(file, { readonly: true, fileMustExist: true })
  try {
    await copyRows(client, rows(codes, 'SELECT code, board_id, expires_at FROM join_codes WHERE expires_at > ?', Date.now()), 'join_codes (code, board_id, expires_at)')
    // A code of a board deleted since would lead nowhere.
    await client.query('DELETE FROM join_codes WHERE board_id NOT IN (SELECT id FROM boards)')
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM join_codes')).rows[0]!.n)
  } finally {
    codes.close()
  }
}

/**
 * Loads every doc of the SQLite data directory from both sides and compares the decoded states;
 * throws at the first difference. Returns how many docs were checked.
 */
export async function checkCopy(dataDir: string, databaseUrl: string, log: (line: string) => void = () => {}): Promise<number> {
  const sqlite = new Database(join(dataDir, 'ballonfahrt.sqlite'), { readonly: true, fileMustExist: true })
  const store = await PostgresBoardStore.open(databaseUrl)
  try {
    return await checkEveryDoc(sqlite, store, log)
  } finally {
    await store.close()
    sqlite.close()
  }
}

async function checkEveryDoc(sqlite: Database.Database, store: PostgresBoardStore, log: (line: string) => void): Promise<number> {
  const docs = docNames(sqlite)
  let checked = 0
  for (const name of docs) {
    await checkDoc(sqlite, store, name)
    if (++checked % 100 === 0) log(`checked ${checked} / ${docs.length} docs`)
  }
  log(`checked ${checked} docs: each decodes to the same state in PostgreSQL as in SQLite`)
  return checked
}

function docNames(sqlite: Database.Database): string[] {
  return sqlite
    .prepare<[], { name: string }>('SELECT board AS name FROM snapshots UNION SELECT DISTINCT board FROM updates ORDER BY 1')
    .all()
    .map((r) => r.name)
}

/** Both sides' snapshot + tail, decoded, must encode to the same bytes. */
async function checkDoc(sqlite: Database.Database, store: PostgresBoardStore, name: string): Promise<void> {
  const snapshot = sqlite.prepare<[string], { upto: number; data: Buffer }>('SELECT upto, data FROM snapshots WHERE board = ?').get(name)
  const tail = sqlite.prepare<[string, number], { data: Buffer }>('SELECT data FROM updates WHERE board = ? AND seq > ? ORDER BY seq').all(name, snapshot?.upto ?? 0)
  const fromSqlite = decode([...(snapshot ? [snapshot.data] : []), ...tail.map((r) => r.data)].map((b) => new Uint8Array(b)))
  const stored = await store.load(name)
  const fromPostgres = decode([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
  if (Buffer.compare(fromSqlite, fromPostgres) !== 0) throw new Error(`the copy of doc ${name.slice(0, 8)}… differs from the original (the copy is committed: empty the database before trying again)`)
}

function decode(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true })
  for (const update of updates) Y.applyUpdate(doc, update)
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}
