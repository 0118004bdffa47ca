import { useEffect } from 'react'
import type { Seats } from '../../model/seats'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useSession } from '../store/session'
import type { Peer } from '../store/session'
import { distinctInitials, initialsOf, lookOfSeat } from './participant'
import type { ParticipantLook } from './participant'

/** The key a mark goes by: the participant id, or the client id of a state without one. */
export function peerKey(peer: Peer): string {
  return peer.participantId ?? String(peer.clientId)
}

let last: { peers: readonly Peer[]; seats: Seats; anonymous: string; initials: ReadonlyMap<string, string> } | null = null

/** The distinct initials of everyone present, worked out once per change of presence or seats. */
function presentInitials(peers: readonly Peer[], seats: Seats, anonymous: string): ReadonlyMap<string, string> {
  if (last?.peers === peers && last.seats === seats && last.anonymous === anonymous) return last.initials
  const present = peers.map((p) => ({ id: peerKey(p), name: p.name || anonymous, seat: p.participantId === null ? undefined : seats[p.participantId] }))
  last = { peers, seats, anonymous, initials: distinctInitials(present) }
  return last.initials
}

/** Initials last shown for a participant in this tab (memory only): a note keeps its author's after they leave. */
const seenInitials = new Map<string, string>()

/**
 * A participant's look (by their seat; the moderation's mark while they moderate here) and their
 * initials, distinct among those present. Each selector returns a plain value, so a mark renders
 * again only when its own look or initials change, not at every move of presence.
 */
export function useParticipantLook(participantId: string, name: string): { readonly look: ParticipantLook; readonly initials: string } {
  const anonymous = useT()('presence.anonymous')
  const seats = useBoard((s) => s.seats)
  const seat = seats[participantId]
  const moderator = useSession((s) => s.peers.some((p) => p.moderator === true && p.participantId === participantId))
  const present = useSession((s) => presentInitials(s.peers, seats, anonymous).get(participantId))
  useEffect(() => {
    if (present !== undefined) seenInitials.set(participantId, present)
  }, [participantId, present])
  const initials = present ?? (name === '' ? '' : (seenInitials.get(participantId) ?? initialsOf(name)))
  return { look: lookOfSeat(seat, moderator), initials }
}

/** The colour a participant's notes are edged with (their look's colour). */
export function useParticipantColour(participantId: string): string {
  return lookOfSeat(useBoard((s) => s.seats[participantId])).colour
}
