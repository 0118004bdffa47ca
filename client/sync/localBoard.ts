import { clearLocalCopy } from './connection'
import { forgetBoard } from './credentials'

/** The names of the IndexedDB databases that keep a board in this browser (see connection.ts). */
export const localDatabases = (boardId: string): readonly string[] => [`ballonfahrt:${boardId}`, `ballonfahrt:${boardId}/private`]

/**
 * Deletes one database and waits until it is gone. A deletion waits for open connections to
 * close; the time limit keeps the caller from hanging on a stray one (the deletion still
 * happens once it closes).
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
 * Removes everything this browser keeps of a board: both IndexedDB copies and every
 * localStorage key (secret, name, moderator token, following). Used when leaving a board for
 * good and when the board was deleted; the caller has closed the connection first.
 */
export async function eraseBoardFromBrowser(boardId: string): Promise<void> {
  // Without IndexedDB (some private modes) only the keys are there to remove.
  if (typeof indexedDB !== 'undefined') {
    try {
      await clearLocalCopy(boardId)
    } catch {
      // A database that cannot be opened is deleted below all the same.
    }
    await Promise.all(localDatabases(boardId).map((name) => deleteDatabase(name)))
  }
  forgetBoard(boardId)
}
