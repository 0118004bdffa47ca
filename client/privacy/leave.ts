import { navigate } from '../router'
import { leaveBoard } from '../sync/activeBoard'
import { eraseBoardFromBrowser } from '../sync/localBoard'

/**
 * "Board verlassen": disconnects, deletes this browser's copies of the board (IndexedDB) and
 * what it remembers about it (identity, name, moderator token, following), and goes to the start.
 * The board on the server stays as it is.
 */
export async function leaveForGood(boardId: string): Promise<void> {
  leaveBoard()
  await eraseBoardFromBrowser(boardId)
  navigate('/')
}
