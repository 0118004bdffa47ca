import type { Pool } from 'pg'

/**
 * The PostgreSQL schema as numbered steps. A step, once released, never changes: a new need is
 * a new step. `migrate` applies the missing ones at start, in one transaction under an advisory
 * lock, so that instances starting together apply each step once.
 *
 * Doc names and codes compare byte by byte (COLLATE "C"): prefix searches (a board's private
 * docs) then use the index whatever the database's locale.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'boards, update log, snapshots, join codes, epochs',
    sql: `
      CREATE TABLE boards (
        id text COLLATE "C" PRIMARY KEY,
        moderator_hash bytea NOT NULL,
        created_at bigint NOT NULL,
        active_at bigint NOT NULL
      );
      CREATE INDEX boards_by_activity ON boards (active_at);
      CREATE TABLE updates (
        seq bigserial PRIMARY KEY,
        doc text COLLATE "C" NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX updates_by_doc ON updates (doc, seq);
      CREATE TABLE snapshots (
        doc text COLLATE "C" PRIMARY KEY,
        upto bigint NOT NULL,
        data bytea NOT NULL
      );
      CREATE TABLE join_codes (
        code text COLLATE "C" PRIMARY KEY,
        board_id text COLLATE "C" NOT NULL UNIQUE,
        expires_at bigint NOT NULL
      );
      CREATE INDEX join_codes_by_expiry ON join_codes (expires_at);
      -- The newest owner of a board (fencing): writes of an older epoch are refused.
      CREATE TABLE board_epochs (
        board text COLLATE "C" PRIMARY KEY,
        epoch bigint NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'co-moderator links',
    sql: `
      CREATE TABLE moderator_links (
        board text COLLATE "C" NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        id text COLLATE "C" NOT NULL,
        hash bytea NOT NULL,
        label text NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (board, id)
      );
    `,
  },
  {
    version: 3,
    name: 'events: plans, codes, forum rounds',
    sql: `
      CREATE TABLE events (
        id text COLLATE "C" PRIMARY KEY,
        organiser_hash bytea NOT NULL,
        code text COLLATE "C" NOT NULL UNIQUE,
        plan jsonb NOT NULL,
        round_switch text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE event_boards (
        board_id text COLLATE "C" PRIMARY KEY,
        event_id text COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        forum integer NOT NULL,
        round integer NOT NULL
      );
      CREATE INDEX event_boards_by_event ON event_boards (event_id, forum, round);
    `,
  },
  {
    version: 4,
    name: 'Papierkorb: deleted notes and dissolved clusters until restored, Abschluss or expiry',
    sql: `
      CREATE TABLE trash (
        board text COLLATE "C" NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        id text COLLATE "C" NOT NULL,
        deleted_at bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (board, id)
      );
      CREATE INDEX trash_by_time ON trash (deleted_at);
    `,
  },
  {
    version: 5,
    name: 'series of meetings (follow-ups)',
    sql: `
      CREATE TABLE series_boards (
        board text COLLATE "C" PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        series text COLLATE "C" NOT NULL,
        position integer NOT NULL,
        UNIQUE (series, position)
      );
    `,
  },
]

/** Advisory lock keys (one 64-bit space per database): arbitrary, fixed, ours. */
export const LOCKS = {
  migrations: 0x6261_6c6c_0001n,
  retention: 0x6261_6c6c_0002n,
} as const

/** Applies the missing steps; refuses a database that a newer version of the server migrated. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrations.toString()])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    const newest = Math.max(0, ...MIGRATIONS.map((m) => m.version))
    const unknown = [...done].filter((v) => v > newest)
    if (unknown.length > 0) throw new Error(`the database has schema version ${Math.max(...unknown)}, newer than this server knows (${newest}): run the newer server, or restore a backup`)
    const applied: number[] = []
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue
      await client.query(step.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name])
      applied.push(step.version)
    }
    await client.query('COMMIT')
    return applied
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
