import { ModelError } from '../../model/errors'
import type { ModelErrorCode } from '../../model/errors'
import { activeBoard } from '../sync/activeBoard'
import type { ActiveBoard } from '../sync/activeBoard'

/** The outcome of an action: done, or refused with the model's code (for a German message). */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly code: ModelErrorCode | 'noBoard' }

/** Runs a change on the active board, turning model refusals into a result. */
export function run(change: (board: ActiveBoard) => void): ActionResult {
  const board = activeBoard()
  if (!board) return { ok: false, code: 'noBoard' }
  try {
    change(board)
    return { ok: true }
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, code: error.code }
    throw error
  }
}
