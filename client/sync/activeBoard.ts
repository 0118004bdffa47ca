import type * as Y from 'yjs'
import type { Actor } from '../../model/identity'
import { bindDoc } from '../store/board'
import { INITIAL_SESSION, useSession } from '../store/session'
import { loadCredentials } from './credentials'
import { clearLocalCopy, openBoard } from './connection'
import type { BoardConnection } from './connection'

/** The board this tab works on: the doc that actions change, and who changes it. */
export interface ActiveBoard {
  readonly doc: Y.Doc
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

/** Works on a doc without a server: for component tests and the offline demo. */
export function activateLocal(doc: Y.Doc, actor: Actor): () => void {
  leaveBoard()
  active = { doc, actor }
  useSession.setState({ participantId: actor.participantId, role: actor.role, connection: 'connected' })
  const unbind = bindDoc(doc)
  return () => {
    unbind()
    active = null
  }
}
