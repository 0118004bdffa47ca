import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'

/**
 * The facilitated flow, in order. Abschluss makes the board read-only for participants. The
 * Rückblick (model/review.ts) comes first on a follow-up meeting that carried actions over and
 * is left out everywhere else (see `phasesOf`).
 */
export const PHASES = ['rueckblick', 'sammeln', 'aufdecken', 'clustern', 'abstimmen', 'massnahmen', 'abschluss'] as const
export type Phase = (typeof PHASES)[number]

const WITHOUT_REVIEW: readonly Phase[] = PHASES.filter((p) => p !== 'rueckblick')

/** The phases a board goes through: with the Rückblick only when it has carried actions to review. */
export function phasesOf(hasReview: boolean): readonly Phase[] {
  return hasReview ? PHASES : WITHOUT_REVIEW
}

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value)
}

export function nextPhase(phase: Phase, phases: readonly Phase[] = WITHOUT_REVIEW): Phase | null {
  const at = phases.indexOf(phase)
  return at < 0 ? (phases[0] ?? null) : (phases[at + 1] ?? null)
}

export function previousPhase(phase: Phase, phases: readonly Phase[] = WITHOUT_REVIEW): Phase | null {
  return phases[phases.indexOf(phase) - 1] ?? null
}

/** Moves the board to a phase (moderator only, see rules). Any phase may follow any other. */
export function setPhase(doc: Y.Doc, phase: Phase): void {
  doc.transact(() => metaOf(doc).set('phase', phase), LOCAL)
}

/** Locks or unlocks the board: locked, participants can read but not change anything. */
export function setLocked(doc: Y.Doc, locked: boolean): void {
  doc.transact(() => metaOf(doc).set('locked', locked), LOCAL)
}

/** Ends the vote (totals become visible and items sort by them) or opens it again. */
export function setVotesRevealed(doc: Y.Doc, revealed: boolean): void {
  doc.transact(() => metaOf(doc).set('votesRevealed', revealed), LOCAL)
}

/** Where the vote stands, as far as a phase change is concerned. */
export interface VoteStage {
  readonly phase: Phase
  readonly votesRevealed: boolean
}

/**
 * What moving to `to` does besides changing the phase. Leaving Abstimmen with the vote open ends
 * it in the same change (the ballots are counted, nothing is lost); going back before Abstimmen
 * once votes were counted keeps the totals, which the moderator is told first.
 */
export interface PhaseChange {
  readonly to: Phase
  readonly endsVote: boolean
  readonly warning: 'endsVote' | 'keepsVotes' | null
}

export function planPhaseChange(from: VoteStage, to: Phase): PhaseChange {
  const endsVote = from.phase === 'abstimmen' && to !== 'abstimmen' && !from.votesRevealed
  const before = PHASES.indexOf(to) < PHASES.indexOf('abstimmen')
  const keepsVotes = from.votesRevealed && before && PHASES.indexOf(from.phase) > PHASES.indexOf(to)
  return { to, endsVote, warning: endsVote ? 'endsVote' : keepsVotes ? 'keepsVotes' : null }
}

/** Carries out a planned phase change in one transaction: ending the vote goes with leaving it. */
export function changePhase(doc: Y.Doc, change: PhaseChange): void {
  doc.transact(() => {
    if (change.endsVote) metaOf(doc).set('votesRevealed', true)
    metaOf(doc).set('phase', change.to)
  }, LOCAL)
}

/** True when a change from `before` to `after` leaves Abstimmen while the vote is still open. */
export function leavesVoteOpen(before: VoteStage, after: VoteStage): boolean {
  return before.phase === 'abstimmen' && after.phase !== 'abstimmen' && !after.votesRevealed
}
