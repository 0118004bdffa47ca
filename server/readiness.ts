import { Redis } from 'ioredis'
import type { ServerConfig } from './config'
import type { BoardStore } from './store/BoardStore'

/** One dependency the server needs to serve: its name, and a check that rejects with the reason. */
export interface ReadinessCheck {
  readonly name: string
  check(): Promise<void>
}

export interface Readiness {
  readonly ready: boolean
  /** 'ok' or the reason, per dependency. */
  readonly checks: Readonly<Record<string, string>>
}

/** How long one check may take before it counts as failed (a stopped database never answers). */
const CHECK_TIMEOUT_MS = 2000

/**
 * The dependencies of this server, for `/readyz`: the store (PostgreSQL in cluster mode; SQLite
 * when its store can check itself) and, in cluster mode, Redis.
 */
export function readinessChecks(config: ServerConfig, store: BoardStore): ReadinessCheck[] {
  const checks: ReadinessCheck[] = []
  if (store.check) checks.push({ name: config.cluster ? 'postgres' : 'store', check: () => store.check!() })
  if (config.cluster) checks.push({ name: 'redis', check: redisPing(config.cluster.redisUrl) })
  return checks
}

/** Runs every check at once, each bounded by CHECK_TIMEOUT_MS. */
export async function readiness(checks: readonly ReadinessCheck[]): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
      })
      try {
        await Promise.race([check(), timeout])
        return [name, 'ok'] as const
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const
      } finally {
        clearTimeout(timer)
      }
    }),
  )
  return { ready: results.every(([, result]) => result === 'ok'), checks: Object.fromEntries(results) }
}

/** PING over a connection opened for the check and closed after it. */
function redisPing(url: string): () => Promise<void> {
  return async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: CHECK_TIMEOUT_MS, retryStrategy: () => null, enableOfflineQueue: false })
    redis.on('error', () => {})
    try {
      await redis.connect()
      const answer = await redis.ping()
      if (answer !== 'PONG') throw new Error(`unexpected answer: ${answer}`)
    } finally {
      redis.disconnect()
    }
  }
}
