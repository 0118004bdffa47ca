import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { authSocket } from '../../client/sync/authSocket'
import { newSecretId } from '../../model/ids'
import { MESSAGE } from '../../protocol/messages'
import { freePort, stopChild, track } from './proc'

export interface ServerProcess {
  readonly port: number
  readonly child: ChildProcess
  stop(): Promise<void>
}

/** Starts `args` with node in a new process and waits until GET `path` answers 200. */
export async function startProcess(args: string[], env: NodeJS.ProcessEnv, path: string, timeoutMs = 30_000): Promise<ServerProcess> {
  const port = await freePort()
  const child = track(spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] }))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
  const start = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${stderr}`)
    if (Date.now() - start > timeoutMs) {
      child.kill('SIGKILL')
      throw new Error(`${args.join(' ')} did not answer on ${path} within ${timeoutMs} ms: ${stderr}`)
    }
    const ok = await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    port,
    child,
    stop: () => stopChild(child, 10_000),
  }
}

/**
 * Connects a stock y-websocket provider and resolves with the milliseconds from creating it until
 * it reported synced AND its doc holds `expectedNotes` notes. Both, because a relay that loads
 * its storage asynchronously answers sync at once with an empty doc and sends the content later.
 */
export function timeFirstSync(wsBase: string, room: string, expectedNotes: number, secret: string | null = null, timeoutMs = 60_000): Promise<number> {
  const doc = new Y.Doc()
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
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no full sync within ${timeoutMs} ms (${notes.size} notes)`)), timeoutMs)
    const check = () => {
      if (provider.synced && notes.size >= expectedNotes) finish(performance.now() - start)
    }
    const finish = (result: number | Error) => {
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
