import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { StaleEpochError } from '../../server/store/BoardStore'
import { MIGRATIONS, migrate } from '../../server/store/migrations'
import { PostgresBoardStore } from '../../server/store/postgres'
import { readiness, readinessChecks } from '../../server/readiness'
import { startPostgres, startRedis } from '../helpers/services'
import type { PgServer } from '../helpers/services'
import { testConfig } from '../helpers/server'

/**
 * What only PostgreSQL has to prove: migrations shared by instances, fencing, one retention
 * sweeper, and durability when the database server itself is killed, stopped and restarted.
 */
let server: PgServer
let databases = 0
const stores: PostgresBoardStore[] = []
const record = (id: string) => ({ id, moderatorHash: new Uint8Array(32), createdAt: Date.now(), activeAt: Date.now() })
const bytes = (...values: number[]) => new Uint8Array(values)

async function freshDatabase(): Promise<string> {
  return server.createDatabase(`pgstore_${++databases}`)
}

async function open(url: string): Promise<PostgresBoardStore> {
  const store = await PostgresBoardStore.open(url, { connectTimeoutMs: 1500 })
  stores.push(store)
  return store
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  server = await startPostgres()
}, 60_000)
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => {})
})
afterAll(() => server.destroy())

describe('migrations', () => {
  it('apply once, under a lock, when several instances start together', async () => {
    const url = await freshDatabase()
    const opened = await Promise.all([open(url), open(url), open(url)])
    expect(opened).toHaveLength(3)
    const applied = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version')
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    // A later start finds nothing to do.
    const pool = new pg.Pool({ connectionString: url })
    try {
      expect(await migrate(pool)).toEqual([])
    } finally {
      await pool.end()
    }
  })

  it('refuse a database migrated by a newer server, naming both versions', async () => {
    const url = await freshDatabase()
    await (await open(url)).close()
    await query(url, "INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')")
    const newest = Math.max(...MIGRATIONS.map((m) => m.version))
    await expect(PostgresBoardStore.open(url)).rejects.toThrow(new RegExp(`schema version 999, newer than this server knows \\(${newest}\\)`))
  })
})

describe('fencing', () => {
  it('refuses appends and compactions of an owner whose epoch was superseded', async () => {
    const url = await freshDatabase()
    const old = await open(url)
    const next = await open(url)
    await old.createBoard(record('board-f'), bytes(0))
    await old.fence('board-f', 1)
    const kept = await old.append('board-f', bytes(1))
    // Another instance takes the board over with a newer epoch.
    await next.fence('board-f', 2)
    const committed: number[] = []
    await expect(old.append('board-f', bytes(2), (seq) => committed.push(seq))).rejects.toBeInstanceOf(StaleEpochError)
    await expect(old.append('board-f/p/someone', bytes(3))).rejects.toBeInstanceOf(StaleEpochError)
    await expect(old.compact('board-f', bytes(7), kept)).rejects.toBeInstanceOf(StaleEpochError)
    expect(committed).toEqual([])
    // The old owner cannot claim its epoch back.
    await expect(old.fence('board-f', 1)).rejects.toThrow(/epoch 1 is stale \(current 2\)/)
    const seq = await next.append('board-f', bytes(4))
    const loaded = await next.load('board-f')
    expect(loaded.snapshot).toEqual(bytes(0))
    expect(loaded.updates.map((u) => u[0])).toEqual([1, 4])
    expect(loaded.lastSeq).toBe(seq)
  })

  it('refuses only the stale board of a batch; the others of the same tick are written', async () => {
    const url = await freshDatabase()
    const a = await open(url)
    const b = await open(url)
    await a.createBoard(record('board-x'), bytes(0))
    await a.createBoard(record('board-y'), bytes(0))
    await a.fence('board-x', 5)
    await a.fence('board-y', 5)
    await b.fence('board-x', 6)
    const results = await Promise.allSettled([a.append('board-x', bytes(1)), a.append('board-y', bytes(2)), a.append('board-y', bytes(3))])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect((await a.load('board-x')).updates).toEqual([])
    expect((await a.load('board-y')).updates.map((u) => u[0])).toEqual([2, 3])
  })

  it('refuses a fenced owner once the board is deleted', async () => {
    const url = await freshDatabase()
    const a = await open(url)
    await a.createBoard(record('board-d'), bytes(0))
    await a.fence('board-d', 1)
    const b = await open(url)
    await b.deleteBoard('board-d')
    await expect(a.append('board-d', bytes(1))).rejects.toBeInstanceOf(StaleEpochError)
    expect(await b.listDocs('board-d')).toEqual([])
  })
})

describe('one retention sweep at a time', () => {
  it('skips the task on an instance while another runs it', async () => {
    const url = await freshDatabase()
    const a = await open(url)
    const b = await open(url)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = a.exclusively('retention', async () => {
      await held
      return 'a'
    })
    // Give the first a moment to take the lock.
    await new Promise((r) => setTimeout(r, 100))
    expect(await b.exclusively('retention', async () => 'b')).toBeNull()
    release()
    expect(await first).toBe('a')
    expect(await b.exclusively('retention', async () => 'b')).toBe('b')
  })
})

describe('durability when the database server fails', () => {
  it('keeps every acknowledged append across kill -9 of PostgreSQL', async () => {
    const url = await freshDatabase()
    const store = await open(url)
    await store.createBoard(record('board-k'), bytes(0))
    const acked: number[] = []
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.append('board-k', bytes(i % 256, i >> 8)).then(() => acked.push(i))))
    expect(acked).toHaveLength(200)
    await server.kill()
    await server.start()
    const again = await open(url)
    const loaded = await again.load('board-k')
    expect(loaded.updates.map((u) => u[0]! + (u[1]! << 8))).toEqual(Array.from({ length: 200 }, (_, i) => i))
  }, 60_000)

  it('acknowledges nothing while PostgreSQL is down and writes again once it is back', async () => {
    const url = await freshDatabase()
    const store = await open(url)
    await store.createBoard(record('board-s'), bytes(0))
    await store.append('board-s', bytes(1))
    const checks = readinessChecks({ ...testConfig('unused'), cluster: { databaseUrl: url, redisUrl: 'redis://127.0.0.1:1', leaseMs: 3000 } }, store)
    expect((await readiness(checks.filter((c) => c.name === 'postgres'))).ready).toBe(true)
    await server.stop()
    const committed: number[] = []
    await expect(store.append('board-s', bytes(2), (seq) => committed.push(seq))).rejects.toThrow()
    expect(committed).toEqual([])
    await expect(store.committed()).resolves.toBeUndefined()
    const down = await readiness(checks.filter((c) => c.name === 'postgres'))
    expect(down.ready).toBe(false)
    expect(down.checks.postgres).not.toBe('ok')
    await server.start()
    await store.append('board-s', bytes(3))
    expect((await store.load('board-s')).updates.map((u) => u[0])).toEqual([1, 3])
    expect((await readiness(checks.filter((c) => c.name === 'postgres'))).ready).toBe(true)
  }, 60_000)
})

describe('group commit', () => {
  it('writes a tick of 2,500 appends over several boards in order, beyond one statement\'s parameters', async () => {
    const store = await open(await freshDatabase())
    await store.createBoard(record('board-a'), bytes(0))
    await store.createBoard(record('board-b'), bytes(0))
    const seqs = await Promise.all(Array.from({ length: 2500 }, (_, i) => store.append(i % 2 ? 'board-a' : 'board-b', bytes(i % 256, i >> 8))))
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    const values = async (doc: string) => (await store.load(doc)).updates.map((u) => u[0]! + (u[1]! << 8))
    expect(await values('board-a')).toEqual(Array.from({ length: 1250 }, (_, i) => 2 * i + 1))
    expect(await values('board-b')).toEqual(Array.from({ length: 1250 }, (_, i) => 2 * i))
  })

  it('fails the appends of a database that stopped answering, instead of waiting forever, and writes again after', async () => {
    const url = await freshDatabase()
    const store = await PostgresBoardStore.open(url, { connectTimeoutMs: 1000, queryTimeoutMs: 1000 })
    stores.push(store)
    await store.createBoard(record('board-p'), bytes(0))
    await store.append('board-p', bytes(1))
    server.pause()
    const committed: number[] = []
    try {
      await expect(store.append('board-p', bytes(2), (seq) => committed.push(seq))).rejects.toThrow()
      expect(committed).toEqual([])
    } finally {
      server.resume()
    }
    await store.append('board-p', bytes(3))
    const stored = (await store.load('board-p')).updates.map((u) => u[0])
    // The refused append may have been committed before the database stopped; never twice, in order.
    expect(stored.filter((v) => v !== 2)).toEqual([1, 3])
    expect(stored.filter((v) => v === 2).length).toBeLessThanOrEqual(1)
  }, 30_000)
})

describe('readiness in cluster mode', () => {
  it('reports Redis reachability next to PostgreSQL', async () => {
    const url = await freshDatabase()
    const store = await open(url)
    const redis = await startRedis()
    try {
      const checks = readinessChecks({ ...testConfig('unused'), cluster: { databaseUrl: url, redisUrl: redis.url, leaseMs: 3000 } }, store)
      expect(checks.map((c) => c.name)).toEqual(['postgres', 'redis'])
      expect(await readiness(checks)).toEqual({ ready: true, checks: { postgres: 'ok', redis: 'ok' } })
      await redis.kill()
      const down = await readiness(checks)
      expect(down.ready).toBe(false)
      expect(down.checks.postgres).toBe('ok')
      expect(down.checks.redis).not.toBe('ok')
      await redis.start()
      expect((await readiness(checks)).ready).toBe(true)
    } finally {
      await redis.destroy()
    }
  }, 30_000)
})
