import { resolve } from 'node:path'
import type { OperatorDetails } from '../protocol/operator'
import type { FlowLimits } from './flowControl'
import { LOG_LEVELS } from './log'
import type { LogLevel } from './log'
import { ConfigError, operatorFromEnv } from './operator'

export { ConfigError } from './operator'

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
  /** What one websocket may send per second, leave unread, and how often it is pinged. */
  readonly flow: FlowLimits
  /** Open connections per board; more are refused with "Board ist voll". */
  readonly maxConnectionsPerBoard: number
  /** Largest stored size of one board (snapshot + log, bytes); updates beyond it are refused. */
  readonly maxBoardBytes: number
  /** Largest stored size of one participant's private doc (drafts, ballot, "fertig"); updates beyond it are refused. */
  readonly maxPrivateBytes: number
  /** New websocket connections one address may open per minute. */
  readonly connectionsPerMinute: number
  /** Boards one address may create (new, imported, demo) per minute. */
  readonly boardCreationsPerMinute: number
  /** Bytes all boards may take in storage; beyond, new boards are refused with 507 (0: no quota). */
  readonly maxDataBytes: number
  /** Hosts the server may name in the links it hands out when PUBLIC_URL is not set. */
  readonly allowedHosts: readonly string[]
  /** Boards without activity for this many days are deleted. */
  readonly boardTtlDays: number
  /** Hours a deleted note or dissolved cluster stays in the moderator's Papierkorb (Abschluss empties it sooner). */
  readonly trashHours: number
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
  /** Lines below this level are not written (debug, info, warn, error). */
  readonly logLevel: LogLevel
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined
  /** Who runs this installation, for the privacy and accessibility pages (GET /api/config). */
  readonly operator: OperatorDetails
}

export interface ClusterConfig {
  readonly databaseUrl: string
  readonly redisUrl: string
  /** How long a board's lease lasts without renewal (LEASE_MS): a dead owner's board waits this long. */
  readonly leaseMs: number
}

/** Both URLs or neither; each of its own kind. Errors name the variable. */
export function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterConfig | null {
  const databaseUrl = env.DATABASE_URL?.trim() || ''
  const redisUrl = env.REDIS_URL?.trim() || ''
  if (!databaseUrl && !redisUrl) return null
  if (!redisUrl) throw new ConfigError('DATABASE_URL is set but REDIS_URL is not: several instances need both (or neither, for one process on SQLite)')
  if (!databaseUrl) throw new ConfigError('REDIS_URL is set but DATABASE_URL is not: several instances need both (or neither, for one process on SQLite)')
  if (!urlOf(databaseUrl, ['postgres:', 'postgresql:'])) throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database')
  if (!urlOf(redisUrl, ['redis:', 'rediss:'])) throw new ConfigError('REDIS_URL must be a Redis URL: redis://host:6379 (or rediss:// for TLS)')
  return { databaseUrl, redisUrl, leaseMs: int(env, 'LEASE_MS', 3000, 300) }
}

function urlOf(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value)
    return protocols.includes(url.protocol) && (url.hostname !== '' || url.searchParams.has('host'))
  } catch {
    return false
  }
}

/** A whole number from the variable `name`; errors name the variable. */
function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name}: ${min > 0 ? `not a whole number of at least ${min}` : 'not a whole number'}: ${value}`)
  return n
}

/** The flow limits; a burst (two seconds' worth of bytes) must hold the largest message. */
function flowLimits(env: NodeJS.ProcessEnv, maxPayload: number): FlowLimits {
  const bytesPerSecond = int(env, 'BYTES_PER_SECOND', 2 * 1024 * 1024, 1)
  if (bytesPerSecond * 2 < maxPayload) throw new ConfigError(`BYTES_PER_SECOND: two seconds' worth must hold one message of MAX_PAYLOAD (${maxPayload} bytes): ${bytesPerSecond}`)
  return {
    messagesPerSecond: int(env, 'MESSAGES_PER_SECOND', 200, 1),
    bytesPerSecond,
    maxBufferedBytes: int(env, 'MAX_BUFFERED_BYTES', 4 * 1024 * 1024, 1),
    pingIntervalMs: int(env, 'PING_INTERVAL_MS', 30_000, 1000),
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean)
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const value = env.LOG_LEVEL || 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new ConfigError(`LOG_LEVEL: one of ${LOG_LEVELS.join(', ')}, not ${value}`)
  return value as LogLevel
}

function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.PUBLIC_URL?.replace(/\/+$/, '')
  if (value && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value)) throw new ConfigError(`PUBLIC_URL: not a web address (https://…): ${value}`)
  return value || undefined
}

/** Where the data lives (DATA_DIR); the backup and restore commands need nothing else. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR || './data')
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = dataDirFromEnv(env)
  const maxPayload = int(env, 'MAX_PAYLOAD', 1024 * 1024)
  return {
    port: int(env, 'PORT', 8080),
    host: env.HOST || undefined,
    dataDir,
    clientDir: resolve(env.CLIENT_DIR || './dist/client'),
    maxPayload,
    publicUrl: publicUrl(env),
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : null,
    idleUnloadMs: int(env, 'IDLE_UNLOAD_MS', 30_000),
    compactAfter: int(env, 'COMPACT_AFTER', 500),
    flow: flowLimits(env, maxPayload),
    maxConnectionsPerBoard: int(env, 'MAX_CONNECTIONS_PER_BOARD', 1000),
    maxBoardBytes: int(env, 'MAX_BOARD_BYTES', 16 * 1024 * 1024),
    maxPrivateBytes: int(env, 'MAX_PRIVATE_BYTES', 1024 * 1024),
    connectionsPerMinute: int(env, 'CONNECTIONS_PER_MINUTE', 120),
    boardCreationsPerMinute: int(env, 'BOARD_CREATIONS_PER_MINUTE', 20, 1),
    maxDataBytes: int(env, 'MAX_DATA_BYTES', 10 * 1024 ** 3),
    allowedHosts: list(env.ALLOWED_HOSTS).map((h) => h.toLowerCase()),
    // At least 1: the privacy page promises deletion after this many days.
    boardTtlDays: int(env, 'BOARD_TTL_DAYS', 30, 1),
    trashHours: int(env, 'TRASH_HOURS', 24, 1),
    // At least 1: with 0 every code would be refused as "too many attempts".
    codeLookupsPerMinute: int(env, 'CODE_LOOKUPS_PER_MINUTE', 30, 1),
    logLevel: logLevel(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    operator: operatorFromEnv(env, dataDir),
    cluster: clusterFromEnv(env),
  }
}
