import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { authSocket } from '../../client/sync/authSocket'
import { newSecretId } from '../../model/ids'
import { MESSAGE } from '../../protocol/messages'
import { waitForStart } from '../../tests/helpers/processStart'
import { cpuSeconds, freePort, stopChild, track } from './proc'

export interface ServerProcess {
  readonly port: number
  readonly child: ChildProcess
  /** From spawning the process until `path` answered: wall ms, and the CPU ms the process used. */
  readonly started: { readonly wall: number; readonly cpu: number }
  stop(): Promise<void>
}

/** Starts `args` with node in a new process and waits until GET `path` answers 200 (while it starts: see waitForStart). */
export async function startProcess(args: string[], env: NodeJS.ProcessEnv, path: string): Promise<ServerProcess> {
  const port = await freePort()
  const spawned = performance.now()
  const child = track(spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] }))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const answers = async () => {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${stderr}`)
    return fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false)
  }
  await waitForStart(child.pid, answers, `${args.join(' ')} to answer on ${path}`).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw new Error(`${String(error)}: ${stderr}`)
  })
  return {
    port,
    child,
    started: { wall: performance.now() - spawned, cpu: cpuSeconds(child.pid) * 1000 },
    stop: () => stopChild(child, 10_000),
  }
}

/** A first sync in parts (ms). */
export interface FirstSyncTiming {
  /** From creating the provider until it is synced and its doc holds every note. */
  readonly total: number
  /** Until the sync message that brought the notes arrived (connect, auth, the server's load and answer). */
  readonly arrived: number
  /** The client applying that message: wall time, and this process's CPU time meanwhile. */
  readonly decode: number
  readonly decodeCpu: number
  /** CPU the server process used from the provider's creation until that message arrived. */
  readonly serverCpu: number
}

/**
 * Connects a stock y-websocket provider and times it until it reported synced AND its doc holds
 * `expectedNotes` notes. Both, because a relay that loads its storage asynchronously answers
 * sync at once with an empty doc and sends the content later. `serverPid`: whose CPU to read
 * when the content arrives (/proc), so that the server's part and the client's part are apart.
 */
export function timeFirstSync(wsBase: string, room: string, expectedNotes: number, secret: string | null = null, serverPid?: number, timeoutMs = 60_000): Promise<FirstSyncTiming> {
  const doc = new Y.Doc()
  const serverCpuBefore = cpuSeconds(serverPid)
  const start = performance.now()
  // Ours: the secret in the first message (a URL with a query is refused); the others take none.
  const provider = new WebsocketProvider(wsBase, room, doc, {
    disableBc: true,
    WebSocketPolyfill: (secret === null ? WebSocket : authSocket(WebSocket, secret, null)) as unknown as typeof globalThis.WebSocket,
  })
  // Our server's extra message types; a stock client ignores them the same way.
  provider.messageHandlers[MESSAGE.ack] = () => {}
  provider.messageHandlers[MESSAGE.reject] = () => {}
  provider.messageHandlers[MESSAGE.hello] = () => {}
  const notes = doc.getMap('notes')
  // The sync message being handled: when it arrived, the server's CPU then, this process's CPU.
  let handling: { arrived: number; serverCpu: number; cpu: NodeJS.CpuUsage } | null = null
  const sync = provider.messageHandlers[MESSAGE.sync]!
  provider.messageHandlers[MESSAGE.sync] = (...args) => {
    handling = { arrived: performance.now(), serverCpu: cpuSeconds(serverPid), cpu: process.cpuUsage() }
    sync(...args)
    handling = null
  }
  const timing = (): FirstSyncTiming => {
    const now = performance.now()
    const used = handling && process.cpuUsage(handling.cpu)
    return {
      total: now - start,
      arrived: handling ? handling.arrived - start : Number.NaN,
      decode: handling ? now - handling.arrived : Number.NaN,
      decodeCpu: used ? (used.user + used.system) / 1000 : Number.NaN,
      serverCpu: handling ? (handling.serverCpu - serverCpuBefore) * 1000 : Number.NaN,
    }
  }
  return new Promise<FirstSyncTiming>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no full sync within ${timeoutMs} ms (${notes.size} notes)`)), timeoutMs)
    const check = () => {
      if (provider.synced && notes.size >= expectedNotes) finish(timing())
    }
    const finish = (result: FirstSyncTiming | Error) => {
      clearTimeout(timer)
      provider.off('sync', check)
      doc.off('update', check)
      provider.destroy()
      doc.destroy()
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    provider.on('sync', check)
    doc.on('update', check)
  })
}

/** Participant parameters for our server (a fresh participant secret). */
export const participantSecret = (): string => newSecretId()
