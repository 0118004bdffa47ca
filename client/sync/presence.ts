import type { Awareness } from 'y-protocols/awareness'
import { LIMITS } from '../../model/limits'
import type { Peer } from '../store/session'

/** Okabe–Ito colours (distinct for colour-blind viewers), darkened for text contrast. */
const PALETTE = ['#0b6bb0', '#b35900', '#00795c', '#a4407a', '#5b5fc7', '#8a6d00', '#c0392b', '#2f6f8f']

export function colorFor(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}

interface PresenceState {
  readonly user?: { readonly name?: unknown }
  /** Stamped by the server from the connection's credentials; clients cannot set it. */
  readonly pid?: unknown
}

/** Reads awareness into a sorted list: me first, then others by name. */
export function readPeers(awareness: Awareness, selfId: string): Peer[] {
  const peers: Peer[] = []
  awareness.getStates().forEach((raw, clientId) => {
    const state = raw as PresenceState
    const name = typeof state.user?.name === 'string' ? state.user.name.slice(0, LIMITS.nameLength) : ''
    const self = clientId === awareness.clientID
    // Our own state is stamped only on the copies the server relays; we know our id anyway.
    const participantId = self ? selfId : typeof state.pid === 'string' ? state.pid : null
    peers.push({
      clientId,
      participantId,
      name,
      color: colorFor(participantId ?? String(clientId)),
      self,
    })
  })
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
}
