import { create } from 'zustand'
import { createUndo } from '../../model/undo'
import type { Undo } from '../../model/undo'
import type { ActiveBoard } from './run'

interface UndoState {
  readonly canUndo: boolean
  readonly canRedo: boolean
}

/** Whether this person has a change of their own to take back or to do again. */
export const useUndo = create<UndoState>(() => ({ canUndo: false, canRedo: false }))

let current: Undo | null = null

/** Starts Rückgängig/Wiederholen for the active board (store/run.ts calls it); null stops it. */
export function bindUndo(board: ActiveBoard | null): void {
  current?.destroy()
  current = null
  useUndo.setState({ canUndo: false, canRedo: false })
  if (!board) return
  const undo = createUndo(board.doc, board.privateDoc)
  current = undo
  undo.onChange(() => useUndo.setState({ canUndo: undo.canUndo(), canRedo: undo.canRedo() }))
}

/** Takes my latest change back; false when there was nothing to take back. */
export const undoLast = (): boolean => current?.undo() ?? false

/** Does my latest undone change again; false when there was none. */
export const redoLast = (): boolean => current?.redo() ?? false
