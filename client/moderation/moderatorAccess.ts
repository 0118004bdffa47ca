import { createModeratorLink, deleteBoard, listModeratorLinks, revokeModeratorLink } from '../api'
import type { LinkAnswer, ModeratorLinkInfo } from '../api'
import { useSession } from '../store/session'
import { forgetGoneBoard } from '../sync/activeBoard'
import { storedModeratorToken } from '../sync/credentials'

/** The board on screen and this browser's moderator token for it, when it holds one. */
function moderatorAccess(): { readonly boardId: string; readonly token: string } | null {
  const { boardId } = useSession.getState()
  const token = boardId ? storedModeratorToken(boardId) : null
  return boardId && token ? { boardId, token } : null
}

/** This browser holds no moderator token for the board: answered as the server would (401). */
const NO_ACCESS = { ok: false, status: 401, error: '' } as const

/** The co-moderator links of the board on screen (only its creator's token may list them). */
export async function coModeratorLinks(): Promise<LinkAnswer<readonly ModeratorLinkInfo[]>> {
  const access = moderatorAccess()
  return access ? listModeratorLinks(access.boardId, access.token) : NO_ACCESS
}

/** Creates a co-moderator link with its own token; answers the address to hand on (the token in the fragment). */
export async function newCoModeratorLink(label: string): Promise<LinkAnswer<ModeratorLinkInfo & { readonly url: string }>> {
  const access = moderatorAccess()
  if (!access) return NO_ACCESS
  const answer = await createModeratorLink(access.boardId, access.token, label)
  if (!answer.ok) return answer
  const { moderatorToken, ...info } = answer.value
  return { ok: true, value: { ...info, url: `${window.location.origin}/b/${access.boardId}#m=${moderatorToken}` } }
}

/** Revokes a co-moderator link: whoever uses it loses the moderator rights at once. */
export async function revokeCoModeratorLink(linkId: string): Promise<LinkAnswer<null>> {
  const access = moderatorAccess()
  return access ? revokeModeratorLink(access.boardId, access.token, linkId) : NO_ACCESS
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
