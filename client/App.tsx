import { BoardRoute } from './join/BoardRoute'
import { Landing } from './landing/Landing'
import { boardIdOf, usePath } from './router'
import { saveModeratorToken } from './sync/credentials'

/** Takes a moderator token out of the address (#m=<token>) so it does not stay on a shared screen. */
function takeModeratorToken(boardId: string): void {
  const match = /^#m=([A-Za-z0-9_-]+)$/.exec(window.location.hash)
  if (!match?.[1]) return
  saveModeratorToken(boardId, match[1])
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}

export function App() {
  const path = usePath()
  const boardId = boardIdOf(path)
  // During render, before the board route reads the credentials; idempotent, since the
  // fragment is gone after the first call.
  if (boardId) takeModeratorToken(boardId)
  return boardId ? <BoardRoute key={boardId} boardId={boardId} /> : <Landing />
}
