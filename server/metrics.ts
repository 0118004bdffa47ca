import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { CLOSE } from '../protocol/messages'

/**
 * Every metric of the server, in Prometheus' text format at GET /metrics (prom-client). The
 * code being measured makes one-line calls into this module. Labels are bounded sets (rule
 * codes, route names, statuses): never a board id, a token or an address.
 */
export const registry = new Registry()
// Process and runtime: CPU, memory, file descriptors, GC, and the event loop's delay
// (nodejs_eventloop_lag_seconds, _p50/_p90/_p99), measured with perf_hooks.
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 })

/** Where the gauges read their values: every running app of this process (tests run several). */
interface Source {
  connections(): number
  boardsLoaded(): number
}
const sources = new Set<Source>()

/** Counts an app's connections and loaded boards until the returned function is called. */
export function trackApp(source: Source): () => void {
  sources.add(source)
  return () => sources.delete(source)
}

const sum = (read: (s: Source) => number) => [...sources].reduce((n, s) => n + read(s), 0)

new Gauge({
  name: 'ballonfahrt_connections',
  help: 'Open websocket connections (board and private docs).',
  registers: [registry],
  collect() {
    this.set(sum((s) => s.connections()))
  },
})

new Gauge({
  name: 'ballonfahrt_boards_loaded',
  help: 'Boards held in memory (their private docs not counted).',
  registers: [registry],
  collect() {
    this.set(sum((s) => s.boardsLoaded()))
  },
})

const applied = new Counter({ name: 'ballonfahrt_updates_applied_total', help: 'Updates the guard accepted and the server applied.', registers: [registry] })
const rejected = new Counter({
  name: 'ballonfahrt_updates_rejected_total',
  help: 'Updates refused by the guard or a limit, by rule code.',
  labelNames: ['reason'],
  registers: [registry],
})
const refusedFrames = new Counter({
  name: 'ballonfahrt_frames_refused_total',
  help: 'Websocket messages refused before any rule was asked (malformed, too large, bad framing), by reason; each closes its socket.',
  labelNames: ['reason'],
  registers: [registry],
})
const endedConnections = new Counter({
  name: 'ballonfahrt_connections_ended_total',
  help: 'Websocket connections the server ended by flow control, by cause: tooFast (over its budget of messages or bytes per second), slowReader (too much queued unread), noPong.',
  labelNames: ['cause'],
  registers: [registry],
})
const refusedConnections = new Counter({
  name: 'ballonfahrt_connections_refused_total',
  help: 'Websocket connections refused, by reason (rate limit, origin, URL, unknown board, no access, board full).',
  labelNames: ['reason'],
  registers: [registry],
})
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
const ackLatency = new Histogram({
  name: 'ballonfahrt_ack_latency_seconds',
  help: 'From an update arriving to its acknowledgement leaving (committed and on disk).',
  buckets: LATENCY_BUCKETS,
  registers: [registry],
})
const commitLatency = new Histogram({
  name: 'ballonfahrt_store_commit_seconds',
  help: 'One SQLite transaction of the updates of one event-loop tick (on the main thread).',
  buckets: LATENCY_BUCKETS,
  registers: [registry],
})
const fsyncLatency = new Histogram({
  name: 'ballonfahrt_store_fsync_seconds',
  help: 'One fsync of the WAL (in the thread pool); acknowledgements wait for it.',
  buckets: LATENCY_BUCKETS,
  registers: [registry],
})
const httpAnswers = new Counter({
  name: 'ballonfahrt_http_responses_total',
  help: 'HTTP answers by route and status.',
  labelNames: ['route', 'status'],
  registers: [registry],
})

export const updateApplied = (): void => applied.inc()
export const updateRejected = (code: string): void => rejected.inc({ reason: code })
export const frameRefused = (reason: string): void => refusedFrames.inc({ reason })

const CLOSE_NAMES = new Map<number, string>(Object.entries(CLOSE).map(([name, code]) => [code, name]))
const STATUS_NAMES: Readonly<Record<number, string>> = { 400: 'badRequest', 403: 'origin', 429: 'rateLimited' }

/** A connection ended by flow control. */
export function connectionEnded(cause: string): void {
  endedConnections.inc({ cause })
}

/** A refused connection, by the HTTP status or close code it was answered with. */
export function connectionRefused(code: number): void {
  refusedConnections.inc({ reason: STATUS_NAMES[code] ?? CLOSE_NAMES.get(code) ?? String(code) })
}

/** Starts a latency measurement; the returned function records it in seconds. */
function timer(histogram: Histogram): () => void {
  const start = process.hrtime.bigint()
  return () => histogram.observe(Number(process.hrtime.bigint() - start) / 1e9)
}
export const ackTimer = (): (() => void) => timer(ackLatency)
export const commitTimer = (): (() => void) => timer(commitLatency)
export const fsyncTimer = (): (() => void) => timer(fsyncLatency)

/** A route name without ids or codes, so that every label value comes from a short fixed list. */
export function routeOf(path: string): string {
  if (['/healthz', '/readyz', '/metrics', '/api/config', '/api/boards', '/api/boards/import', '/api/boards/demo'].includes(path)) return path
  if (/^\/api\/boards\/[^/]+\/export\.[a-z]+$/.test(path)) return '/api/boards/:id/export'
  if (/^\/api\/boards\/[^/]+\/code$/.test(path)) return '/api/boards/:id/code'
  if (/^\/api\/boards\/[^/]+$/.test(path)) return '/api/boards/:id'
  if (/^\/api\/codes\/[^/]+$/.test(path)) return '/api/codes/:code'
  if (path.startsWith('/api/')) return '/api/other'
  if (path.startsWith('/assets/')) return '/assets'
  return 'page'
}

/** Counts the answer to a request once it is sent. */
export function countAnswer(path: string, res: { once(event: 'finish', listener: () => void): unknown; statusCode: number }): void {
  res.once('finish', () => httpAnswers.inc({ route: routeOf(path), status: String(res.statusCode) }))
}
