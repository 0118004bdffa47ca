import type { ParticipantId } from '../../model/ids'
import type { Peer } from '../store/session'

/** Who of those present (not me) has done something, and who has not yet. */
export interface Attendance {
  readonly count: number
  readonly total: number
  readonly missing: readonly Peer[]
}

/**
 * Counts the people present other than me (one per participant, however many tabs) against the
 * participants who did it. Someone who did it and left no longer counts: the bar speaks of the room.
 */
export function attendance(peers: readonly Peer[], me: ParticipantId | null, did: readonly ParticipantId[]): Attendance {
  const present = new Map<ParticipantId, Peer>()
  for (const peer of peers) if (peer.participantId && peer.participantId !== me && !peer.self) present.set(peer.participantId, peer)
  const done = new Set(did)
  const missing = [...present.values()].filter((peer) => !done.has(peer.participantId ?? ''))
  return { count: present.size - missing.length, total: present.size, missing }
}
