import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { setQuiet } from '../../server/log'
import { readiness, readinessChecks } from '../../server/readiness'
import { PostgresBoardStore } from '../../server/store/postgres'
import { testConfig } from '../helpers/server'
import { freePort, startPostgres, startRedis, which } from '../helpers/services'
import type { PgServer, RedisServer } from '../helpers/services'

const PG = 'postgres://ballonfahrt:geheim@db.example.de:5432/ballonfahrt'
const REDIS = 'redis://cache.example.de:6379'

describe('cluster mode settings', () => {
  it('needs both URLs or neither, and names the variable that is wrong, never its value', () => {
    expect(configFromEnv({}).cluster).toBeNull()
    expect(configFromEnv({ DATABASE_URL: ' ', REDIS_URL: '' }).cluster).toBeNull()
    expect(configFromEnv({ DATABASE_URL: PG, REDIS_URL: REDIS }).cluster).toEqual({ databaseUrl: PG, redisUrl: REDIS, leaseMs: 3000 })
    expect(configFromEnv({ DATABASE_URL: 'postgresql:///ballonfahrt?host=/run/postgresql', REDIS_URL: 'rediss://cache:6380' }).cluster).not.toBeNull()
    expect(() => configFromEnv({ DATABASE_URL: PG })).toThrow(/REDIS_URL is not/)
    expect(() => configFromEnv({ REDIS_URL: REDIS })).toThrow(/DATABASE_URL is not/)
    for (const wrong of ['mysql://db/x', 'db.example.de', 'postgres://']) {
      const attempt = () => configFromEnv({ DATABASE_URL: wrong, REDIS_URL: REDIS })
      expect(attempt).toThrow(/^DATABASE_URL must be a PostgreSQL URL/)
    }
    expect(() => configFromEnv({ DATABASE_URL: PG, REDIS_URL: 'http://cache:6379' })).toThrow(/^REDIS_URL must be a Redis URL/)
    try {
      configFromEnv({ DATABASE_URL: 'postgres://user:geheim@', REDIS_URL: REDIS })
    } catch (error) {
      expect(String(error)).not.toContain('geheim')
    }
  })

  it('takes the lease length from LEASE_MS, at least 300 ms, naming the variable when wrong', () => {
    expect(configFromEnv({ DATABASE_URL: PG, REDIS_URL: REDIS, LEASE_MS: '5000' }).cluster?.leaseMs).toBe(5000)
    for (const wrong of ['100', 'drei', '-1']) expect(() => configFromEnv({ DATABASE_URL: PG, REDIS_URL: REDIS, LEASE_MS: wrong })).toThrow(/^LEASE_MS: not a whole number of at least 300/)
  })

  it('fails with the Debian package named when a service binary is missing', () => {
    expect(() => which('redis-server-gibt-es-nicht', 'redis-server')).toThrow(/install the Debian package `redis-server`/)
  })
})

describe('a server started with DATABASE_URL and REDIS_URL', () => {
  let postgres: PgServer
  let redis: RedisServer
  const dirs: string[] = []
  beforeAll(async () => {
    setQuiet(true)
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  }, 60_000)
  afterAll(async () => {
    await redis.destroy()
    await postgres.destroy()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it('keeps its boards in PostgreSQL, not in DATA_DIR, and its readiness names both services', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-cluster-'))
    dirs.push(dataDir)
    const url = await postgres.createDatabase('switch')
    const config = testConfig(join(dataDir, 'unused'), { cluster: { databaseUrl: url, redisUrl: redis.url, leaseMs: 3000 } })
    const app = await startApp(config)
    try {
      expect(app.store).toBeInstanceOf(PostgresBoardStore)
      const res = await fetch(`http://127.0.0.1:${app.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(res.status).toBe(201)
      const { boardId } = (await res.json()) as { boardId: string }
      expect(await app.store.getBoard(boardId)).not.toBeNull()
      expect(await readiness(readinessChecks(config, app.store))).toEqual({ ready: true, checks: { postgres: 'ok', redis: 'ok' } })
    } finally {
      await app.close()
    }
    // Nothing was written into DATA_DIR: not even the folder exists.
    expect(existsSync(join(dataDir, 'unused'))).toBe(false)
  })

  it('does not start when PostgreSQL cannot be reached, and says which setting', async () => {
    const config = testConfig(mkdtempSync(join(tmpdir(), 'ballonfahrt-cluster-')), {
      // A free port: nothing listens there.
      cluster: { databaseUrl: `postgres://ballonfahrt@127.0.0.1:${await freePort()}/nirgends`, redisUrl: redis.url, leaseMs: 3000 },
    })
    dirs.push(config.dataDir)
    await expect(startApp(config)).rejects.toThrow(/^DATABASE_URL: cannot open the PostgreSQL database/)
  })
})
