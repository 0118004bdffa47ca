import { liftOf } from '../../model/lift'
import type { Lift } from '../../model/lift'
import type { BoardView } from '../../model/view'

/** At most this many sandbags hang from the basket; the rest are counted ("+2"). */
export const MAX_SANDBAGS = 4

export interface Sandbag {
  readonly id: string
  /** The cluster's title as written ('' when untitled). */
  readonly title: string
  /** Its revealed votes (0 before the vote ends): heavier bags hang bigger. */
  readonly votes: number
}

export interface BalloonPicture {
  readonly lift: Lift
  readonly sandbags: readonly Sandbag[]
  readonly moreSandbags: number
}

/**
 * What the balloon shows of a board: the Unten-halten clusters as sandbags (heaviest first once
 * the vote has ended, otherwise in board order) and the Steighöhe.
 */
export function balloonPicture(board: Pick<BoardView, 'votesRevealed' | 'tally' | 'zones'>): BalloonPicture {
  const clusters = board.zones.untenHalten.clusters
  const votes = (id: string) => (board.votesRevealed ? (board.tally[id] ?? 0) : 0)
  const bags = clusters.map((c) => ({ id: c.id, title: c.title, votes: votes(c.id) }))
  if (board.votesRevealed) bags.sort((a, b) => b.votes - a.votes)
  return { lift: liftOf(board), sandbags: bags.slice(0, MAX_SANDBAGS), moreSandbags: Math.max(0, bags.length - MAX_SANDBAGS) }
}

/**
 * The picture as one string, for a store selector: equal strings mean an equal picture, so the
 * balloon renders again only when the picture changes (not when somebody types a note).
 */
export function balloonKey(board: Pick<BoardView, 'votesRevealed' | 'tally' | 'zones'>): string {
  return JSON.stringify(balloonPicture(board))
}
