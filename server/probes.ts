import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SiteConfig } from '../protocol/operator'
import { HttpError, json } from './httpKit'
import type { HttpContext } from './httpKit'
import { log } from './log'
import { registry } from './metrics'
import { readiness } from './readiness'

/**
 * What an operator's tools ask: /healthz (the process is alive and serving), /readyz (it can do
 * its work: every readiness check passes), /metrics (Prometheus text, behind METRICS_TOKEN when
 * set) and /api/config (the operator's details and the retention period, for the pages).
 */
export const OPERATIONS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics', '/api/config'])

/** The last outcome per check, so that the log records changes only, not every probe. */
const lastResult = new WeakMap<HttpContext, Map<string, string>>()

async function readyz(ctx: HttpContext, res: ServerResponse): Promise<void> {
  const { ready, checks } = await readiness(ctx.readiness)
  const last = lastResult.get(ctx) ?? new Map<string, string>()
  lastResult.set(ctx, last)
  for (const [check, result] of Object.entries(checks)) {
    const before = last.get(check)
    if (before !== undefined ? (before === 'ok') !== (result === 'ok') : result !== 'ok') {
      log(result === 'ok' ? 'readiness.ok' : 'readiness.failed', { check, ...(result === 'ok' ? {} : { error: result }) })
    }
    last.set(check, result)
  }
  // Only names and ok/failed: the reasons (paths, hosts, errors) go to the log, not to the internet.
  const answer = Object.fromEntries(Object.entries(checks).map(([name, result]) => [name, result === 'ok' ? 'ok' : 'failed']))
  json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unready', checks: answer })
}

/** Compared as SHA-256 digests in constant time: neither the token nor its length shows in the timing. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(/^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? ''), digest(token))
}

async function metrics(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = ctx.config.metricsToken
  if (token && !tokenMatches(req.headers.authorization, token)) {
    res.setHeader('www-authenticate', 'Bearer realm="metrics"')
    throw new HttpError(401, 'Kennung für /metrics fehlt oder stimmt nicht')
  }
  const body = await registry.metrics()
  res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' })
  res.end(body)
}

function siteConfig(ctx: HttpContext): SiteConfig {
  return { operator: { ...ctx.config.operator, retentionDays: ctx.config.boardTtlDays } }
}

/** Answers one of OPERATIONS_PATHS. */
export async function serveOperations(ctx: HttpContext, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Nur GET')
  if (path === '/healthz') json(res, 200, { status: 'ok', boardsLoaded: ctx.rooms.size, connections: ctx.connections() })
  else if (path === '/readyz') await readyz(ctx, res)
  else if (path === '/metrics') await metrics(ctx, req, res)
  else json(res, 200, siteConfig(ctx))
}
