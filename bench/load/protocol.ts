import type { Target } from '../peers/servers'

/** What a generator process can be asked to simulate. */
export type Role = 'reader' | 'writer' | 'burst' | 'joiner'

export interface GroupOptions {
  /** Writer updates with a lower sequence number are delivered but not timed. */
  readonly warmup?: number
  /** Connections opened at the same time while building a group. */
  readonly parallel?: number
  readonly timeoutMs?: number
  /** Sends one presence state with this name on open (as a stock client does). */
  readonly presenceName?: string
  /** Readers: presence updates per second per client once started. */
  readonly presenceHz?: number
  /** Writers: updates per second; burst clients: per client. */
  readonly rate?: number
  /** Burst clients: closed loop with this many unconfirmed edits per client (instead of a rate). */
  readonly inflight?: number
  /** Writers: the id written into markers (so readers tell writers apart). */
  readonly writer?: number
  /** Burst clients: edits precomputed per client. */
  readonly perClient?: number
  /** Joiners: ms between two joins; every n-th client checks the synced doc; its note count. */
  readonly spacingMs?: number
  readonly sampleEvery?: number
  readonly expectNotes?: number
}

export interface Request {
  readonly id: number
  readonly op: string
  readonly args: {
    readonly group: string
    readonly role: Role
    readonly targets: Target[]
    readonly opts: GroupOptions
    readonly count: number
    readonly timeoutMs: number
    /** Readers: whose updates drain / missing / stats are about. */
    readonly writer: number
  }
}

/** What `stats` returns for a group (one generator process's share). */
export interface GroupStats {
  readonly role: Role
  readonly conns: number
  readonly synced: number
  readonly closed: number[]
  readonly rejects: string[]
  readonly seen: number[]
  readonly latencies: number[]
  readonly sent: number
  readonly sentTimes: number[]
  readonly received: number
  readonly acked: number[]
  readonly ackTimes: number[]
  readonly joinTimes: number[]
  /** Burst clients that ran out of precomputed edits. */
  readonly exhausted: number
  readonly verified: number
  readonly sampled: number
  readonly messagesIn: number
  readonly awarenessIn: number
  readonly bytesIn: number
  readonly errors: string[]
}
