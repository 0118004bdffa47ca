import type { Redis } from 'ioredis'
import { log } from '../log'
import { decodeFrames, encodeFrames } from './wire'
import type { RelayFrame } from './wire'

const CHANNEL = (instance: string) => `ballonfahrt:instance:${instance}`
/** Boards deleted on some instance: every instance closes what it holds of them (4410). */
const DELETED = 'ballonfahrt:deleted'
/** Co-moderator links revoked on some instance ("<boardId> <linkId>"): every instance closes their sockets (4401). */
const REVOKED = 'ballonfahrt:revoked'

/** What every instance hears of, wherever it happened. */
export interface ClusterNews {
  deleted(boardId: string): void
  revoked(boardId: string, linkId: string): void
}

/**
 * Each instance listens on a channel of its own; frames for another instance gather for one
 * tick and go out as one PUBLISH (a note fanned out to 50 relayed readers on one instance is one
 * Redis message, not 50). Redis pub/sub keeps one publisher's messages in order and loses them
 * while a connection is down: `onBroken` then tells the relay to close what went through it.
 */
export class RelayBus {
  private readonly outbox = new Map<string, RelayFrame[]>()
  private flushing = false

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    readonly instance: string,
    private readonly receive: (frames: readonly RelayFrame[]) => void,
    onBroken: () => void,
    private readonly news: ClusterNews,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString()
      if (name === DELETED) this.news.deleted(message.toString())
      else if (name === REVOKED) this.hearRevoked(message.toString())
      else this.deliver(message)
    })
    // A dropped connection may have lost frames either way: whatever was relayed is suspect.
    for (const client of [publisher, subscriber]) client.on('close', onBroken)
  }

  /** Subscribes to this instance's channel; ioredis subscribes again after a reconnect. */
  async start(): Promise<void> {
    await this.subscriber.subscribe(CHANNEL(this.instance), DELETED, REVOKED)
  }

  /** Tells every instance (this one too) that a co-moderator link was revoked. */
  async linkRevoked(boardId: string, linkId: string): Promise<void> {
    await this.publisher.publish(REVOKED, `${boardId} ${linkId}`)
  }

  private hearRevoked(message: string): void {
    const [boardId, linkId, ...rest] = message.split(' ')
    if (!boardId || !linkId || rest.length > 0) return void log('cluster.relayMalformed', { error: 'revoked: not "<board> <link>"' })
    this.news.revoked(boardId, linkId)
  }

  /** Tells every instance (this one too) that a board is gone. */
  async boardDeleted(boardId: string): Promise<void> {
    await this.publisher.publish(DELETED, boardId)
  }

  send(instance: string, frame: RelayFrame): void {
    const frames = this.outbox.get(instance)
    if (frames) frames.push(frame)
    else this.outbox.set(instance, [frame])
    if (this.flushing) return
    this.flushing = true
    setImmediate(() => void this.flush())
  }

  private flush(): Promise<unknown> {
    this.flushing = false
    const sent = [...this.outbox].map(([instance, frames]) =>
      this.publisher.publish(CHANNEL(instance), Buffer.from(encodeFrames(frames))).catch((error: unknown) => log('cluster.publishFailed', { error: String(error) })),
    )
    this.outbox.clear()
    return Promise.all(sent)
  }

  private deliver(message: Buffer): void {
    let frames: RelayFrame[]
    try {
      frames = decodeFrames(new Uint8Array(message.buffer, message.byteOffset, message.byteLength))
    } catch (error) {
      log('cluster.relayMalformed', { error: String(error) })
      return
    }
    this.receive(frames)
  }

  /** Sends what is waiting, then stops listening. */
  async stop(): Promise<void> {
    await this.flush()
    await this.subscriber.unsubscribe().catch(() => {})
  }
}
