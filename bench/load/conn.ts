import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE } from '../../protocol/messages'
import { now } from '../lib/proc'
import { HOCUSPOCUS } from './dialect'
import type { Dialect } from './dialect'

/** The origin of changes that came from the server (not sent back). */
export const REMOTE = Symbol('remote')

/** Sync step 1 with an empty state vector: "send me everything". */
const EMPTY_STEP1 = new Uint8Array([MESSAGE.sync, 0, 1, 0])
/** Sync step 2 with an empty update: what a client with an empty doc answers. */
const EMPTY_STEP2 = new Uint8Array([MESSAGE.sync, 1, 2, 0, 0])

export interface ConnHandlers {
  /** A sync update (or step 2) arrived; the y-websocket message starts at `offset`. */
  onUpdate?(data: Buffer, offset: number, at: number): void
  onSynced?(data: Buffer, offset: number, at: number): void
  /** Ours acknowledged more document messages. */
  onAck?(): void
}

/**
 * One simulated client on a raw `ws` socket: the y-websocket handshake (step 1 both ways,
 * step 2 both ways) without a Y.Doc unless it writes. A reader that holds no doc answers the
 * server's step 1 with an empty step 2, as a fresh stock client would.
 */
export class Conn {
  readonly ws: WebSocket
  openedAt = 0
  syncedAt = 0
  synced = false
  closed = false
  closeCode = 0
  /** Document messages sent (sync step 2 and updates), as ours counts them for acks. */
  docSent = 0
  acked = 0
  readonly rejects: string[] = []
  messagesIn = 0
  bytesIn = 0
  awarenessIn = 0
  /** When set, send times of document messages are kept to measure send → ack. */
  ackTimes: number[] | null = null
  /** When set, local changes are collected here instead of sent (to precompute a load). */
  captured: Uint8Array[] | null = null
  private sendTimes: number[] = []
  private awarenessClock = 0
  readonly awarenessId = (Math.random() * 0xffffffff) >>> 0

  constructor(
    readonly dialect: Dialect,
    readonly doc: Y.Doc | null,
    private readonly handlers: ConnHandlers = {},
    readonly startedAt = now(),
  ) {
    this.ws = new WebSocket(dialect.url, { perMessageDeflate: false, skipUTF8Validation: true })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('open', () => {
      this.openedAt = now()
      for (const m of dialect.opening) this.ws.send(m)
      this.send(EMPTY_STEP1)
    })
    this.ws.on('message', (data: Buffer) => this.receive(data))
    this.ws.on('close', (code) => {
      this.closed = true
      this.closeCode = code
    })
    this.ws.on('error', () => {
      this.closed = true
    })
    if (doc) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE || !this.synced) return
        if (this.captured) return void this.captured.push(update)
        const e = encoding.createEncoder()
        encoding.writeVarUint(e, MESSAGE.sync)
        syncProtocol.writeUpdate(e, update)
        this.sendDoc(encoding.toUint8Array(e))
      })
    }
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(this.dialect.frame(message))
  }

  /** Sends a document message that is already framed for this dialect (precomputed). */
  sendFramed(frame: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    this.noteDocSent()
    this.ws.send(frame)
  }

  private sendDoc(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    this.noteDocSent()
    this.ws.send(this.dialect.frame(message))
  }

  private noteDocSent(): void {
    this.docSent++
    if (this.ackTimes) this.sendTimes[this.docSent] = now()
  }

  /** Sends this client's presence (clock + 1), as y-protocols' awareness encodes it. */
  sendAwareness(state: object | null): void {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, this.awarenessId)
    encoding.writeVarUint(inner, ++this.awarenessClock)
    encoding.writeVarString(inner, JSON.stringify(state))
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE.awareness)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    this.send(encoding.toUint8Array(e))
  }

  close(): void {
    if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate()
    else this.ws.close()
  }

  private receive(data: Buffer): void {
    const at = now()
    this.messagesIn++
    this.bytesIn += data.length
    let off = this.dialect.skip(data)
    const type = data[off++]
    if (type === MESSAGE.sync || type === HOCUSPOCUS.syncReply) {
      const step = data[off++]
      if (step === 0) this.answerStep1(data, off)
      else if (step === 1) {
        if (this.doc) this.apply(data, off)
        if (!this.synced) {
          this.synced = true
          this.syncedAt = at
          this.handlers.onSynced?.(data, off, at)
        }
        this.handlers.onUpdate?.(data, off, at)
      } else if (step === 2) {
        if (this.doc) this.apply(data, off)
        this.handlers.onUpdate?.(data, off, at)
      }
    } else if (type === MESSAGE.awareness) this.awarenessIn++
    else if (type === MESSAGE.ack) this.ack(data, off, at)
    else if (type === MESSAGE.reject) {
      const d = decoding.createDecoder(data)
      d.pos = off
      decoding.readVarUint(d)
      this.rejects.push(decoding.readVarString(d))
    }
  }

  private answerStep1(data: Buffer, off: number): void {
    if (!this.doc) return this.sendDoc(EMPTY_STEP2)
    const d = decoding.createDecoder(data)
    d.pos = off
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE.sync)
    syncProtocol.readSyncStep1(d, e, this.doc)
    this.sendDoc(encoding.toUint8Array(e))
  }

  private apply(data: Buffer, off: number): void {
    const d = decoding.createDecoder(data)
    d.pos = off
    Y.applyUpdate(this.doc!, decoding.readVarUint8Array(d), REMOTE)
  }

  private ack(data: Buffer, off: number, at: number): void {
    const d = decoding.createDecoder(data)
    d.pos = off
    const count = decoding.readVarUint(d)
    if (this.ackTimes) for (let k = this.acked + 1; k <= count; k++) if (this.sendTimes[k] !== undefined) this.ackTimes.push(at - this.sendTimes[k]!)
    if (count > this.acked) {
      this.acked = count
      this.handlers.onAck?.()
    }
  }
}

const MARK = Buffer.from('#~')
const TILDE = 0x7e

/**
 * Finds the benchmark markers `#~<writer>~<seq>~<send time µs>~` in a received message
 * without decoding it: Yjs writes inserted text as UTF-8 bytes, so the writer's marker is
 * in the update as it typed it.
 */
export function scanMarkers(data: Buffer, from: number, found: (writer: number, seq: number, sentAt: number) => void): void {
  let i = data.indexOf(MARK, from)
  while (i >= 0) {
    let p = i + 2
    const nums = [0, 0, 0]
    let ok = true
    for (let n = 0; n < 3; n++) {
      let v = 0
      let digits = 0
      while (p < data.length && data[p]! >= 0x30 && data[p]! <= 0x39) {
        v = v * 10 + (data[p]! - 0x30)
        p++
        digits++
      }
      if (digits === 0 || data[p] !== TILDE) {
        ok = false
        break
      }
      nums[n] = v
      p++
    }
    if (ok) found(nums[0]!, nums[1]!, nums[2]! / 1000)
    i = data.indexOf(MARK, p)
  }
}

/** The marker text: first and last letter alternate, so each edit replaces the whole text. */
export function markerText(writer: number, seq: number, sentAt: number): string {
  const c = seq % 2 === 0 ? 'A' : 'B'
  return `${c}#~${writer}~${seq}~${Math.round(sentAt * 1000)}~${c}`
}

/** The Yjs client id that wrote the first structs of an update (0 when it has none). */
export function authorOf(data: Buffer, off: number): number {
  const d = decoding.createDecoder(data)
  d.pos = off
  decoding.readVarUint(d) // byte length of the update
  const clients = decoding.readVarUint(d)
  if (clients === 0) return 0
  decoding.readVarUint(d) // structs of the first client
  return decoding.readVarUint(d)
}
