import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import type { Actor } from '../../model/identity'
import { CLOSE, MESSAGE, decodeHello } from '../../protocol/messages'
import { bindDoc } from '../store/board'
import { useSession } from '../store/session'
import type { Problem } from '../store/session'
import type { Credentials } from './credentials'
import { readPeers } from './presence'
import { SaveTracker } from './saveTracker'

export interface OpenOptions {
  readonly boardId: string
  readonly credentials: Credentials
  /** ws(s)://host/ws; defaults to this page's origin. */
  readonly serverUrl?: string
  /** Keep unsent work in IndexedDB (the browser); off where there is none. */
  readonly persist?: boolean
  readonly WebSocketImpl?: typeof WebSocket
}

export interface BoardConnection {
  readonly doc: Y.Doc
  readonly actor: Actor
  readonly provider: WebsocketProvider
  /** Resolves when the connection first synced with the server. */
  readonly synced: Promise<void>
  destroy(): void
}

const CLOSE_PROBLEMS: Readonly<Record<number, Problem>> = {
  [CLOSE.unknownBoard]: 'unknownBoard',
  [CLOSE.forbidden]: 'forbidden',
  [CLOSE.boardFull]: 'boardFull',
  [CLOSE.rejected]: 'rejected',
}

function defaultServerUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`
}

/** A WebSocket class that shows every outgoing message to `onSend` first. */
function watchedSocket(Base: typeof WebSocket, onSend: (message: Uint8Array) => void): typeof WebSocket {
  return class WatchedSocket extends Base {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array) onSend(data)
      super.send(data)
    }
  }
}

/**
 * Opens a board: the doc, the browser store for unsent work, the websocket provider with
 * acknowledgements, presence, and the one-way mirror into the stores.
 */
export function openBoard(options: OpenOptions): BoardConnection {
  const { boardId, credentials } = options
  const participantId = participantIdOf(credentials.secret)
  const actor: Actor = { participantId, role: credentials.moderatorToken ? 'moderator' : 'participant' }
  const doc = new Y.Doc()
  const setSession = useSession.setState
  setSession({ boardId, participantId, role: actor.role, connection: 'connecting', problem: null, peers: [] })

  const local = options.persist === false ? null : new IndexeddbPersistence(`ballonfahrt:${boardId}`, doc)
  const unbind = bindDoc(doc)
  let destroyed = false
  let tracker: SaveTracker | null = null
  let provider: WebsocketProvider | null = null
  let resolveSynced: () => void = () => {}
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve))

  const params: Record<string, string> = { p: credentials.secret }
  if (credentials.moderatorToken) params.m = credentials.moderatorToken

  const start = () => {
    if (destroyed) return
    tracker = new SaveTracker((saved) => {
      const connected = provider?.wsconnected ?? false
      setSession({ save: saved ? 'saved' : connected ? 'saving' : 'local' })
    }, doc.store.clients.size > 0)
    const Base = options.WebSocketImpl ?? WebSocket
    const p = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), boardId, doc, {
      params,
      disableBc: true,
      WebSocketPolyfill: watchedSocket(Base, (m) => tracker?.sending(m)),
    })
    provider = p
    p.messageHandlers[MESSAGE.ack] = (_encoder, decoder) => tracker?.ack(decoding.readVarUint(decoder))
    p.messageHandlers[MESSAGE.reject] = () => setSession({ problem: 'rejected' })
    p.messageHandlers[MESSAGE.hello] = (_encoder, decoder) => {
      const hello = decodeHello(decoder)
      setSession({ role: hello.role === 'moderator' ? 'moderator' : 'participant' })
    }
    p.on('status', ({ status }) => {
      // Once a connection is lost, retries still count as offline until one succeeds.
      const wasOffline = useSession.getState().connection === 'offline'
      if (status === 'connected') setSession({ connection: 'connected' })
      else if (status === 'disconnected') setSession({ connection: 'offline' })
      else if (!wasOffline) setSession({ connection: 'connecting' })
      if (status === 'disconnected') tracker?.disconnected()
    })
    p.on('sync', (isSynced) => {
      if (isSynced) resolveSynced()
    })
    p.on('closed', ({ code }) => setSession({ problem: CLOSE_PROBLEMS[code] ?? null, connection: 'offline' }))
    p.on('connection-close', (event) => {
      const problem = event ? CLOSE_PROBLEMS[event.code] : undefined
      if (problem) setSession({ problem })
      // A socket that never opened reports no 'disconnected' status: the server is unreachable.
      setSession({ connection: 'offline' })
    })
    // Registered after the provider's own listener, so a change made while connected has
    // already been sent when we look.
    doc.on('update', (_update, origin) => {
      if (origin !== p) tracker?.localChange(p.wsconnected)
    })
    const awareness = p.awareness
    awareness.setLocalStateField('user', { name: credentials.name ?? '' })
    awareness.on('change', () => setSession({ peers: readPeers(awareness, participantId) }))
    setSession({ peers: readPeers(awareness, participantId) })
  }

  // Connect once the browser's copy is loaded, so the first sync step 2 carries unsent work.
  if (local) {
    const fallback = setTimeout(start, 1500)
    void local.whenSynced.then(() => {
      clearTimeout(fallback)
      if (!provider) start()
    })
  } else start()

  return {
    doc,
    actor,
    get provider() {
      return provider as WebsocketProvider
    },
    synced,
    destroy() {
      destroyed = true
      provider?.destroy()
      void local?.destroy()
      unbind()
      doc.destroy()
    },
  }
}

/** Deletes this browser's copy of a board (after a rejection, or when leaving for good). */
export async function clearLocalCopy(boardId: string): Promise<void> {
  const local = new IndexeddbPersistence(`ballonfahrt:${boardId}`, new Y.Doc())
  await local.whenSynced
  await local.clearData()
}
