import type * as Y from 'yjs'
import { ModelError } from '../../model/errors'
import type { ModelErrorCode } from '../../model/errors'
import type { Actor } from '../../model/identity'
import { bindUndo } from './undo'

/**
 * The board this tab works on: the docs that actions change, and who changes them. The
 * connection (client/sync/activeBoard.ts) sets it; actions here only use it, so the store
 * never imports sync/.
 */
export interface ActiveBoard {
  readonly doc: Y.Doc
  /** My private doc: drafts, ballot, "fertig". */
  readonly privateDoc: Y.Doc
  readonly actor: Actor
}

let active: ActiveBoard | null = null

export function setActiveBoard(board: ActiveBoard | null): void {
  active = board
  bindUndo(board)
}

/** The outcome of an action: done, or refused with the model's code (for a German message). */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly code: ModelErrorCode | 'noBoard' }

/** Runs a change on the active board, turning model refusals into a result. */
export function run(change: (board: ActiveBoard) => void): ActionResult {
  const board = active
  if (!board) return { ok: false, code: 'noBoard' }
  try {
    change(board)
    return { ok: true }
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, code: error.code }
    throw error
  }
}
