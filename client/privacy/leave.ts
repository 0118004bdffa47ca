import { saveFollow } from '../focus/follow'
import { navigate } from '../router'
import { leaveBoard } from '../sync/activeBoard'
import { clearLocalCopy } from '../sync/connection'
import { forgetBoard } from '../sync/credentials'

/** The names of the IndexedDB databases that keep a board in this browser (see connection.ts). */
export const localDatabases = (boardId: string): readonly string[] => [`ballonfahrt:${boardId}`, `ballonfahrt:${boardId}/private`]

/**
 * Deletes one database and waits until it is gone. A deletion waits for open connections to
 * close; the time limit keeps "Board verlassen" from hanging on a stray one (the deletion
 * still happens once it closes).
 */
function deleteDatabase(name: string, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    try {
      const request = indexedDB.deleteDatabase(name)
      request.onsuccess = done
      request.onerror = done
    } catch {
      done()
    }
  })
}

/**
 * "Board verlassen": disconnects, deletes this browser's copies of the board (IndexedDB) and
 * what it remembers about it (identity, name, moderator token, following), and goes to the start.
 * The board on the server stays as it is.
 */
export async function leaveForGood(boardId: string): Promise<void> {
  leaveBoard()
  try {
    await clearLocalCopy(boardId)
  } catch {
    // No IndexedDB (private mode): the deletions below are all there is to do.
  }
  await Promise.all(localDatabases(boardId).map((name) => deleteDatabase(name)))
  forgetBoard(boardId)
  saveFollow(boardId, false)
  navigate('/')
}
