import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { authSocket } from '../../client/sync/authSocket'
import { participantIdOf } from '../../model/identity'
import type { Actor } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { isDocumentMessage, MESSAGE } from '../../protocol/messages'

/**
 * A stock y-websocket provider in Node, with handlers for our ack and reject messages.
 * It counts the document messages it sends, exactly as the browser client does.
 */
export interface TestClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly actor: Actor
  readonly rejects: string[]
  readonly closes: number[]
  sent(): number
  acked(): number
  /** Resolves when every document message sent so far is acknowledged. */
  settled(timeoutMs?: number): Promise<void>
  synced(): Promise<void>
  destroy(): void
}

export interface ClientOptions {
  readonly secret?: string
  readonly moderatorToken?: string
}

export function connectClient(wsUrl: string, boardId: string, options: ClientOptions = {}): TestClient {
  const secret = options.secret ?? newSecretId()
  const doc = new Y.Doc()
  let sent = 0
  let acked = 0
  const rejects: string[] = []
  const closes: number[] = []
  class CountingSocket extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array && isDocumentMessage(data)) sent++
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
  // As the browser: nothing in the URL, the credentials in the first message.
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    disableBc: true,
    WebSocketPolyfill: authSocket(CountingSocket, secret, options.moderatorToken ?? null) as unknown as typeof globalThis.WebSocket,
  })
  provider.messageHandlers[MESSAGE.ack] = (_e, decoder) => {
    acked = decoding.readVarUint(decoder)
  }
  provider.messageHandlers[MESSAGE.reject] = (_e, decoder) => {
    decoding.readVarUint(decoder)
    rejects.push(decoding.readVarString(decoder))
  }
  provider.messageHandlers[MESSAGE.hello] = () => {}
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  provider.on('status', ({ status }) => {
    if (status === 'connecting') {
      sent = 0
      acked = 0
    }
  })
  return {
    doc,
    provider,
    actor: { participantId: participantIdOf(secret), role: options.moderatorToken ? 'moderator' : 'participant' },
    rejects,
    closes,
    sent: () => sent,
    acked: () => acked,
    settled: (timeoutMs = 5000) => waitFor(() => provider.synced && acked >= sent, timeoutMs, 'acks'),
    synced: () => waitFor(() => provider.synced, 5000, 'sync'),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
