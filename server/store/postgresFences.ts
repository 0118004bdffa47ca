import type { Pool, PoolClient } from 'pg'
import { StaleEpochError } from './BoardStore'

/**
 * Fencing for several instances: the epoch this store writes each claimed board as, checked
 * against `board_epochs` inside every write transaction of the board and its private docs.
 */
export class Fences {
  private readonly epochs = new Map<string, number>()

  /**
   * Claims `boardId` as `epoch`: refused when a newer epoch holds it. Once claimed, every write
   * of the board carries the epoch (see `stale`).
   */
  async claim(pool: Pool, boardId: string, epoch: number): Promise<void> {
    const { rows } = await pool.query<{ epoch: string }>(
      `INSERT INTO board_epochs (board, epoch) VALUES ($1, $2)
       ON CONFLICT (board) DO UPDATE SET epoch = EXCLUDED.epoch WHERE board_epochs.epoch <= EXCLUDED.epoch
       RETURNING epoch`,
      [boardId, epoch],
    )
    if (rows.length === 0) {
      const now = await pool.query<{ epoch: string }>('SELECT epoch FROM board_epochs WHERE board = $1', [boardId])
      throw new StaleEpochError(boardId, epoch, now.rows[0] ? Number(now.rows[0].epoch) : null)
    }
    this.epochs.set(boardId, epoch)
  }

  /**
   * The claimed boards among `boards` whose epoch in the database is no longer ours. FOR SHARE
   * holds a claim by a newer owner back until this transaction is done, and this transaction
   * back until a claim under way is: an append and a takeover are ordered.
   */
  async stale(client: PoolClient, boards: Set<string>): Promise<Map<string, StaleEpochError>> {
    const fenced = [...boards].filter((b) => this.epochs.has(b))
    const stale = new Map<string, StaleEpochError>()
    if (fenced.length === 0) return stale
    const { rows } = await client.query<{ board: string; epoch: string }>('SELECT board, epoch FROM board_epochs WHERE board = ANY($1) FOR SHARE', [fenced])
    const current = new Map(rows.map((r) => [r.board, Number(r.epoch)]))
    for (const board of fenced) {
      const mine = this.epochs.get(board)!
      const theirs = current.get(board) ?? null
      if (theirs !== mine) stale.set(board, new StaleEpochError(board, mine, theirs))
    }
    return stale
  }

  /** The board is gone (deleted): nothing to claim any more. */
  forget(boardId: string): void {
    this.epochs.delete(boardId)
  }
}
