import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket } from 'ws'
import { normaliseName } from '../model/identity'
import type { Actor } from '../model/identity'
import { CLOSE, MESSAGE, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, encodeAck, encodeHello, encodeReject } from '../protocol/messages'
import { decodeTrashRequest } from '../protocol/trash'
import type { TrashRequest } from '../protocol/trash'
import type { GuardVerdict } from './guard'
import { Budget, keepAlive } from './flowControl'
import type { FlowLimits } from './flowControl'
import { boardTag, log } from './log'
import { ackTimer, connectionEnded, frameRefused, updateApplied, updateRejected } from './metrics'
import { encodeAwarenessMessage } from './rooms'
import type { Room, RoomMember } from './rooms'
import type { BoardStore } from './store/BoardStore'

/** Thrown while reading a message that is not ours to understand; closes this socket only. */
class Malformed extends Error {}

type Refusal = Exclude<GuardVerdict, { readonly ok: true }>

/**
 * What a connection runs at each point of its life, once it is authorised and its doc is loaded
 * (server/upgrade.ts composes them for the board and for a private doc). `Before` is what
 * inspect notes of the state before an update, handed to afterApply.
 */
export interface ConnectionStages<Before> {
  /** Decides on an update before it is applied (the guard), and notes the state before it. */
  inspect(update: Uint8Array): { readonly verdict: GuardVerdict; readonly before: Before }
  /** Applies an accepted update: resolves once stored, rejects if storing failed; null when it changed nothing. */
  apply(update: Uint8Array, origin: BoardSocket<Before>): Promise<number> | null
  /** The server's follow-up work after an accepted update was applied. */
  afterApply(before: Before): void
  /**
   * Runs once, at the connection's first well-formed sync step 1 (y-websocket sends it as soon
   * as it is connected): a socket that only sends garbage leaves no trace in the board.
   */
  firstSync(): void
  /** Runs once, when the connection is gone. */
  leave(member: BoardSocket<Before>): void
  /** The Papierkorb's requests (server/trash.ts), answered with one message; absent: not understood here. */
  trash?(request: TrashRequest): Promise<Uint8Array>
}

export interface BoardSocketOptions<Before> {
  readonly ws: WebSocket
  readonly room: Room
  readonly actor: Actor
  readonly store: BoardStore
  /** Largest stored size of the doc; updates that would grow it beyond are refused. */
  readonly maxBoardBytes: number
  readonly limits: FlowLimits
  readonly stages: ConnectionStages<Before>
}

/** Why the server ended a connection by flow control (see server/flowControl.ts). */
type Shed = 'tooFast' | 'slowReader' | 'noPong'

/**
 * One authorised websocket on one board: the y-websocket protocol, the guard in front of the
 * doc, acknowledgements after commit, and presence limited to one stamped client id.
 */
export class BoardSocket<Before = unknown> implements RoomMember {
  /** Document messages received; the ack tells the client how many are durable. */
  private received = 0
  private awarenessClient: number | null = null
  private closed = false
  private synced = false
  /** The chain of acknowledgements, in message order. */
  private acks: Promise<void> = Promise.resolve()
  private writeFailed = false
  /**
   * At most one sync answer in flight: from its encoding until the socket has written it.
   * A sync step 1 that comes meanwhile replaces any that waits: only the latest is answered.
   */
  private syncInFlight = false
  private syncWaiting: Uint8Array | null = null
  private readonly budget: Budget
  private readonly maxBufferedBytes: number
  private readonly stopKeepAlive: () => void
  private readonly ws: WebSocket
  private readonly room: Room
  private readonly actor: Actor
  private readonly store: BoardStore
  private readonly maxBoardBytes: number
  private readonly stages: ConnectionStages<Before>

  constructor({ ws, room, actor, store, maxBoardBytes, limits, stages }: BoardSocketOptions<Before>) {
    this.ws = ws
    this.budget = new Budget(limits)
    this.maxBufferedBytes = limits.maxBufferedBytes
    this.stopKeepAlive = keepAlive(ws, limits.pingIntervalMs, () => this.shed('noPong'))
    this.room = room
    this.actor = actor
    this.store = store
    this.maxBoardBytes = maxBoardBytes
    this.stages = stages
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
    ws.on('close', () => this.cleanup())
    ws.on('error', (error: Error & { code?: string }) => {
      // ws refuses a frame itself (too large: 1009, bad framing) and reports it here.
      frameRefused(error.code ?? 'socket error')
      this.cleanup()
    })
    this.send(encodeHello(Date.now(), actor.participantId, actor.role))
    // Sync step 1 from the server (its state vector needs the decoded doc: on a cold start the
    // client's first sync is answered before, see StoredDoc), then everyone's presence.
    room.whenDecoded(() => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE.sync)
      syncProtocol.writeSyncStep1(encoder, room.doc)
      this.send(encoding.toUint8Array(encoder))
    })
    const states = [...room.awareness.getStates().keys()]
    if (states.length > 0) this.send(encodeAwarenessMessage(room.awareness, states))
  }

  sendDocUpdate(message: Uint8Array): void {
    this.send(message)
  }

  sendAwareness(message: Uint8Array): void {
    this.send(message)
  }

  /** Sends a message; `written` runs once the socket has written it (or failed to). */
  private send(message: Uint8Array, written?: () => void): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, { binary: true }, written)
    // A socket that does not read keeps everything sent to it in this process's memory.
    if (this.ws.bufferedAmount > this.maxBufferedBytes) this.shed('slowReader')
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.ws.close(code, reason)
    this.cleanup()
  }

  /**
   * Ends a connection that broke flow control. A slow reader would not read its close frame
   * either, so the socket is ended outright a moment later; a peer that no longer answers pings
   * at once.
   */
  private shed(cause: Shed): void {
    if (this.closed) return
    log('socket.flow.refused', { board: boardTag(this.room.id), cause })
    connectionEnded(cause)
    const ws = this.ws
    if (cause === 'noPong') ws.terminate()
    else {
      ws.close(cause === 'tooFast' ? CLOSE.tooFast : CLOSE.slowReader, cause === 'tooFast' ? 'Zu viele Nachrichten' : 'Verbindung zu langsam')
      setTimeout(() => ws.terminate(), 1000).unref()
    }
    this.cleanup()
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    if (!this.budget.spend(data.byteLength)) return this.shed('tooFast')
    try {
      if (!isBinary) throw new Malformed('text frame')
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE.sync) this.receiveSync(decoder)
      else if (type === MESSAGE.awareness) {
        const update = decoding.readVarUint8Array(decoder)
        atEnd(decoder)
        this.receiveAwareness(update)
      } else if (type === MESSAGE.queryAwareness) {
        atEnd(decoder)
        this.send(encodeAwarenessMessage(this.room.awareness, [...this.room.awareness.getStates().keys()]))
      } else if ((type === MESSAGE.trash || type === MESSAGE.restore) && this.stages.trash) this.receiveTrash(this.stages.trash, type, decoder)
      else throw new Malformed('unknown message type')
    } catch (error) {
      const reason = error instanceof Malformed ? error.message : 'decode'
      log('socket.malformed', { board: boardTag(this.room.id), reason })
      frameRefused(reason)
      this.close(CLOSE.malformed, 'Ungültige Nachricht')
    }
  }

  private receiveTrash(answer: (request: TrashRequest) => Promise<Uint8Array>, type: number, decoder: decoding.Decoder): void {
    let request: TrashRequest
    try {
      request = decodeTrashRequest(type, decoder)
    } catch {
      throw new Malformed('trash')
    }
    void answer(request).then(
      (reply) => this.send(reply),
      (error: unknown) => log('trash.failed', { board: boardTag(this.room.id), error: String(error) }),
    )
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    if (step === SYNC_STEP1) return this.answerSyncStep1(decoder)
    if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) throw new Malformed('unknown sync step')
    const update = decoding.readVarUint8Array(decoder)
    atEnd(decoder)
    this.receiveUpdate(update)
  }

  /** The client's state vector, answered with what it lacks. */
  private answerSyncStep1(decoder: decoding.Decoder): void {
    const stateVector = decoding.readVarUint8Array(decoder)
    atEnd(decoder)
    checkStateVector(stateVector)
    if (!this.synced) {
      this.synced = true
      this.stages.firstSync()
    }
    // Encoding an answer costs time in proportion to the board: repeats are coalesced.
    this.syncWaiting = stateVector
    if (!this.syncInFlight) this.answerWaitingSync()
  }

  /**
   * Answers the latest waiting sync step 1, once everything applied is committed, so the answer
   * holds no change a crash could still take back (see Room.record: the server sends only what
   * is committed). The next one waits until the socket has written this answer.
   */
  private answerWaitingSync(): void {
    const stateVector = this.syncWaiting
    this.syncWaiting = null
    this.syncInFlight = stateVector !== null
    if (!stateVector) return
    void this.store.committed().then(() => {
      if (this.closed) return
      const messages = this.room.syncReply(stateVector)
      messages.forEach((message, i) => this.send(message, i === messages.length - 1 ? () => this.answerWaitingSync() : undefined))
    })
  }

  /** An update through the stages: refused, or applied and acknowledged once it is durable. */
  private receiveUpdate(update: Uint8Array): void {
    const seq = ++this.received
    const arrived = ackTimer()
    // The stored board may not outgrow its cap. The update's own size bounds what it adds.
    if (this.room.storedBytes + update.byteLength > this.maxBoardBytes) return this.refuse(seq, { ok: false, kind: 'rejected', code: this.room.kind === 'private' ? 'privateFull' : 'boardFull' })
    const { verdict, before } = this.stages.inspect(update)
    if (!verdict.ok) return this.refuse(seq, verdict)
    if (!this.room.claimClients(update, this.actor.participantId)) return this.refuse(seq, { ok: false, kind: 'rejected', code: 'clientId' })
    // Applied with this socket as origin: the room broadcasts to the others and appends it.
    const appended = this.stages.apply(update, this)
    updateApplied()
    this.stages.afterApply(before)
    // An update that changed nothing waits for what is pending now. Taken here, not in the ack
    // chain: waiting for a fresh flush after each ack would allow one ack per fsync.
    this.acknowledge(seq, appended ?? this.store.flushed(), arrived)
  }

  /**
   * Acks go out in order, each once this update and everything before it is on disk: its own
   * append resolves after the fsync that covers its commit (and with it every earlier commit).
   * A failed write breaks the chain: no ack, ever again, on this connection (the room closes it).
   */
  private acknowledge(seq: number, durable: Promise<unknown>, arrived: () => void): void {
    this.acks = this.acks.then(async () => {
      if (this.writeFailed) return
      try {
        await durable
        this.send(encodeAck(seq))
        arrived()
      } catch {
        this.writeFailed = true
      }
    })
  }

  /** A refused update: the sender learns which message and why, and resyncs on a new connection. */
  private refuse(seq: number, verdict: Refusal): void {
    if (verdict.kind === 'malformed') throw new Malformed(verdict.code)
    log('update.rejected', { board: boardTag(this.room.id), code: verdict.code, role: this.actor.role })
    updateRejected(verdict.code)
    this.send(encodeReject(seq, verdict.code))
    this.close(CLOSE.rejected, 'Änderung abgelehnt')
  }

  /**
   * Clients relay presence they received from others, so one message may hold many states
   * (y-websocket sends every state it knows when it joins: one per connected person, so a
   * meeting of 300 sends about 300). The count is not bounded; instead, states of other client
   * ids are skipped without decoding their text, and reading stops at this connection's own
   * state: one message costs at most one pass over its bytes (at most maxPayload) and one
   * JSON.parse. Only the own client id is applied, with identity stamped by the server, so
   * nobody can speak for somebody else. The own id is the first one in the first message that
   * no other connection owns.
   */
  private receiveAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      if (this.awarenessClient === null && !this.room.awarenessOwners.has(clientId)) {
        this.awarenessClient = clientId
        this.room.awarenessOwners.set(clientId, this)
      }
      if (clientId !== this.awarenessClient) {
        // Skipped without even a view on its bytes.
        const length = decoding.readVarUint(decoder)
        if (length > decoder.arr.length - decoder.pos) throw new Malformed('presence')
        decoder.pos += length
        continue
      }
      const json = decoding.readVarString(decoder)
      let state: unknown
      try {
        state = JSON.parse(json)
      } catch {
        throw new Malformed('presence')
      }
      this.applyOwnPresence(clientId, clock, state)
      return
    }
  }
  private applyOwnPresence(clientId: number, clock: number, state: unknown): void {
    // The server stamps identity; a client chooses only its display name and where its pointer is.
    const stamped =
      state === null
        ? null
        : { user: { name: displayName(state) }, ...pointerOf(state), pid: this.actor.participantId, role: this.actor.role }
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
    this.stopKeepAlive()
    if (this.awarenessClient !== null) {
      this.room.awarenessOwners.delete(this.awarenessClient)
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [this.awarenessClient], this)
      // y-protocols keeps a clock entry per client id forever; nobody speaks for this id again.
      this.room.awareness.meta.delete(this.awarenessClient)
    }
    this.stages.leave(this)
  }
}

/** Honest clients send nothing after a message; anything more is not ours to understand. */
function atEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Malformed('trailing bytes')
}

/** A state vector as y-protocols writes it: a count, then that many (client, clock) pairs, then nothing. */
function checkStateVector(stateVector: Uint8Array): void {
  const decoder = decoding.createDecoder(stateVector)
  const count = decoding.readVarUint(decoder)
  // Each pair takes at least two bytes: a larger count cannot be honest.
  if (count > stateVector.length / 2) throw new Malformed('state vector')
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
  }
  atEnd(decoder)
}

/** `{ pointer: { x, y } }` with two finite numbers, or nothing: no other shape is relayed. */
function pointerOf(state: unknown): { pointer?: { x: number; y: number } } {
  const pointer = (state as { pointer?: unknown }).pointer
  if (typeof pointer !== 'object' || pointer === null) return {}
  const { x, y } = pointer as { x?: unknown; y?: unknown }
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return {}
  return { pointer: { x, y } }
}

function displayName(state: unknown): string {
  if (typeof state !== 'object' || state === null) return ''
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return ''
  const name = (user as { name?: unknown }).name
  if (typeof name !== 'string') return ''
  return normaliseName(name)
}
