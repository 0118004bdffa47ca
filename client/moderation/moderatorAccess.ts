import { deleteBoard } from '../api'
import { useSession } from '../store/session'
import { forgetGoneBoard } from '../sync/activeBoard'
import { storedModeratorToken } from '../sync/credentials'

/** The board on screen and this browser's moderator token for it, when it holds one. */
function moderatorAccess(): { readonly boardId: string; readonly token: string } | null {
  const { boardId } = useSession.getState()
  const token = boardId ? storedModeratorToken(boardId) : null
  return boardId && token ? { boardId, token } : null
}

/** The link that makes someone a co-moderator: it carries the moderator token. */
export function coModeratorLink(): string | null {
  const access = moderatorAccess()
  return access ? `${window.location.origin}/b/${access.boardId}#m=${access.token}` : null
}

/**
 * Deletes the board on screen on the server (moderator token required), then everything this
 * browser kept of it; the page says that the board is gone.
 */
export async function deleteThisBoard(): Promise<boolean> {
  const access = moderatorAccess()
  if (!access || !(await deleteBoard(access.boardId, access.token))) return false
  await forgetGoneBoard(access.boardId)
  return true
}
