import type { Awareness } from 'y-protocols/awareness'
import { normaliseName } from '../../model/identity'
import type { Actor } from '../../model/identity'
import type { Peer } from '../store/session'

interface PresenceState {
  readonly user?: { readonly name?: unknown }
  /** Stamped by the server from the connection's credentials; clients cannot set it. */
  readonly pid?: unknown
  /** Stamped by the server too. */
  readonly role?: unknown
}

/**
 * Reads awareness into a sorted list: me first, then others by name. One entry per participant:
 * a second tab of the same person (the moderator's Präsentation) is no second person.
 */
export function readPeers(awareness: Awareness, me: Actor): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((raw, clientId) => {
    const state = raw as PresenceState
    const name = typeof state.user?.name === 'string' ? normaliseName(state.user.name) : ''
    const self = clientId === awareness.clientID
    // Our own state is stamped only on the copies the server relays; we know our id anyway.
    const participantId = self ? me.participantId : typeof state.pid === 'string' ? state.pid : null
    const moderator = self ? me.role === 'moderator' : state.role === 'moderator'
    peers.push({ clientId, participantId, name, self, moderator })
  })
  peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
  const seen = new Set<string>()
  return peers.filter((peer) => {
    if (peer.participantId === null) return true
    if (seen.has(peer.participantId)) return false
    seen.add(peer.participantId)
    return true
  })
}
