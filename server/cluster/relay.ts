import { EventEmitter } from 'node:events'
import type { WebSocket } from 'ws'
import type { Actor } from '../../model/identity'
import { CLOSE } from '../../protocol/messages'
import type { RelayBus } from './bus'
import type { RelayFrame } from './wire'

/** Close code for a connection whose owner changed or could not be reached: the client resyncs. */
export const CLOSE_HANDOVER = 1012

/** Bytes queued unread on a relayed browser socket before it is ended (MAX_BUFFERED_BYTES' default). */
export const RELAYED_SLOW_READER_BYTES = 4 * 1024 * 1024

/** Where a relayed connection goes: the owner instance, and the lease token it held then. */
export interface Owner {
  readonly instance: string
  readonly token: string
}

interface Outbound {
  readonly ws: WebSocket
  readonly boardId: string
  readonly owner: Owner
}

/**
 * The relaying side: browser sockets held by this instance for boards another instance owns.
 * Every frame goes to the owner as it is; what the owner sends comes back to the socket. The
 * socket closes with 1012 when the owner changes or cannot be proven, so the client reconnects,
 * finds the new owner and sends again what was not acknowledged.
 */
export class RelayOut {
  private readonly conns = new Map<string, Outbound>()
  private next = 0

  constructor(private readonly bus: RelayBus) {}

  get size(): number {
    return this.conns.size
  }

  open(ws: WebSocket, join: { readonly boardId: string; readonly private: boolean }, actor: Actor, owner: Owner): void {
    const conn = `${this.bus.instance}/${++this.next}`
    this.conns.set(conn, { ws, boardId: join.boardId, owner })
    this.bus.send(owner.instance, { kind: 'open', conn, from: this.bus.instance, boardId: join.boardId, private: join.private, actor })
    ws.on('message', (data: Buffer) => {
      if (this.conns.has(conn)) this.bus.send(owner.instance, { kind: 'data', conn, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) })
    })
    const gone = () => {
      if (this.conns.delete(conn)) this.bus.send(owner.instance, { kind: 'gone', conn })
    }
    ws.on('close', gone)
    ws.on('error', gone)
  }

  receive(frame: RelayFrame): void {
    const out = this.conns.get(frame.conn)
    if (!out) return
    if (frame.kind === 'data') {
      if (out.ws.readyState !== out.ws.OPEN) return
      out.ws.send(frame.data, { binary: true })
      // A browser that does not read is ended here, as the owner would end it on its own socket.
      if (out.ws.bufferedAmount > RELAYED_SLOW_READER_BYTES) this.drop(frame.conn, CLOSE.slowReader, 'Liest zu langsam')
    } else if (frame.kind === 'close') {
      this.conns.delete(frame.conn)
      out.ws.close(frame.code, frame.reason)
    }
  }

  /** The boards relayed from here and the owner token each connection was opened with. */
  boards(): Map<string, Set<string>> {
    const boards = new Map<string, Set<string>>()
    for (const { boardId, owner } of this.conns.values()) {
      const tokens = boards.get(boardId) ?? new Set<string>()
      tokens.add(owner.token)
      boards.set(boardId, tokens)
    }
    return boards
  }

  /** Closes the board's relayed sockets whose owner is no longer `holder` (null: unknown). */
  ownerIs(boardId: string, holder: string | null): void {
    for (const [conn, out] of this.conns) {
      if (out.boardId === boardId && out.owner.token !== holder) this.drop(conn, CLOSE_HANDOVER, 'Board wird übergeben')
    }
  }

  /** Closes every relayed socket (the bus lost frames, or this instance stops). */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.conns.keys()]) this.drop(conn, code, reason)
  }

  private drop(conn: string, code: number, reason: string): void {
    const out = this.conns.get(conn)
    if (!out) return
    this.conns.delete(conn)
    this.bus.send(out.owner.instance, { kind: 'gone', conn })
    out.ws.close(code, reason)
  }
}

/**
 * A relayed connection as the owner's rooms see it: the part of a websocket that BoardSocket
 * uses, whose frames come from and go to the relaying instance. Frames that arrive before the
 * connection joined its room wait.
 */
export class RelayedSocket extends EventEmitter {
  readonly OPEN = 1
  readyState = 1
  readonly bufferedAmount = 0
  private waiting: Uint8Array[] | null = []

  constructor(
    private readonly bus: RelayBus,
    readonly conn: string,
    readonly from: string,
    private readonly forget: (conn: string) => void,
  ) {
    super()
  }

  /** The socket as BoardSocket takes it (it uses only what this class has). */
  asWebSocket(): WebSocket {
    return this as unknown as WebSocket
  }

  /**
   * Hands a frame to the relay. `written` (flow control waits for it before the next sync answer)
   * runs once the frame is on its way: how fast the browser reads is the relaying instance's
   * business, which ends a slow reader there (RelayOut.receive).
   */
  send(data: Uint8Array, _options?: unknown, written?: (error?: Error) => void): void {
    if (this.readyState === this.OPEN) this.bus.send(this.from, { kind: 'data', conn: this.conn, data })
    if (written) queueMicrotask(() => written())
  }

  close(code: number, reason: string): void {
    if (this.readyState !== this.OPEN) return
    this.bus.send(this.from, { kind: 'close', conn: this.conn, code, reason })
    this.ended()
  }

  /**
   * Flow control pings every socket. A ping cannot cross the relay: the relaying instance holds
   * the browser's socket and reports it gone, and the owner ends connections of an instance
   * that stopped saying it is alive; so the relay answers for it.
   */
  ping(): void {
    if (this.readyState === this.OPEN) queueMicrotask(() => this.emit('pong'))
  }

  /** Ends the connection at once (flow control's last resort): the browser's socket too. */
  terminate(): void {
    this.close(1008, 'Verbindung beendet')
  }

  /** Frames from the browser, in order; held until `joined`. */
  deliver(data: Uint8Array): void {
    if (this.waiting) this.waiting.push(data)
    else if (this.readyState === this.OPEN) this.emit('message', Buffer.from(data), true)
  }

  /** The connection is in its room: what waited is handled now. */
  joined(): void {
    const waiting = this.waiting ?? []
    this.waiting = null
    for (const data of waiting) this.deliver(data)
  }

  /** The browser's socket is gone (or its instance is). */
  ended(): void {
    if (this.readyState !== this.OPEN) return
    this.readyState = 3
    this.waiting = null
    this.forget(this.conn)
    this.emit('close', 1006, Buffer.alloc(0))
  }
}

/** How the owner serves a relayed connection: the upgrade's stages after authentication. */
export type ServeRelayed = (
  join: { readonly boardId: string; readonly private: boolean },
  actor: Actor,
  handshake: { accept(connected: (ws: WebSocket) => void): boolean; close(code: number, reason: string): void },
) => Promise<void>

/** The owner's side: connections other instances relay to this one. */
export class RelayIn {
  private readonly conns = new Map<string, RelayedSocket>()
  private accepting = true

  constructor(
    private readonly bus: RelayBus,
    private readonly owns: (boardId: string) => boolean,
    private readonly serve: ServeRelayed,
    private readonly failed: (error: unknown) => void,
  ) {}

  get size(): number {
    return this.conns.size
  }

  receive(frame: RelayFrame): void {
    if (frame.kind === 'open') this.open(frame)
    else if (frame.kind === 'data') this.conns.get(frame.conn)?.deliver(frame.data)
    else if (frame.kind === 'gone') this.conns.get(frame.conn)?.ended()
  }

  private open(frame: Extract<RelayFrame, { kind: 'open' }>): void {
    if (!this.accepting || !this.owns(frame.boardId)) {
      this.bus.send(frame.from, { kind: 'close', conn: frame.conn, code: CLOSE_HANDOVER, reason: 'Board wird übergeben' })
      return
    }
    const socket = new RelayedSocket(this.bus, frame.conn, frame.from, (conn) => this.conns.delete(conn))
    this.conns.set(frame.conn, socket)
    const handshake = {
      accept(connected: (ws: WebSocket) => void): boolean {
        if (socket.readyState !== socket.OPEN) return false
        connected(socket.asWebSocket())
        socket.joined()
        return true
      },
      close: (code: number, reason: string) => socket.close(code, reason),
    }
    this.serve({ boardId: frame.boardId, private: frame.private }, frame.actor, handshake).catch((error: unknown) => {
      this.failed(error)
      socket.close(CLOSE_HANDOVER, 'Board wird übergeben')
    })
  }

  /** The instances that relay connections here. */
  sources(): Set<string> {
    return new Set([...this.conns.values()].map((s) => s.from))
  }

  /** Ends the connections relayed from an instance that is gone. */
  sourceGone(instance: string): void {
    for (const socket of [...this.conns.values()]) if (socket.from === instance) socket.ended()
  }

  /** Stops taking relayed connections (the instance stops). */
  stopAccepting(): void {
    this.accepting = false
  }

  closeAll(code: number, reason: string): void {
    for (const socket of [...this.conns.values()]) socket.close(code, reason)
  }
}
