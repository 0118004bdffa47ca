import * as Y from 'yjs'
import type { Actor } from '../../model/identity'
import { bindDoc } from '../store/board'
import { bindPrivateDoc } from '../store/private'
import { setActiveBoard } from '../store/run'
import { INITIAL_SESSION, useSession } from '../store/session'
import type { Problem } from '../store/session'
import { loadCredentials } from './credentials'
import { clearLocalCopy, openBoard } from './connection'
import type { BoardConnection } from './connection'

let connection: BoardConnection | null = null
let stopWatching: (() => void) | null = null

/** Connects this tab to a board with the credentials this browser holds for it. */
export function enterBoard(boardId: string): void {
  leaveBoard()
  connect(boardId)
}

/**
 * Opens the board and makes it the one actions change. `problem`: what the page keeps saying
 * (set before watching, so that saying it does not start another reset).
 */
function connect(boardId: string, problem: Problem = null): void {
  connection = openBoard({ boardId, credentials: loadCredentials(boardId) })
  setActiveBoard(connection)
  if (problem) useSession.setState({ problem })
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
  connect(boardId, 'rejected')
}

export function leaveBoard(): void {
  stopWatching?.()
  stopWatching = null
  connection?.destroy()
  connection = null
  setActiveBoard(null)
  useSession.setState(INITIAL_SESSION, true)
}

/** Works on docs without a server: for component tests. */
export function activateLocal(doc: Y.Doc, actor: Actor, privateDoc: Y.Doc = new Y.Doc()): () => void {
  leaveBoard()
  setActiveBoard({ doc, actor, privateDoc })
  useSession.setState({ participantId: actor.participantId, role: actor.role, connection: 'connected' })
  const unbind = bindDoc(doc)
  const unbindPrivate = bindPrivateDoc(privateDoc)
  return () => {
    unbind()
    unbindPrivate()
    setActiveBoard(null)
  }
}
