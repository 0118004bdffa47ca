import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { WebSocket } from 'ws'
import type { Actor } from '../../model/identity'
import { CLOSE } from '../../protocol/messages'
import type { ClusterConfig } from '../config'
import { boardTag, log } from '../log'
import type { LinkConnections } from '../moderatorLinks'
import type { Rooms } from '../rooms'
import type { BoardStore } from '../store/BoardStore'
import { RelayBus } from './bus'
import { BoardLeases } from './leases'
import { Ownership } from './ownership'
import { CLOSE_HANDOVER, RelayIn, RelayOut } from './relay'
import type { Owner, ServeRelayed } from './relay'

/** Close code when no owner could be found or taken just now (Redis or PostgreSQL away). */
export const CLOSE_TRY_AGAIN = 1013

const CLOSE_DELETED = CLOSE.deleted
const ALIVE = (instance: string) => `ballonfahrt:alive:${instance}`
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** A connection on its way in: where it is served is the cluster's choice. */
export interface Routed {
  readonly boardId: string
  readonly private: boolean
}

/**
 * One instance of several: it owns some boards (holds their live docs, runs the guard, commits
 * with its epoch, fans out) and relays the sockets it holds for the others' boards to their
 * owners through Redis. `route` decides for each new connection.
 */
export class Cluster {
  readonly instance: string
  private readonly leases: BoardLeases
  private readonly ownership: Ownership
  private readonly bus: RelayBus
  private readonly out: RelayOut
  private readonly in: RelayIn
  private timer: NodeJS.Timeout | null = null
  private stopping = false
  /** When `check` last reached Redis. */
  private checkedAt = Date.now()

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    store: BoardStore,
    rooms: Rooms,
    serve: ServeRelayed,
    leaseMs: number,
    links: LinkConnections,
  ) {
    if (!store.fence) throw new Error('several instances need a store with fencing (PostgreSQL)')
    this.instance = `${hostname().replace(/[^\w.-]/g, '')}-${process.pid}-${randomBytes(3).toString('hex')}`
    this.leases = new BoardLeases(redis, { fence: (b, e) => store.fence!(b, e) }, this.instance, leaseMs)
    this.ownership = new Ownership(this.leases, {
      inUse: (boardId) => rooms.isLoaded(boardId),
      lost: (boardId) => rooms.evictBoard(boardId, CLOSE_HANDOVER, 'Board wird übergeben'),
      flushed: () => store.flushed(),
      taken: (boardId) => rooms.evictBoard(boardId, CLOSE_HANDOVER, 'Board wird übergeben'),
    })
    // A board deleted here may be owned elsewhere: its owner closes every socket (relayed ones
    // too) with 4410. What the broadcast evicts is not broadcast again.
    const told = new Set<string>()
    const deleted = (boardId: string) => {
      told.add(boardId)
      void rooms.evictBoard(boardId, CLOSE_DELETED, 'Board gelöscht').finally(() => told.delete(boardId))
    }
    // A link revoked on any instance closes its sockets on every instance (each holds its own).
    const revoked = (boardId: string, linkId: string) => void links.closeAll(boardId, linkId)
    this.bus = new RelayBus(redis, subscriber, this.instance, (frames) => this.receive(frames), () => this.broken(), { deleted, revoked })
    const failed = (error: unknown) => log('cluster.publishFailed', { error: String(error) })
    rooms.onBoardDeleted = (boardId) => {
      if (!told.has(boardId)) this.bus.boardDeleted(boardId).catch(failed)
    }
    links.onRevoked = (boardId, linkId) => this.bus.linkRevoked(boardId, linkId)
    this.out = new RelayOut(this.bus)
    this.in = new RelayIn(this.bus, (boardId) => this.ownership.holds(boardId), serve, (error) => log('cluster.serveFailed', { error: String(error) }))
  }

  /** Connects to Redis (the start fails when it cannot), subscribes, starts renewing. */
  static async start(config: ClusterConfig, store: BoardStore, rooms: Rooms, serve: ServeRelayed, links: LinkConnections): Promise<Cluster> {
    // A command may take up to half a lease: an owner renews every third of a lease and may act
    // until 0.9 of it, so a slow answer (a machine short of CPU) still renews in time.
    const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: Math.max(200, Math.floor(config.leaseMs / 2)) }
    const redis = new Redis(config.redisUrl, options)
    const subscriber = new Redis(config.redisUrl, { ...options, commandTimeout: undefined })
    for (const client of [redis, subscriber]) client.on('error', () => {})
    try {
      await Promise.all([redis.connect(), subscriber.connect()])
    } catch (error) {
      redis.disconnect()
      subscriber.disconnect()
      throw new Error(`REDIS_URL: cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`)
    }
    const cluster = new Cluster(redis, subscriber, store, rooms, serve, config.leaseMs, links)
    await cluster.bus.start()
    cluster.ownership.start()
    cluster.timer = setInterval(() => void cluster.check(), Math.max(50, Math.floor(config.leaseMs / 3)))
    cluster.timer.unref()
    await cluster.check()
    log('cluster.started', { instance: cluster.instance })
    return cluster
  }

  /**
   * Where a new connection is served: true when here (this instance owns the board now, or
   * just took it); false when it was handed on (relayed to the owner, or closed with 1013
   * because no owner could be found or proven: the client tries again).
   */
  async route(join: Routed, actor: Actor, handshake: { accept(connected: (ws: WebSocket) => void): boolean; close(code: number, reason: string): void }): Promise<boolean> {
    let owner: Owner | null
    try {
      owner = await this.ownerOf(join.boardId)
    } catch (error) {
      log('cluster.routeFailed', { board: boardTag(join.boardId), error: String(error) })
      handshake.close(CLOSE_TRY_AGAIN, 'Bitte gleich noch einmal verbinden')
      return false
    }
    if (owner === null) return true
    const to = owner
    handshake.accept((ws) => this.out.open(ws, join, actor, to))
    return false
  }

  /** The board's owner when another instance holds it; null when this one does (taking it if free). */
  private async ownerOf(boardId: string): Promise<Owner | null> {
    for (let attempt = 0; attempt < 40; attempt++) {
      if (this.stopping) throw new Error('instance stopping')
      if (this.ownership.holds(boardId)) return null
      const token = await this.leases.holder(boardId)
      if (token === null) {
        if (await this.ownership.take(boardId)) return null
        continue
      }
      const instance = token.slice(0, token.indexOf(':'))
      // Our own token without a valid hold (lost a moment ago), or a claim under way: wait.
      if (instance !== this.instance && !token.includes(':claiming:')) return { instance, token }
      await sleep(25)
    }
    throw new Error('no owner could be found or taken')
  }

  private receive(frames: readonly import('./wire').RelayFrame[]): void {
    for (const frame of frames) {
      if (frame.kind === 'open' || frame.kind === 'gone') this.in.receive(frame)
      else if (frame.kind === 'close') this.out.receive(frame)
      // Data goes both ways: a connection id is either relayed from here or to here.
      else if (frame.conn.startsWith(`${this.instance}/`)) this.out.receive(frame)
      else this.in.receive(frame)
    }
  }

  /**
   * Every third of a lease: says this instance is alive, closes relayed sockets whose owner
   * changed, ends connections relayed from instances that are gone.
   */
  private async check(): Promise<void> {
    if (this.stopping) return
    try {
      await this.redis.set(ALIVE(this.instance), '1', 'PX', this.leases.ttlMs)
      await Promise.all([...this.out.boards().keys()].map(async (boardId) => this.out.ownerIs(boardId, await this.leases.holder(boardId))))
      await Promise.all([...this.in.sources()].map(async (from) => ((await this.redis.exists(ALIVE(from))) === 0 ? this.in.sourceGone(from) : undefined)))
      this.checkedAt = Date.now()
    } catch (error) {
      log('cluster.checkFailed', { error: String(error) })
      // One slow answer proves nothing: an owner that lost its lease closes its relayed
      // connections itself, and a broken Redis connection ends them all (broken()). Only when
      // owners could not be read for a whole lease do relayed sockets reconnect to find them.
      if (Date.now() - this.checkedAt > this.leases.ttlMs) this.out.closeAll(CLOSE_HANDOVER, 'Board wird übergeben')
    }
  }

  /** A Redis connection dropped: frames may be lost either way, so relayed connections start over. */
  private broken(): void {
    if (this.stopping) return
    this.out.closeAll(CLOSE_HANDOVER, 'Verbindung unterbrochen')
    this.in.closeAll(CLOSE_HANDOVER, 'Verbindung unterbrochen')
  }

  /** Counts for the log and tests: boards owned, connections relayed out and in. */
  get counts(): { owned: number; relayedOut: number; relayedIn: number } {
    return { owned: this.ownership.boards, relayedOut: this.out.size, relayedIn: this.in.size }
  }

  /** Whether this instance owns the board now. */
  owns(boardId: string): boolean {
    return this.ownership.holds(boardId)
  }

  /** SIGTERM, first step: take no relayed connection, close those relayed here and from here. */
  closeConnections(code: number, reason: string): void {
    this.stopping = true
    this.in.stopAccepting()
    this.in.closeAll(CLOSE_HANDOVER, reason)
    this.out.closeAll(code, reason)
  }

  /** SIGTERM, last step (the rooms are written and closed): every lease back, then goodbye to Redis. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.timer) clearInterval(this.timer)
    await this.ownership.releaseAll()
    await this.redis.del(ALIVE(this.instance)).catch(() => {})
    await this.bus.stop()
    this.ownership.stop()
    this.redis.disconnect()
    this.subscriber.disconnect()
  }
}
