import * as Y from 'yjs'
import type { Actor } from '../../model/identity'
import { bindDoc } from '../store/board'
import { bindPrivateDoc } from '../store/private'
import { INITIAL_SESSION, useSession } from '../store/session'
import { loadCredentials } from './credentials'
import { clearLocalCopy, openBoard } from './connection'
import type { BoardConnection } from './connection'

/** The board this tab works on: the doc that actions change, and who changes it. */
export interface ActiveBoard {
  readonly doc: Y.Doc
  /** My private doc: drafts, ballot, "fertig". */
  readonly privateDoc: Y.Doc
  readonly actor: Actor
}

let active: ActiveBoard | null = null
let connection: BoardConnection | null = null
let stopWatching: (() => void) | null = null

export function activeBoard(): ActiveBoard | null {
  return active
}

/** Connects this tab to a board with the credentials this browser holds for it. */
export function enterBoard(boardId: string): void {
  leaveBoard()
  connection = openBoard({ boardId, credentials: loadCredentials(boardId) })
  active = connection
  // A rejected update leaves our copy diverged from the server's: drop it and load afresh.
  stopWatching = useSession.subscribe((state, prev) => {
    if (state.problem === 'rejected' && prev.problem !== 'rejected') void resync(boardId)
  })
}

async function resync(boardId: string): Promise<void> {
  connection?.destroy()
  connection = null
  await clearLocalCopy(boardId)
  stopWatching?.()
  connection = openBoard({ boardId, credentials: loadCredentials(boardId) })
  active = connection
  useSession.setState({ problem: 'rejected' })
  stopWatching = useSession.subscribe((state, prev) => {
    if (state.problem === 'rejected' && prev.problem !== 'rejected') void resync(boardId)
  })
}

export function leaveBoard(): void {
  stopWatching?.()
  stopWatching = null
  connection?.destroy()
  connection = null
  active = null
  useSession.setState(INITIAL_SESSION, true)
}

/** Works on docs without a server: for component tests. */
export function activateLocal(doc: Y.Doc, actor: Actor, privateDoc: Y.Doc = new Y.Doc()): () => void {
  leaveBoard()
  active = { doc, actor, privateDoc }
  useSession.setState({ participantId: actor.participantId, role: actor.role, connection: 'connected' })
  const unbind = bindDoc(doc)
  const unbindPrivate = bindPrivateDoc(privateDoc)
  return () => {
    unbind()
    unbindPrivate()
    active = null
  }
}
