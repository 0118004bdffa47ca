import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE } from '../protocol/messages'

/** Something attached to a room that receives its broadcasts. */
export interface RoomMember {
  sendDocUpdate(message: Uint8Array): void
  sendAwareness(message: Uint8Array): void
  close(code: number, reason: string): void
}

/**
 * How often presence goes out. Pointers at 10 Hz from 200 people would otherwise be 2,000
 * messages a second, each sent to 200 sockets: 400,000 sends, and note changes queue behind
 * them. Collected for 50 ms, each person's latest state goes out once, in one message encoded
 * once: 20 messages a second to each socket, whatever the crowd does.
 */
export const PRESENCE_INTERVAL_MS = 50

/** A room's outgoing traffic: committed doc updates at once, presence batched. */
export class FanOut {
  /** Client id -> its latest clock and state (null: gone), since the last presence message. */
  private readonly presence = new Map<number, { clock: number; state: unknown }>()
  private presenceTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly members: ReadonlySet<RoomMember>,
    private readonly awareness: awarenessProtocol.Awareness,
  ) {}

  /** Sends a committed update, encoded once, to every member but the one it came from. */
  push(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const member of this.members) if (member !== origin) member.sendDocUpdate(message)
  }

  /**
   * Notes that these clients' presence changed. Clock and state are taken now: a client that
   * leaves has its bookkeeping removed before the batch goes out.
   */
  presenceChanged(clients: readonly number[]): void {
    for (const client of clients) {
      const clock = this.awareness.meta.get(client)?.clock
      if (clock === undefined) continue
      this.presence.set(client, { clock, state: this.awareness.getStates().get(client) ?? null })
    }
    if (this.presence.size > 0 && !this.presenceTimer) {
      this.presenceTimer = setTimeout(() => this.sendPresence(), PRESENCE_INTERVAL_MS)
    }
  }

  private sendPresence(): void {
    this.presenceTimer = null
    if (this.presence.size === 0) return
    const message = encodePresence(this.presence)
    this.presence.clear()
    for (const member of this.members) member.sendAwareness(message)
  }

  stop(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.presenceTimer = null
    this.presence.clear()
  }
}

/** An awareness message (y-protocols' encoding) of the given states. */
export function encodePresence(states: ReadonlyMap<number, { readonly clock: number; readonly state: unknown }>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, states.size)
  for (const [client, { clock, state }] of states) {
    encoding.writeVarUint(update, client)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
