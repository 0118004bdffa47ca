import { resolve } from 'node:path'

export interface ServerConfig {
  readonly port: number
  /** Interface to listen on; undefined listens on all (IPv4 and IPv6). */
  readonly host: string | undefined
  readonly dataDir: string
  /** Where the built client is; missing means the server answers 503 for pages. */
  readonly clientDir: string
  /** Largest websocket message accepted; larger ones close the socket with 1009. */
  readonly maxPayload: number
  /** Base of the links handed out; by default taken from the request's Host header. */
  readonly publicUrl: string | undefined
  /** Origins allowed to open websockets; null allows same-host browsers and non-browser clients. */
  readonly allowedOrigins: readonly string[] | null
  /** How long a board with no connection stays in memory. */
  readonly idleUnloadMs: number
  /** Log entries after which a board's log is compacted into a snapshot. */
  readonly compactAfter: number
  /** Open connections per board; more are refused with "Board ist voll". */
  readonly maxConnectionsPerBoard: number
  /** Largest stored size of one board (snapshot + log, bytes); updates beyond it are refused. */
  readonly maxBoardBytes: number
  /** New websocket connections one address may open per minute. */
  readonly connectionsPerMinute: number
  /** Boards without activity for this many days are deleted. */
  readonly boardTtlDays: number
  /**
   * Board-code lookups one address may make per minute (31^8 codes stay unguessable behind the
   * default). Behind a reverse proxy every browser comes from the proxy's address, so the limit
   * must cover a whole meeting joining at once.
   */
  readonly codeLookupsPerMinute: number
  /**
   * Several instances (DATABASE_URL and REDIS_URL both set): boards, logs and codes in
   * PostgreSQL, coordination in Redis. Null: one process on SQLite in DATA_DIR, no other service.
   */
  readonly cluster: ClusterConfig | null
}

export interface ClusterConfig {
  readonly databaseUrl: string
  readonly redisUrl: string
}

/** Both URLs or neither; each of its own kind. Errors name the variable. */
export function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterConfig | null {
  const databaseUrl = env.DATABASE_URL?.trim() || ''
  const redisUrl = env.REDIS_URL?.trim() || ''
  if (!databaseUrl && !redisUrl) return null
  if (!redisUrl) throw new Error('DATABASE_URL is set but REDIS_URL is not: several instances need both (or neither, for one process on SQLite)')
  if (!databaseUrl) throw new Error('REDIS_URL is set but DATABASE_URL is not: several instances need both (or neither, for one process on SQLite)')
  if (!urlOf(databaseUrl, ['postgres:', 'postgresql:'])) throw new Error('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database')
  if (!urlOf(redisUrl, ['redis:', 'rediss:'])) throw new Error('REDIS_URL must be a Redis URL: redis://host:6379 (or rediss:// for TLS)')
  return { databaseUrl, redisUrl }
}

function urlOf(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value)
    return protocols.includes(url.protocol) && (url.hostname !== '' || url.searchParams.has('host'))
  } catch {
    return false
  }
}

function int(value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new Error(min > 0 ? `not a whole number of at least ${min}: ${value}` : `not a whole number: ${value}`)
  return n
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: int(env.PORT, 8080),
    host: env.HOST || undefined,
    dataDir: resolve(env.DATA_DIR || './data'),
    clientDir: resolve(env.CLIENT_DIR || './dist/client'),
    maxPayload: int(env.MAX_PAYLOAD, 1024 * 1024),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : null,
    idleUnloadMs: int(env.IDLE_UNLOAD_MS, 30_000),
    compactAfter: int(env.COMPACT_AFTER, 500),
    maxConnectionsPerBoard: int(env.MAX_CONNECTIONS_PER_BOARD, 1000),
    maxBoardBytes: int(env.MAX_BOARD_BYTES, 16 * 1024 * 1024),
    connectionsPerMinute: int(env.CONNECTIONS_PER_MINUTE, 120),
    boardTtlDays: int(env.BOARD_TTL_DAYS, 30),
    // At least 1: with 0 every code would be refused as "too many attempts".
    codeLookupsPerMinute: int(env.CODE_LOOKUPS_PER_MINUTE, 30, 1),
    cluster: clusterFromEnv(env),
  }
}
