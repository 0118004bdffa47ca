import * as Y from 'yjs'
import type { Actor } from '../../model/identity'
import { bindDoc } from '../store/board'
import { bindPrivateDoc } from '../store/private'
import { setActiveBoard } from '../store/run'
import { INITIAL_SESSION, useSession } from '../store/session'
import type { Problem } from '../store/session'
import { dropModeratorToken, loadCredentials } from './credentials'
import { clearLocalCopy, openBoard } from './connection'
import type { BoardConnection } from './connection'
import { eraseBoardFromBrowser } from './localBoard'

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
  // A board that is gone (deleted: 4410, or no longer there: 4404) leaves nothing behind here.
  stopWatching = useSession.subscribe((state, prev) => {
    if (state.problem === prev.problem) return
    if (state.problem === 'rejected') void resync(boardId)
    if (state.problem === 'deleted' || state.problem === 'unknownBoard') void forgetGoneBoard(boardId, state.problem)
    // A revoked (4401) or wrong (4403) moderator token is dropped: the next visit takes part without it.
    if (state.problem === 'revoked' || state.problem === 'forbidden') dropModeratorToken(boardId)
  })
}

const erasing = new Map<string, Promise<void>>()

/**
 * The board is gone on the server (close 4410 or 4404, or this browser's moderator deleted
 * it): closes its connection, shows the page that says so, and erases what this browser kept
 * of it (copies, secret, moderator token). Runs once at a time however many paths call it.
 */
export function forgetGoneBoard(boardId: string, problem: 'deleted' | 'unknownBoard' = 'deleted'): Promise<void> {
  const running = erasing.get(boardId)
  if (running) return running
  if (useSession.getState().boardId === boardId) {
    stopWatching?.()
    stopWatching = null
    connection?.destroy()
    connection = null
    setActiveBoard(null)
    useSession.setState({ problem, connection: 'offline' })
  }
  const erased = eraseBoardFromBrowser(boardId).finally(() => erasing.delete(boardId))
  erasing.set(boardId, erased)
  return erased
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
