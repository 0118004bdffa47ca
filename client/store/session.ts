import { create } from 'zustand'
import type { Role } from '../../model/identity'
import type { ParticipantId } from '../../model/ids'

/** verbindet / verbunden / offline */
export type ConnectionState = 'connecting' | 'connected' | 'offline'
/** gespeichert / speichert … / local only (offline, kept in this browser) */
export type SaveState = 'saved' | 'saving' | 'local'
/** Why the board cannot be shown or was reset; null when all is well. */
export type Problem = 'unknownBoard' | 'forbidden' | 'revoked' | 'boardFull' | 'rejected' | 'deleted' | null

export interface Peer {
  readonly clientId: number
  readonly participantId: ParticipantId | null
  readonly name: string
  readonly self: boolean
  /** Moderates the board (the role the server stamped); absent: a participant. */
  readonly moderator?: boolean
}

export interface SessionState {
  readonly boardId: string | null
  readonly participantId: ParticipantId | null
  readonly role: Role
  readonly connection: ConnectionState
  readonly save: SaveState
  readonly peers: readonly Peer[]
  readonly problem: Problem
  /** Server clock minus this browser's clock, from the server's hello (for the timer). */
  readonly clockOffsetMs: number
}

export const INITIAL_SESSION: SessionState = Object.freeze({
  boardId: null,
  participantId: null,
  role: 'participant',
  connection: 'connecting',
  save: 'saved',
  peers: Object.freeze([]),
  problem: null,
  clockOffsetMs: 0,
})

/** The server's clock, as well as this browser can tell. */
export function serverNow(): number {
  return Date.now() + useSession.getState().clockOffsetMs
}

/** Who I am on which board, and the state of the connection and of saving. */
export const useSession = create<SessionState>(() => INITIAL_SESSION)
