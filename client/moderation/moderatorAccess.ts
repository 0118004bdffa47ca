import { deleteBoard } from '../api'
import { useSession } from '../store/session'
import { loadCredentials } from '../sync/credentials'

/** The board on screen and this browser's moderator token for it, when it holds one. */
function moderatorAccess(): { readonly boardId: string; readonly token: string } | null {
  const { boardId } = useSession.getState()
  const token = boardId ? loadCredentials(boardId).moderatorToken : null
  return boardId && token ? { boardId, token } : null
}

/** The link that makes someone a co-moderator: it carries the moderator token. */
export function coModeratorLink(): string | null {
  const access = moderatorAccess()
  return access ? `${window.location.origin}/b/${access.boardId}#m=${access.token}` : null
}

/** Deletes the board on screen on the server (moderator token required). */
export async function deleteThisBoard(): Promise<boolean> {
  const access = moderatorAccess()
  return access ? deleteBoard(access.boardId, access.token) : false
}
