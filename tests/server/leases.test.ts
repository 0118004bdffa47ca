import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BoardLeases } from '../../server/cluster/leases'
import { StaleEpochError } from '../../server/store/BoardStore'
import { PostgresBoardStore } from '../../server/store/postgres'
import { startPostgres, startRedis } from '../helpers/services'
import type { PgServer, RedisServer } from '../helpers/services'

/**
 * One owner per board, as far as part 1 goes: the Redis lease and the PostgreSQL epoch together
 * (real Redis, real PostgreSQL), without the relaying that part 2 builds on them.
 */
let postgres: PgServer
let redis: RedisServer
let databases = 0
const closers: Array<() => Promise<unknown>> = []
const record = (id: string) => ({ id, moderatorHash: new Uint8Array(32), createdAt: Date.now(), activeAt: Date.now() })

/** Two instances on one database and one Redis, each with its own store and connection. */
async function instances(ttlMs: number) {
  const url = await postgres.createDatabase(`leases_${++databases}`)
  const make = async (name: string) => {
    const store = await PostgresBoardStore.open(url)
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 })
    client.on('error', () => {})
    closers.push(() => store.close(), async () => client.disconnect())
    return { store, leases: new BoardLeases(client, store, name, ttlMs) }
  }
  const a = await make('instanz-a')
  const b = await make('instanz-b')
  // A board of its own per test: Redis is shared by the tests of this file.
  const board = `board-${databases}`
  await a.store.createBoard(record(board), new Uint8Array([0]))
  return { a, b, board }
}

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterEach(async () => {
  for (const close of closers.splice(0)) await close().catch(() => {})
})
afterAll(async () => {
  await redis.destroy()
  await postgres.destroy()
})

describe('board leases with fencing', () => {
  it('gives a board to one instance; only the holder renews or releases it', async () => {
    const { a, b, board } = await instances(5000)
    const lease = await a.leases.acquire(board)
    expect(lease).not.toBeNull()
    expect(await b.leases.acquire(board)).toBeNull()
    expect(await a.leases.holder(board)).toBe(`instanz-a:${lease!.epoch}`)
    expect(await b.leases.renew({ ...lease!, token: `instanz-b:${lease!.epoch}` })).toBe(false)
    expect(await b.leases.release({ ...lease!, token: `instanz-b:${lease!.epoch}` })).toBe(false)
    expect(await a.leases.renew(lease!)).toBe(true)
    expect(await a.leases.release(lease!)).toBe(true)
    const next = await b.leases.acquire(board)
    expect(next!.epoch).toBeGreaterThan(lease!.epoch)
  })

  it('lets another instance take over after the lease ran out; the old holder can no longer write', async () => {
    const { a, b, board } = await instances(300)
    const old = (await a.leases.acquire(board))!
    await a.store.append(board, new Uint8Array([1]))
    // The holder stops renewing (paused, say): the lease runs out and B takes the board.
    await new Promise((r) => setTimeout(r, 400))
    const taken = (await b.leases.acquire(board))!
    expect(taken.epoch).toBeGreaterThan(old.epoch)
    expect(await a.leases.renew(old)).toBe(false)
    const committed: number[] = []
    await expect(a.store.append(board, new Uint8Array([2]), (seq) => committed.push(seq))).rejects.toBeInstanceOf(StaleEpochError)
    expect(committed).toEqual([])
    await b.store.append(board, new Uint8Array([3]))
    expect((await b.store.load(board)).updates.map((u) => u[0])).toEqual([1, 3])
  })

  it('hands a contested board to exactly one of two instances asking at once, every time', async () => {
    const { a, b, board } = await instances(5000)
    const epochs: number[] = []
    for (let round = 0; round < 20; round++) {
      const [x, y] = await Promise.all([a.leases.acquire(board), b.leases.acquire(board)])
      const winners = [x, y].filter((l) => l !== null)
      expect(winners).toHaveLength(1)
      epochs.push(winners[0]!.epoch)
      await (x ? a : b).leases.release(winners[0]!)
    }
    // Epochs only grow.
    expect([...epochs].sort((p, q) => p - q)).toEqual(epochs)
    expect(new Set(epochs).size).toBe(epochs.length)
  })

  it('keeps epochs growing when Redis comes back empty: PostgreSQL holds the epoch, not Redis', async () => {
    const { a, b, board } = await instances(5000)
    let lease = (await a.leases.acquire(board))!
    for (let i = 0; i < 3; i++) {
      await a.leases.release(lease)
      lease = (await a.leases.acquire(board))!
    }
    const before = lease.epoch
    await redis.kill()
    await redis.start()
    // Redis lost the lease and the counter; the old holder's writes are still its epoch's.
    await a.store.append(board, new Uint8Array([1]))
    await new Promise((r) => setTimeout(r, 200))
    const after = (await b.leases.acquire(board))!
    expect(after.epoch).toBeGreaterThan(before)
    await expect(a.store.append(board, new Uint8Array([2]))).rejects.toBeInstanceOf(StaleEpochError)
    await b.store.append(board, new Uint8Array([3]))
    expect((await b.store.load(board)).updates.map((u) => u[0])).toEqual([1, 3])
  }, 30_000)
})
