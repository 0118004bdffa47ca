import { boardTag, log } from '../log'
import type { BoardLeases, Lease } from './leases'

/** What ownership needs of the instance around it. */
export interface OwnershipHooks {
  /** Whether the board (or one of its private docs) is in memory here. */
  inUse(boardId: string): boolean
  /** The lease is gone or cannot be proven: drop the board, close its connections (1012). */
  lost(boardId: string): Promise<void>
  /** Resolves once everything appended so far is durable (before a lease is given up). */
  flushed(): Promise<void>
  /** The board was just taken: drop what memory held of it (e.g. read for an export), so it loads afresh. */
  taken(boardId: string): Promise<void>
}

interface Held {
  readonly lease: Lease
  /** Until when this instance may act as owner: a renewal's start plus the lease, less a margin. */
  validUntil: number
  readonly since: number
  renewing: boolean
}

/**
 * The boards this instance owns. A lease counts from the moment its renewal was asked for, so
 * this instance stops acting as owner before Redis could give the board to another (a margin of
 * a tenth of the lease covers clock rates). Every third of the lease: renew what is in use,
 * give back what is not, and drop what could not be renewed in time (Redis unreachable, the
 * process paused): no write is acknowledged under a lease that cannot be proven.
 */
export class Ownership {
  private readonly held = new Map<string, Held>()
  private readonly taking = new Map<string, Promise<boolean>>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly leases: BoardLeases,
    private readonly hooks: OwnershipHooks,
  ) {}

  private get ttl(): number {
    return this.leases.ttlMs
  }

  /** Whether this instance owns the board now. */
  holds(boardId: string): boolean {
    const held = this.held.get(boardId)
    return held !== undefined && Date.now() < held.validUntil
  }

  get boards(): number {
    return this.held.size
  }

  /** Tries to take the board (one attempt per board at a time); true when it is ours. */
  take(boardId: string): Promise<boolean> {
    let taking = this.taking.get(boardId)
    if (!taking) {
      const started = Date.now()
      taking = this.leases
        .acquire(boardId)
        .then(async (lease) => {
          if (!lease) return false
          // A copy read while another instance owned the board may miss what it wrote since.
          await this.hooks.taken(boardId)
          this.held.set(boardId, { lease, validUntil: started + this.validity, since: Date.now(), renewing: false })
          log('cluster.boardTaken', { board: boardTag(boardId), epoch: lease.epoch })
          return true
        })
        .finally(() => this.taking.delete(boardId))
      this.taking.set(boardId, taking)
    }
    return taking
  }

  private get validity(): number {
    return this.ttl - Math.ceil(this.ttl / 10)
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), Math.max(50, Math.floor(this.ttl / 3)))
    this.timer.unref()
  }

  private tick(): void {
    const now = Date.now()
    for (const [boardId, held] of this.held) {
      if (now >= held.validUntil) void this.lose(boardId, 'expired')
      else if (!held.renewing) void this.renewOrRelease(boardId, held)
    }
  }

  private async renewOrRelease(boardId: string, held: Held): Promise<void> {
    held.renewing = true
    try {
      if (!this.hooks.inUse(boardId) && Date.now() - held.since > this.ttl) return await this.release(boardId, held)
      const started = Date.now()
      if (await this.leases.renew(held.lease)) held.validUntil = Math.max(held.validUntil, started + this.validity)
      else if (this.held.get(boardId) === held) await this.lose(boardId, 'taken')
    } catch (error) {
      // Redis does not answer: the lease runs out by itself (see tick).
      log('cluster.renewFailed', { board: boardTag(boardId), error: String(error) })
    } finally {
      held.renewing = false
    }
  }

  /** Gives an idle board back once what it wrote is durable. */
  private async release(boardId: string, held: Held): Promise<void> {
    await this.hooks.flushed().catch(() => {})
    if (this.hooks.inUse(boardId) || this.held.get(boardId) !== held) return
    this.held.delete(boardId)
    await this.leases.release(held.lease)
  }

  private async lose(boardId: string, why: 'expired' | 'taken'): Promise<void> {
    if (!this.held.delete(boardId)) return
    log('cluster.boardLost', { board: boardTag(boardId), reason: why })
    await this.hooks.lost(boardId)
  }

  /** On SIGTERM, after the rooms are closed: every lease back, so others take over at once. */
  async releaseAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.hooks.flushed().catch(() => {})
    const held = [...this.held.values()]
    this.held.clear()
    await Promise.all(held.map((h) => this.leases.release(h.lease).catch(() => false)))
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
