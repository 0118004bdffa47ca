import type * as Y from 'yjs'
import { create } from 'zustand'
import { EMPTY_BOARD, toBoardView } from '../../model/view'
import type { BoardView } from '../../model/view'
import { mirrorDoc } from './mirror'

/** The board as plain frozen objects, mirrored one way from the Y.Doc. */
export const useBoard = create<BoardView>(() => EMPTY_BOARD)

/** Mirrors `doc` into the store until the returned function is called. */
export const bindDoc = (doc: Y.Doc): (() => void) => mirrorDoc(doc, useBoard, toBoardView, EMPTY_BOARD)
