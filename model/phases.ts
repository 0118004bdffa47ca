import type * as Y from 'yjs'
import { LOCAL, metaOf } from './schema'

/** The facilitated flow, in order. Abschluss makes the board read-only for participants. */
export const PHASES = ['sammeln', 'aufdecken', 'clustern', 'abstimmen', 'massnahmen', 'abschluss'] as const
export type Phase = (typeof PHASES)[number]

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value)
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null
}

export function previousPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) - 1] ?? null
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
