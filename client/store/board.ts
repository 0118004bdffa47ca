import type * as Y from 'yjs'
import { create } from 'zustand'
import { EMPTY_BOARD, toBoardView } from '../../model/view'
import type { BoardView } from '../../model/view'

/** The board as plain frozen objects, mirrored one way from the Y.Doc. */
export const useBoard = create<BoardView>(() => EMPTY_BOARD)

/** Mirrors `doc` into the store until the returned function is called. */
export function bindDoc(doc: Y.Doc): () => void {
  const sync = () => useBoard.setState(toBoardView(doc, useBoard.getState()), true)
  sync()
  doc.on('update', sync)
  return () => {
    doc.off('update', sync)
    useBoard.setState(EMPTY_BOARD, true)
  }
}
