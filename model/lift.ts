import type { BoardView, ZoneView } from './view'

/**
 * The Steighöhe: how the group weighed what lifts it against what holds it down.
 *
 * - `lift`: the revealed votes on Steigen (its clusters and notes), `ballast`: those on
 *   Unten halten, `heat`: those on Einheizen (the burner; shown, not weighed, since it names
 *   what is still to be done rather than a force now).
 * - `balance` = (lift − ballast) / (lift + ballast), from −1 (only ballast) to +1 (only lift);
 *   0 when no vote counts, and 0 until the vote has ended (totals are secret before).
 * - `state`: `open` before the vote ends, then `rising` / `level` / `sinking` by the sign of
 *   `balance`.
 */
export interface Lift {
  readonly lift: number
  readonly ballast: number
  readonly heat: number
  readonly balance: number
  readonly state: 'open' | 'rising' | 'level' | 'sinking'
}

export type LiftInput = Pick<BoardView, 'votesRevealed' | 'tally' | 'zones'>

/** The sum of the totals on a zone's clusters and notes (each target counted once). */
function votesIn(zone: ZoneView, tally: Readonly<Record<string, number>>): number {
  const targets = new Set<string>()
  for (const cluster of zone.clusters) targets.add(cluster.id)
  for (const note of zone.notes) targets.add(note.id)
  let sum = 0
  for (const id of targets) {
    const n = tally[id]
    if (n !== undefined && Number.isFinite(n) && n > 0) sum += n
  }
  return sum
}

/** The Steighöhe of a board (see `Lift`). */
export function liftOf(board: LiftInput): Lift {
  if (!board.votesRevealed) return { lift: 0, ballast: 0, heat: 0, balance: 0, state: 'open' }
  const lift = votesIn(board.zones.steigen, board.tally)
  const ballast = votesIn(board.zones.untenHalten, board.tally)
  const heat = votesIn(board.zones.einheizen, board.tally)
  const total = lift + ballast
  const balance = total === 0 ? 0 : (lift - ballast) / total
  const state = balance > 0 ? 'rising' : balance < 0 ? 'sinking' : 'level'
  return { lift, ballast, heat, balance, state }
}
