import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { authSocket } from '../../client/sync/authSocket'
import { newSecretId } from '../../model/ids'
import { MESSAGE } from '../../protocol/messages'
import { stopChild, track } from './proc'

export interface Heap {
  readonly heapUsed: number
  /** Of heapUsed, the machine code V8 compiled (it grows as code gets hot, whatever the data). */
  readonly code: number
  readonly external: number
  readonly arrayBuffers: number
  readonly rss: number
}

/** bench/memory-server.mts in its own process, asked over IPC. */
export interface MeasuredServer {
  readonly port: number
  heap(): Promise<Heap>
  /** Writes a heap snapshot to `file` (after the same collections as heap()). */
  snapshot(file: string): Promise<string>
  doc(name: string): Promise<{ loaded: boolean; notes: number }>
  stop(): Promise<void>
}

export async function forkMeasuredServer(kind: 'ballonfahrt' | 'y-websocket-server', env: NodeJS.ProcessEnv): Promise<MeasuredServer> {
  const child: ChildProcess = track(
    fork('bench/memory-server.mts', [kind], {
      // Bytecode kept: the forced collections would otherwise age it out and its recompilation
      // would count as the measured step's memory.
      execArgv: ['--expose-gc', '--no-flush-bytecode', '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  )
  let next = 0
  const waiting = new Map<number, (value: unknown) => void>()
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`memory server exited ${code}`)))
    child.on('message', (m: { id?: number; type?: string; port?: number }) => {
      if (m.type === 'ready') resolve(m.port!)
      else if (m.id !== undefined) {
        waiting.get(m.id)?.(m)
        waiting.delete(m.id)
      }
    })
  })
  const ask = <T,>(message: object): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = next++
      waiting.set(id, resolve as (value: unknown) => void)
      child.send({ id, ...message })
    })
  return {
    port,
    heap: () => ask<Heap>({ type: 'heap' }),
    snapshot: (file) => ask<{ file: string }>({ type: 'snapshot', file }).then((m) => m.file),
    doc: (name) => ask<{ loaded: boolean; notes: number }>({ type: 'doc', name }),
    stop: () => stopChild(child, 5000),
  }
}

/**
 * An idle participant as a browser holds it: a stock y-websocket provider, synced, with a
 * presence state (a name). `state` pre-fills the doc (the peer relay learns the board from it).
 */
export interface IdleClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  synced(): Promise<void>
  close(): void
}

export function idleClient(wsBase: string, room: string, name: string, options: { secret?: string; state?: Uint8Array } = {}): IdleClient {
  const doc = new Y.Doc()
  if (options.state) Y.applyUpdate(doc, options.state)
  // Ours: the secret in the first message (a URL with a query is refused); the others take none.
  const provider = new WebsocketProvider(wsBase, room, doc, {
    disableBc: true,
    WebSocketPolyfill: (options.secret === undefined ? WebSocket : authSocket(WebSocket, options.secret, null)) as unknown as typeof globalThis.WebSocket,
  })
  provider.messageHandlers[MESSAGE.ack] = () => {}
  provider.messageHandlers[MESSAGE.reject] = () => {}
  provider.messageHandlers[MESSAGE.hello] = () => {}
  provider.awareness.setLocalStateField('user', { name })
  return {
    doc,
    provider,
    synced: () =>
      new Promise<void>((resolve, reject) => {
        if (provider.synced) return resolve()
        const timer = setTimeout(() => reject(new Error(`${name}: not synced within 30 s`)), 30_000)
        provider.once('sync', () => {
          clearTimeout(timer)
          resolve()
        })
      }),
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Participant parameters for our server. */
export const asParticipant = (): { secret: string } => ({ secret: newSecretId() })
