import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Throwaway PostgreSQL and Redis servers for tests, on free loopback ports, each in its own
 * temporary directory. The services on the standard ports (5432, 6379) belong to others and are
 * never touched. Tests stop, kill -9 and restart these, so they run as real processes from the
 * Debian packages `postgresql` and `redis-server`; a missing binary fails with the package name.
 *
 * PostgreSQL refuses to run as root. When the tests run as root, initdb and postgres run as the
 * unprivileged `nobody` (setpriv from util-linux, which drops uid, gid and supplementary groups
 * before exec); otherwise as the current user. The data directory is handed to that user.
 */

/** Every directory with a running service, for the exit handler. */
const live = new Map<string, () => void>()
process.once('exit', () => {
  for (const kill of live.values()) kill()
})

/**
 * A port that is free now, below the kernel's ephemeral range. The services and instances the
 * tests start are killed and restarted on the same port; a port from the ephemeral range (what
 * `listen(0)` picks) may meanwhile become the local end of any outgoing connection on the
 * machine (a client, nginx to an upstream, a pool to PostgreSQL), and the restart fails with
 * EADDRINUSE. Below that range the kernel hands nothing out by itself.
 */
export async function freePort(): Promise<number> {
  const [low] = ephemeralRange()
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (low - 10_000))
    if (await bindable(port)) return port
  }
  throw new Error('no free port below the ephemeral range')
}

/** The kernel's ephemeral port range (Linux), or the IANA one elsewhere. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
    if (low! > 11_000 && high! > low!) return [low!, high!]
  } catch {
    // not Linux
  }
  return [49_152, 65_535]
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

const PG_MISSING = 'PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package `postgresql` (apt-get install postgresql), or set PG_BIN to their folder'

/** The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql/<major>). */
function pgBinDir(): string {
  const root = '/usr/lib/postgresql'
  const configured = process.env.PG_BIN
  const candidates = configured
    ? [configured]
    : existsSync(root)
      ? readdirSync(root)
          .filter((name) => /^\d+$/.test(name))
          .sort((a, b) => Number(b) - Number(a))
          .map((name) => join(root, name, 'bin'))
      : []
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  if (!found) throw new Error(PG_MISSING)
  return found
}

/** The path of `binary`, or an error that names the Debian package to install. */
export function which(binary: string, debianPackage: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin', '/bin'])) {
    if (dir && existsSync(join(dir, binary))) return join(dir, binary)
  }
  throw new Error(`${binary} not found: install the Debian package \`${debianPackage}\` (apt-get install ${debianPackage})`)
}

const asRoot = process.getuid?.() === 0
/** The unprivileged user PostgreSQL runs as when the tests run as root. */
const PG_UID = 65534
const PG_GID = 65534

/** The command prefix that runs a PostgreSQL binary as a user it accepts. */
function pgCommand(binary: string, args: string[]): [string, string[]] {
  if (!asRoot) return [binary, args]
  const setpriv = which('setpriv', 'util-linux')
  return [setpriv, [`--reuid=${PG_UID}`, `--regid=${PG_GID}`, '--clear-groups', '--', binary, ...args]]
}

function run(binary: string, args: string[], cwd: string): string {
  const [command, argv] = pgCommand(binary, args)
  try {
    return execFileSync(command, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string }
    throw new Error(`${binary} ${args[0] ?? ''} failed: ${e.stderr || e.stdout || e.message}`)
  }
}

/** A process's state and parent, from /proc; null when it is gone. */
function procStat(pid: number): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): state, ppid, ...
    const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state, ppid: Number(ppid) }
  } catch {
    return null
  }
}

/**
 * The postmaster and its children (the backends, the checkpointer, ...). Each child calls
 * setsid(), so signalling the postmaster's process group would miss them.
 */
function postgresProcesses(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.ppid === postmaster)
  return [postmaster, ...children]
}

/** Whether any of `pids` still runs (a zombie counts as gone). */
function anyAlive(pids: readonly number[]): boolean {
  return pids.some((pid) => {
    const stat = procStat(pid)
    return stat !== null && stat.state !== 'Z'
  })
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * If this test process dies without running its exit handler (SIGKILL), a small shell loop
 * notices and kills the service and removes its directory, so no server outlives the run.
 */
function watchdog(dir: string, pidFile: string): void {
  const script = 'while kill -0 "$0" 2>/dev/null; do sleep 2; done; p=$(head -n1 "$1" 2>/dev/null); [ -n "$p" ] && kill -9 -- "-$p" "$p" 2>/dev/null; rm -rf "$2"'
  const child = spawn('sh', ['-c', script, String(process.pid), pidFile, dir], { detached: true, stdio: 'ignore' })
  child.unref()
}

export interface PgServer {
  /** A connection URL for `database` (default: the cluster's own `postgres`). */
  url(database?: string): string
  readonly port: number
  /** The cluster's data directory (PGDATA): its files, read raw by the secure-deletion tests. */
  readonly dataDir: string
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>
  /** Stops cleanly (pg_ctl stop -m fast). */
  stop(): Promise<void>
  /** kill -9 of the postmaster and every backend, as a crash of the machine's database would. */
  kill(): Promise<void>
  /** Starts again on the same port and data (after stop or kill: crash recovery). */
  start(): Promise<void>
  /** SIGSTOP to the postmaster and every backend: a database that no longer answers. */
  pause(): void
  /** SIGCONT after `pause`. */
  resume(): void
  /** Kills it and removes its directory. */
  destroy(): Promise<void>
  /** The postmaster and its children now (for CPU time in benchmarks). */
  pids(): number[]
}

/** initdb into a temporary directory and start on a free port; fsync and synchronous_commit on. */
export async function startPostgres(): Promise<PgServer> {
  const bin = pgBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-pg-'))
  if (asRoot) chownSync(dir, PG_UID, PG_GID)
  const data = join(dir, 'data')
  const pidFile = join(data, 'postmaster.pid')
  watchdog(dir, pidFile)
  // --no-sync only for initdb's own files; the server runs with fsync on.
  run(join(bin, 'initdb'), ['-D', data, '-U', 'ballonfahrt', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'], dir)
  let port = await freePort()
  let postmaster: ChildProcess | null = null
  let output = ''
  /** Signals the postmaster and its children; returns whom. */
  const signalAll = (signal: NodeJS.Signals): number[] => {
    const c = postmaster
    if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return []
    const pids = postgresProcesses(c.pid)
    for (const pid of pids) {
      try {
        process.kill(pid, signal)
      } catch {
        // already gone
      }
    }
    return pids
  }
  const killNow = () => signalAll('SIGKILL')
  /**
   * The postmaster runs as our child (not through pg_ctl start), so that this process reaps it
   * at once when it is killed: a dead postmaster that nobody has reaped yet keeps its pid alive
   * as a zombie, and a restart then refuses to start ("lock file postmaster.pid already exists").
   */
  const start = async () => {
    const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on', '-c', 'max_connections=60', '-c', 'shared_buffers=32MB']
    const [command, argv] = pgCommand(join(bin, 'postgres'), args)
    output = ''
    const c = spawn(command, argv, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    postmaster = c
    c.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    c.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)))
    live.set(dir, () => {
      killNow()
      rmSync(dir, { recursive: true, force: true })
    })
    await until(`postgres on port ${port}`, () => {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`postgres exited: ${output}`)
      return ready()
    }, 60_000)
  }
  const ready = (): boolean => {
    try {
      execFileSync(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }
  const exited = () => {
    const c = postmaster
    return new Promise<void>((resolve) => (!c || c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())))
  }
  try {
    await start()
  } catch (error) {
    // Another process took the port between our look and the start: one more try.
    killNow()
    await exited()
    port = await freePort()
    await start().catch(() => {
      throw error
    })
  }
  const url = (database = 'postgres') => `postgres://ballonfahrt@127.0.0.1:${port}/${database}`
  const server: PgServer = {
    url,
    dataDir: data,
    get port() {
      return port
    },
    async createDatabase(name) {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: url() })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`)
      } finally {
        await client.end()
      }
      return url(name)
    },
    async stop() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], dir)
      await exited()
    },
    async kill() {
      if (!postmaster?.pid || postmaster.exitCode !== null) throw new Error('postgres is not running')
      const pids = killNow()
      await exited()
      await until('the backends to die', () => !anyAlive(pids))
    },
    start,
    pids: () => (postmaster?.pid ? postgresProcesses(postmaster.pid) : []),
    pause: () => void signalAll('SIGSTOP'),
    resume: () => void signalAll('SIGCONT'),
    async destroy() {
      const pids = killNow()
      await exited()
      await until('postgres to die', () => !anyAlive(pids)).catch(() => {})
      live.delete(dir)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return server
}

export interface RedisServer {
  readonly url: string
  readonly port: number
  /** The running redis-server's process id (for CPU time in benchmarks). */
  readonly pid: number | undefined
  /** SIGTERM, waits for the exit. */
  stop(): Promise<void>
  /** kill -9. */
  kill(): Promise<void>
  /** Starts again on the same port (an empty Redis: it keeps nothing on disk). */
  start(): Promise<void>
  destroy(): Promise<void>
}

/** redis-server on a free loopback port, no persistence (RDB and AOF off). */
export async function startRedis(): Promise<RedisServer> {
  const binary = which('redis-server', 'redis-server')
  const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-redis-'))
  const pidFile = join(dir, 'pid')
  watchdog(dir, pidFile)
  const port = await freePort()
  let child: ChildProcess | null = null
  const exited = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())))
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning']
    const c = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child = c
    let output = ''
    c.stdout?.on('data', (d: Buffer) => (output += d.toString()))
    c.stderr?.on('data', (d: Buffer) => (output += d.toString()))
    writeFileSync(pidFile, `${c.pid}\n`)
    live.set(dir, () => {
      c.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    })
    await until(`redis-server on port ${port}`, async () => {
      if (c.exitCode !== null) throw new Error(`redis-server exited: ${output}`)
      return ping(port)
    })
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid
    },
    async stop() {
      const c = child
      if (!c) return
      c.kill('SIGTERM')
      await exited(c)
    },
    async kill() {
      const c = child
      if (!c) return
      c.kill('SIGKILL')
      await exited(c)
    },
    start,
    async destroy() {
      const c = child
      if (c) {
        c.kill('SIGKILL')
        await exited(c)
      }
      live.delete(dir)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One PING over a raw socket: true on +PONG. */
async function ping(port: number): Promise<boolean> {
  const { connect } = await import('node:net')
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')))
    socket.once('connect', () => socket.write('PING\r\n'))
  })
}
