import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { newItemId } from '../../model/ids'
import type { ServerName } from '../lib/results'
import { cpuSeconds, freePort, rssMB, sleep, stopChild, track } from '../lib/proc'

/** Where a simulated client connects: a server, a port and one document (board). */
export interface Target {
  readonly server: ServerName
  readonly port: number
  /** The board id on ours; the document name on the peers. */
  readonly doc: string
}

export interface RunningServer {
  readonly name: ServerName
  readonly port: number
  readonly pid: number | undefined
  /** A fresh empty board: on ours created through the API (open collecting phase). */
  newBoard(title: string): Promise<Target>
  cpuSeconds(): number
  rssMB(): number
  /** Lines the server wrote to stderr (errors show up in the report). */
  readonly errors: string[]
  stop(): Promise<void>
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function packageFile(specifier: string, sibling: string): string {
  return join(dirname(fileURLToPath(import.meta.resolve(specifier))), sibling)
}

/**
 * Starts one server under test in its own process on a free loopback port, with a fresh data
 * directory, and waits until it accepts connections.
 */
export async function startServer(name: ServerName): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name.replace(/\W/g, '-')}-`))
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' }
  let args: string[]
  if (name === 'ballonfahrt') {
    // Ours as deployed (server/index.ts), limits raised only where one machine simulates a
    // whole meeting: every connection comes from 127.0.0.1, and a join storm has 500.
    Object.assign(env, { DATA_DIR: dataDir, CONNECTIONS_PER_MINUTE: '1000000', BOARD_CREATIONS_PER_MINUTE: '1000000', MAX_CONNECTIONS_PER_BOARD: '5000' })
    args = ['--import', 'tsx', join(root, 'server', 'index.ts')]
  } else if (name === 'y-websocket-server' || name === 'y-websocket-server+leveldb') {
    // The package's own server.js, as shipped; YPERSISTENCE makes its utils.js use y-leveldb.
    if (name === 'y-websocket-server+leveldb') env.YPERSISTENCE = dataDir
    args = [packageFile('@y/websocket-server/utils', 'server.js')]
  } else {
    env.DB = join(dataDir, 'hocuspocus.sqlite')
    args = [join(root, 'bench', 'peers', 'hocuspocus.mjs')]
  }
  const child: ChildProcess = track(spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] }))
  const errors: string[] = []
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (errors.length < 50) errors.push(...chunk.split('\n').filter(Boolean).slice(0, 50 - errors.length))
  })
  await waitListening(port, child, errors)
  return {
    name,
    port,
    pid: child.pid,
    errors,
    async newBoard(title) {
      if (name !== 'ballonfahrt') return { server: name, port, doc: `board-${newItemId()}` }
      const res = await fetch(`http://127.0.0.1:${port}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, settings: { privateWriting: false } }),
      })
      if (res.status !== 201) throw new Error(`create board: ${res.status}`)
      const { boardId } = (await res.json()) as { boardId: string }
      return { server: name, port, doc: boardId }
    },
    cpuSeconds: () => cpuSeconds(child.pid),
    rssMB: () => rssMB(child.pid),
    async stop() {
      await stopChild(child)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Imports a board file into ours (POST /api/boards/import); returns its target. */
export async function importBoard(server: RunningServer, file: object): Promise<Target> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(file),
  })
  if (res.status !== 201) throw new Error(`import board: ${res.status} ${await res.text()}`)
  const { boardId } = (await res.json()) as { boardId: string }
  return { server: server.name, port: server.port, doc: boardId }
}

async function waitListening(port: number, child: ChildProcess, errors: string[]): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${errors.join(' | ')}`)
    try {
      // Any HTTP answer means it is listening (ours answers /healthz, the peers anything).
      await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })
      return
    } catch {
      await sleep(50)
    }
  }
  throw new Error(`server on port ${port} did not start within 20 s`)
}
