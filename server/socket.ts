import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import type { Actor } from '../model/identity'
import { LIMITS } from '../model/limits'
import { CLOSE, MESSAGE, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, encodeAck, encodeHello, encodeReject } from '../protocol/messages'
import type { GuardVerdict } from './guard'
import { boardTag, log } from './log'
import { encodeAwarenessMessage } from './rooms'
import type { Room, RoomMember } from './rooms'
import type { BoardStore } from './store/BoardStore'

/** Thrown while reading a message that is not ours to understand; closes this socket only. */
class Malformed extends Error {}

/**
 * One authorised websocket on one board: the y-websocket protocol, the guard in front of the
 * doc, acknowledgements after commit, and presence limited to one stamped client id.
 */
export class BoardSocket implements RoomMember {
  /** Document messages received; the ack tells the client how many are durable. */
  private received = 0
  private awarenessClient: number | null = null
  private closed = false

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    private readonly actor: Actor,
    private readonly store: BoardStore,
    /** Decides on an incoming update before it is applied. */
    private readonly inspect: (update: Uint8Array) => GuardVerdict,
    /** Runs after an accepted update was applied (the server's follow-up work). */
    private readonly applied: () => void = () => {},
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
    ws.on('close', () => this.cleanup())
    ws.on('error', () => this.cleanup())
    this.send(encodeHello(Date.now(), actor.participantId, actor.role))
    // Sync step 1 from the server, then everyone's presence.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeSyncStep1(encoder, room.doc)
    this.send(encoding.toUint8Array(encoder))
    const states = [...room.awareness.getStates().keys()]
    if (states.length > 0) this.send(encodeAwarenessMessage(room.awareness, states))
  }

  sendDocUpdate(message: Uint8Array): void {
    this.send(message)
  }

  sendAwareness(message: Uint8Array): void {
    this.send(message)
  }

  private send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, { binary: true })
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.ws.close(code, reason)
    this.cleanup()
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    try {
      if (!isBinary) throw new Malformed('text frame')
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE.sync) this.receiveSync(decoder)
      else if (type === MESSAGE.awareness) this.receiveAwareness(decoding.readVarUint8Array(decoder))
      else if (type === MESSAGE.queryAwareness) {
        this.send(encodeAwarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]))
      } else throw new Malformed('unknown message type')
    } catch (error) {
      log('socket.malformed', { board: boardTag(this.room.id), reason: error instanceof Malformed ? error.message : 'decode' })
      this.close(CLOSE.malformed, 'Ungültige Nachricht')
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    if (step === SYNC_STEP1) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE.sync)
      syncProtocol.writeSyncStep2(encoder, this.room.doc, decoding.readVarUint8Array(decoder))
      this.send(encoding.toUint8Array(encoder))
      return
    }
    if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) throw new Malformed('unknown sync step')
    const update = decoding.readVarUint8Array(decoder)
    const seq = ++this.received
    const verdict = this.inspect(update)
    if (!verdict.ok) {
      if (verdict.kind === 'malformed') throw new Malformed(verdict.code)
      log('update.rejected', { board: boardTag(this.room.id), code: verdict.code, role: this.actor.role })
      this.send(encodeReject(seq, verdict.code))
      this.close(CLOSE.rejected, 'Änderung abgelehnt')
      return
    }
    // Applied with this socket as origin: the room broadcasts to the others and appends it.
    Y.applyUpdate(this.room.doc, update, this)
    this.applied()
    void this.store.flushed().then(() => this.send(encodeAck(seq)))
  }

  /**
   * Clients relay presence they received from others, so one message may hold many states.
   * Only this connection's own client id is applied, with identity stamped by the server;
   * states of other client ids are ignored, so nobody can speak for somebody else.
   */
  private receiveAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      if (this.awarenessClient === null && !this.room.awarenessOwners.has(clientId)) {
        this.awarenessClient = clientId
        this.room.awarenessOwners.set(clientId, this)
      }
      if (clientId !== this.awarenessClient) continue
      this.applyOwnPresence(clientId, clock, JSON.parse(json) as unknown)
    }
  }

  private applyOwnPresence(clientId: number, clock: number, state: unknown): void {
    // The server stamps identity; a client chooses only its display name.
    const stamped =
      state === null ? null : { user: { name: displayName(state) }, pid: this.actor.participantId, role: this.actor.role }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(stamped))
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encoding.toUint8Array(encoder), this)
  }

  private cleanup(): void {
    if (this.closed) return
    this.closed = true
    if (this.awarenessClient !== null) {
      this.room.awarenessOwners.delete(this.awarenessClient)
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [this.awarenessClient], this)
    }
    this.onLeave?.()
  }

  onLeave: (() => void) | null = null
}

function displayName(state: unknown): string {
  if (typeof state !== 'object' || state === null) return ''
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return ''
  const name = (user as { name?: unknown }).name
  return typeof name === 'string' ? name.trim().slice(0, LIMITS.nameLength) : ''
}
