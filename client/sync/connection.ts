import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import type { Actor } from '../../model/identity'
import { declarePrivateRoots } from '../../model/privateDoc'
import { CLOSE, MESSAGE, SYNC_UPDATE, decodeHello } from '../../protocol/messages'
import { bindDoc } from '../store/board'
import { bindPrivateDoc } from '../store/private'
import { useSession } from '../store/session'
import type { Problem } from '../store/session'
import { jitterReconnects } from './backoff'
import { authSocket } from './authSocket'
import { gatedSocket } from './gatedSocket'
import { followNetwork } from './network'
import type { Credentials } from './credentials'
import { readPeers } from './presence'
import { SaveTracker } from './saveTracker'
import { bindTrash } from './trash'

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
  /** My private doc: drafts while collecting privately, my ballot, "fertig". */
  readonly privateDoc: Y.Doc
  readonly actor: Actor
  /** Resolves when the board first synced with the server. */
  readonly synced: Promise<void>
  destroy(): void
}

const CLOSE_PROBLEMS: Readonly<Record<number, Problem>> = {
  [CLOSE.unknownBoard]: 'unknownBoard',
  [CLOSE.forbidden]: 'forbidden',
  [CLOSE.revoked]: 'revoked',
  [CLOSE.boardFull]: 'boardFull',
  [CLOSE.rejected]: 'rejected',
  [CLOSE.deleted]: 'deleted',
}

function defaultServerUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/ws`
}

interface SyncedDoc {
  readonly provider: WebsocketProvider
  saved(): boolean
  destroy(): void
}

/**
 * One doc kept in the browser (IndexedDB) and synced over its own websocket with acks. The
 * provider connects once the browser's copy is loaded, so its first sync step 2 carries unsent
 * work.
 */
function syncDoc(
  doc: Y.Doc,
  options: OpenOptions,
  room: string,
  onSaved: () => void,
  onProvider: (provider: WebsocketProvider) => void,
  /** What must be in place before the provider applies anything. */
  ready: Promise<unknown> = Promise.resolve(),
): SyncedDoc {
  const local = options.persist === false ? null : new IndexeddbPersistence(`ballonfahrt:${room}`, doc)
  let tracker: SaveTracker | null = null
  let provider: WebsocketProvider | null = null
  let stopJitter: (() => void) | null = null
  let stopNetwork: (() => void) | null = null
  let destroyed = false
  // The credentials go in the socket's first message, never in the URL (authSocket.ts).
  const Socket = authSocket(options.WebSocketImpl ?? WebSocket, options.credentials.secret, options.credentials.moderatorToken)

  const start = () => {
    if (destroyed || provider) return
    tracker = new SaveTracker(onSaved, doc.store.clients.size > 0)
    // Whether the provider actually sent the change being handled (not before our sync step 2,
    // not on a closing socket); one it did not send is carried by the next sync step 2.
    let carried = false
    const p = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), room, doc, {
      disableBc: true,
      WebSocketPolyfill: gatedSocket(Socket, (m) => {
        if (m[0] === MESSAGE.sync && m[1] === SYNC_UPDATE) carried = true
        tracker?.sending(m)
      }),
    })
    provider = p
    // Browsers come back at random moments after a server restart, not all at once.
    stopJitter = jitterReconnects(p)
    stopNetwork = followNetwork(p, () => useSession.setState({ connection: 'offline' }))
    p.messageHandlers[MESSAGE.ack] = (_encoder, decoder) => tracker?.ack(decoding.readVarUint(decoder))
    p.messageHandlers[MESSAGE.reject] = () => useSession.setState({ problem: 'rejected' })
    p.on('status', ({ status }) => {
      if (status === 'disconnected') tracker?.disconnected()
    })
    // Registered after the provider's own listener, so a change made while connected has
    // already been sent when we look.
    doc.on('update', (_update, origin) => {
      if (origin !== p) tracker?.localChange(carried)
      carried = false
    })
    onProvider(p)
  }
  if (local) {
    const fallback = setTimeout(() => void ready.then(start), 1500)
    void Promise.all([local.whenSynced, ready]).then(() => {
      clearTimeout(fallback)
      start()
    })
  } else void ready.then(start)

  return {
    get provider() {
      return provider as WebsocketProvider
    },
    saved: () => tracker?.saved ?? true,
    destroy() {
      destroyed = true
      stopJitter?.()
      stopNetwork?.()
      provider?.destroy()
      void local?.destroy()
    },
  }
}

/**
 * Opens a board: the board doc and my private doc, each kept in the browser and synced with
 * acknowledgements; presence; and the one-way mirrors into the stores.
 */
export function openBoard(options: OpenOptions): BoardConnection {
  const { boardId, credentials } = options
  const participantId = participantIdOf(credentials.secret)
  const actor: Actor = { participantId, role: credentials.moderatorToken ? 'moderator' : 'participant' }
  const doc = new Y.Doc()
  const privateDoc = new Y.Doc()
  declarePrivateRoots(privateDoc)
  const setSession = useSession.setState
  setSession({ boardId, participantId, role: actor.role, connection: 'connecting', problem: null, peers: [] })
  const unbind = bindDoc(doc)
  // Unsent work survives the server's renewals of entries: registered before the provider
  // applies anything, loaded beside the board (it is not needed for the first screen). Without
  // it (the file could not be loaded) the board still opens.
  const carrying = import('../../model/renewal').then(
    ({ keepUnsentAcrossRenewals }) => keepUnsentAcrossRenewals(doc),
    () => () => {},
  )
  const unbindPrivate = bindPrivateDoc(privateDoc)
  let resolveSynced: () => void = () => {}
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve))

  let board: SyncedDoc | null = null
  let mine: SyncedDoc | null = null
  let unbindTrash: (() => void) | null = null
  const updateSave = () => {
    const saved = (board?.saved() ?? true) && (mine?.saved() ?? true)
    const connected = board?.provider?.wsconnected ?? false
    setSession({ save: saved ? 'saved' : connected ? 'saving' : 'local' })
  }

  board = syncDoc(doc, options, boardId, updateSave, (p) => {
    unbindTrash = bindTrash(p)
    p.messageHandlers[MESSAGE.hello] = (_encoder, decoder) => {
      const hello = decodeHello(decoder)
      setSession({ role: hello.role === 'moderator' ? 'moderator' : 'participant', clockOffsetMs: hello.serverTime - Date.now() })
    }
    p.on('status', ({ status }) => {
      // Once a connection is lost, retries still count as offline until one succeeds.
      const wasOffline = useSession.getState().connection === 'offline'
      if (status === 'connected') setSession({ connection: 'connected' })
      else if (status === 'disconnected') setSession({ connection: 'offline' })
      else if (!wasOffline) setSession({ connection: 'connecting' })
      updateSave()
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
    const awareness = p.awareness
    awareness.setLocalStateField('user', { name: credentials.name ?? '' })
    awareness.on('change', () => setSession({ peers: readPeers(awareness, actor) }))
    setSession({ peers: readPeers(awareness, actor) })
  }, carrying)
  mine = syncDoc(privateDoc, options, `${boardId}/private`, updateSave, (p) => {
    // Presence belongs to the board connection only.
    p.awareness.setLocalState(null)
    p.messageHandlers[MESSAGE.hello] = () => {}
  })

  return {
    doc,
    privateDoc,
    actor,
    synced,
    destroy() {
      board?.destroy()
      mine?.destroy()
      unbindTrash?.()
      unbind()
      void carrying.then((stop) => stop())
      unbindPrivate()
      doc.destroy()
      privateDoc.destroy()
    },
  }
}

/** Deletes this browser's copies of a board (after a rejection, or when leaving for good). */
export async function clearLocalCopy(boardId: string): Promise<void> {
  for (const room of [boardId, `${boardId}/private`]) {
    const local = new IndexeddbPersistence(`ballonfahrt:${room}`, new Y.Doc())
    await local.whenSynced
    await local.clearData()
  }
}
