import type { Redis } from 'ioredis'
import { StaleEpochError } from '../store/BoardStore'

/**
 * One owner per board (issue 15, part 2 groundwork): a lease in Redis that only its holder can
 * renew or release, and a fencing epoch that PostgreSQL keeps.
 *
 * The lease decides who may hold a board's live doc; it can be wrong for a moment (a holder that
 * was paused past its lease still thinks it owns the board). The epoch makes that harmless: each
 * acquisition draws a higher epoch and claims it in PostgreSQL (`fence`), which from then on
 * refuses every write of an older epoch. PostgreSQL is the epoch's authority: Redis counts
 * epochs only as a fast path, and when Redis has lost its data (restarted empty) the counter is
 * moved past PostgreSQL's epoch and the claim made again, so Redis never holds the only copy.
 */
export interface Lease {
  readonly boardId: string
  readonly epoch: number
  /** The value stored under the lease key: this instance and the epoch. */
  readonly token: string
}

/** The part of the board store that fencing needs (PostgresBoardStore). */
export interface Fencing {
  fence(boardId: string, epoch: number): Promise<void>
}

const KEY = (boardId: string) => `ballonfahrt:lease:${boardId}`
const EPOCH = (boardId: string) => `ballonfahrt:epoch:${boardId}`

/** Runs only while the key still holds our token: renew (PEXPIRE) or release (DEL). */
const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end"
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end"
/** Swaps our placeholder for the final token, keeping the expiry. */
const SWAP = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') else return false end"
/** Moves the epoch counter up to at least ARGV[1] (never down). */
const RAISE = "local n = tonumber(redis.call('GET', KEYS[1]) or '0') if n < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end return 1"

export class BoardLeases {
  constructor(
    private readonly redis: Redis,
    private readonly fencing: Fencing,
    /** This instance's name, unique among the instances (e.g. host and process id). */
    readonly instance: string,
    readonly ttlMs = 5000,
  ) {}

  /**
   * Takes the board when nobody holds it: draws a new epoch and claims it in PostgreSQL.
   * Null when another instance holds the lease (or won the claim meanwhile).
   */
  async acquire(boardId: string): Promise<Lease | null> {
    const placeholder = `${this.instance}:claiming:${Math.random().toString(36).slice(2)}`
    if ((await this.redis.set(KEY(boardId), placeholder, 'PX', this.ttlMs, 'NX')) !== 'OK') return null
    try {
      const epoch = await this.claim(boardId)
      const token = `${this.instance}:${epoch}`
      if ((await this.redis.eval(SWAP, 1, KEY(boardId), placeholder, token)) !== 'OK') return null
      return { boardId, epoch, token }
    } catch (error) {
      await this.redis.eval(RELEASE, 1, KEY(boardId), placeholder).catch(() => {})
      if (error instanceof StaleEpochError) return null
      throw error
    }
  }

  /** A new epoch claimed in PostgreSQL; once more past PostgreSQL's epoch if Redis forgot it. */
  private async claim(boardId: string): Promise<number> {
    const epoch = await this.redis.incr(EPOCH(boardId))
    try {
      await this.fencing.fence(boardId, epoch)
      return epoch
    } catch (error) {
      if (!(error instanceof StaleEpochError) || error.current === null) throw error
      await this.redis.eval(RAISE, 1, EPOCH(boardId), String(error.current))
      const next = await this.redis.incr(EPOCH(boardId))
      await this.fencing.fence(boardId, next)
      return next
    }
  }

  /** Extends the lease; false when it was lost (expired, or another instance holds it now). */
  async renew(lease: Lease): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, KEY(lease.boardId), lease.token, String(this.ttlMs))) === 1
  }

  /** Gives the board up (e.g. on SIGTERM, so that another instance takes it at once). */
  async release(lease: Lease): Promise<boolean> {
    return (await this.redis.eval(RELEASE, 1, KEY(lease.boardId), lease.token)) === 1
  }

  /** Who holds the board now: "<instance>:<epoch>", or null. */
  async holder(boardId: string): Promise<string | null> {
    return this.redis.get(KEY(boardId))
  }
}
