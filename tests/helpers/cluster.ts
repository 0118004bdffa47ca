import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ServerProcess } from './chaos'
import { waitFor } from './clients'
import { freePort, startPostgres, startRedis, which } from './services'
import type { PgServer, RedisServer } from './services'

/**
 * Several instances as an operator runs them: real processes of the server (server/index.ts) on
 * one throwaway PostgreSQL and one Redis, behind nginx (the Debian package) with the project's
 * own configuration (deploy/nginx-cluster.conf), its upstream addresses and port replaced.
 */

/** deploy/nginx-cluster.conf with the instances' ports, nginx's own port and a rate fit for tests. */
export function renderNginxSite(ports: readonly number[], listen: number, wsPerMinute = 100_000): string {
  const site = readFileSync(resolve('deploy/nginx-cluster.conf'), 'utf8')
  const servers = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')
  const rendered = site
    .replace(/(upstream ballonfahrt \{\n(?:\s*#.*\n)*)(?:\s*server .*\n)+/, (_all, head: string) => `${head}${servers}\n`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${listen};`)
    // One test machine is every browser: the per-address limits would count all of them together.
    .replace(/zone=ballonfahrt_ws:10m rate=\d+r\/m/, `zone=ballonfahrt_ws:10m rate=${wsPerMinute}r/m`)
    .replace(/burst=20 nodelay/, 'burst=10000 nodelay')
  if (!rendered.includes(`127.0.0.1:${ports[0]}`) || !rendered.includes(`listen 127.0.0.1:${listen}`)) throw new Error('deploy/nginx-cluster.conf changed shape')
  return rendered
}

export interface Nginx {
  readonly port: number
  readonly http: string
  readonly ws: string
  stop(): Promise<void>
}

/** nginx in the foreground in a temporary prefix, in front of the given ports. */
export async function startNginx(ports: readonly number[]): Promise<Nginx> {
  const binary = which('nginx', 'nginx')
  const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-nginx-'))
  // Workers run as nobody when the tests run as root: they need their temp folders.
  chmodSync(dir, 0o777)
  const port = await freePort()
  const conf = [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
    `  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
    `  include ${dir}/site.conf;`,
    '}',
  ].join('\n')
  writeFileSync(join(dir, 'site.conf'), renderNginxSite(ports, port))
  writeFileSync(join(dir, 'nginx.conf'), conf)
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  await waitFor(() => child.exitCode === null && output === '' && listening(dir), 10_000, `nginx (${output})`).catch((error: unknown) => {
    throw new Error(`nginx did not start: ${output || readLog(dir)} ${String(error)}`)
  })
  process.once('exit', () => child.kill('SIGKILL'))
  return {
    port,
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}/ws`,
    async stop() {
      child.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function listening(dir: string): boolean {
  try {
    return readFileSync(join(dir, 'nginx.pid'), 'utf8').trim() !== ''
  } catch {
    return false
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8')
  } catch {
    return ''
  }
}

/** The newest modification time under `path`. */
function newest(path: string): number {
  const stat = statSync(path)
  return stat.isDirectory() ? readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs) : stat.mtimeMs
}

/**
 * The built server when it is newer than every server source (npm test builds first): it starts
 * in half the time of the sources through tsx, and the chaos tests restart instances often.
 */
export function serverArgs(): string[] {
  const built = resolve('dist/server/index.js')
  const fresh = existsSync(built) && ['server', 'model', 'protocol'].every((dir) => newest(resolve(dir)) <= statSync(built).mtimeMs)
  return fresh ? [built] : ['--import', 'tsx', 'server/index.ts']
}

/** Builds the bundle from this tree (as production runs it) and returns the arguments that start it. */
export function buildServer(): string[] {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'ignore' })
  return serverArgs()
}

export interface ClusterRig {
  readonly postgres: PgServer
  readonly redis: RedisServer
  readonly databaseUrl: string
  readonly instances: ServerProcess[]
  readonly nginx: Nginx
  /** The lease token in Redis ("<instance>:<epoch>"), or null. */
  leaseOf(boardId: string): Promise<string | null>
  /** The instance that owns a board now (from the lease in Redis), or null. */
  ownerOf(boardId: string): Promise<ServerProcess | null>
  stop(): Promise<void>
}

/** PostgreSQL, Redis, `count` instances and nginx in front of them. */
export async function startCluster(count = 3, env: Readonly<Record<string, string>> = {}): Promise<ClusterRig> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await postgres.createDatabase('cluster')
  const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-cluster-'))
  const instanceEnv = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LEASE_MS: '1500', CONNECTIONS_PER_MINUTE: '100000', BOARD_CREATIONS_PER_MINUTE: '100000', ...env }
  const args = serverArgs()
  const instances = Array.from({ length: count }, () => new ServerProcess(dataDir, instanceEnv, args))
  // The first start applies the migrations; the others find them applied.
  for (const instance of instances) await instance.start()
  const nginx = await startNginx(instances.map((i) => i.port))
  const { Redis } = await import('ioredis')
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true })
  client.on('error', () => {})
  return {
    postgres,
    redis,
    databaseUrl,
    instances,
    nginx,
    leaseOf: (boardId) => client.get(`ballonfahrt:lease:${boardId}`),
    async ownerOf(boardId) {
      const token = await client.get(`ballonfahrt:lease:${boardId}`)
      if (!token) return null
      const instance = token.slice(0, token.indexOf(':'))
      return instances.find((i) => i.running && instance.includes(`-${i.pid}-`)) ?? null
    },
    async stop() {
      client.disconnect()
      await nginx.stop()
      for (const i of instances) if (i.running) await i.stop('SIGKILL')
      await redis.destroy()
      await postgres.destroy()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
