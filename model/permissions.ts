import type { Actor } from './identity'
import type { Phase } from './phases'
import type { Settings } from './settings'

/**
 * Questions the client asks to offer only what the server will accept. The server's guard
 * (rules.ts) decides with the same predicates.
 */
export interface BoardState {
  readonly phase: Phase
  readonly settings: Settings
  readonly locked: boolean
}

/** Locked, or in Abschluss: participants may read only. Moderators may always act. */
export function isReadOnly(board: BoardState, actor: Actor): boolean {
  return actor.role !== 'moderator' && (board.locked || board.phase === 'abschluss')
}

/** While collecting privately, new notes go to the author's private doc as drafts. */
export function writesDrafts(board: BoardState): boolean {
  return board.phase === 'sammeln' && board.settings.privateWriting
}

export function mayCluster(board: BoardState, actor: Actor): boolean {
  return !isReadOnly(board, actor) && (actor.role === 'moderator' || board.settings.participantsCluster)
}

export function mayEditActions(board: BoardState, actor: Actor): boolean {
  return !isReadOnly(board, actor) && (actor.role === 'moderator' || board.settings.participantsEditActions)
}

/** The Rückblick's marks: the moderator at any time, everyone else during the Rückblick. */
export function mayReview(board: BoardState, actor: Actor): boolean {
  return !isReadOnly(board, actor) && (actor.role === 'moderator' || board.phase === 'rueckblick')
}

/**
 * The Bericht's text: the moderator, and participants where the moderator lets them write along,
 * also in Abschluss (when minutes are written), never on a locked board (the moderator's way to
 * close them). Replacing or removing a part stays the moderator's (model/rules.ts).
 */
export function mayWriteBericht(board: BoardState, actor: Actor): boolean {
  return actor.role === 'moderator' || (board.settings.participantsWriteBericht && !board.locked)
}

/** Votes are cast while the vote is open in Abstimmen. */
export function mayVote(board: BoardState & { readonly votesRevealed: boolean }, actor: Actor): boolean {
  return !isReadOnly(board, actor) && board.phase === 'abstimmen' && !board.votesRevealed
}

/** The report's downloads: moderators, and everyone once the moderator allows it (they hold the board anyway). */
export function mayExport(board: BoardState, actor: Actor): boolean {
  return actor.role === 'moderator' || board.settings.participantsExport
}

export function mayModerate(actor: Actor): boolean {
  return actor.role === 'moderator'
}
