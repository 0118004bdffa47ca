import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stopChild, track } from '../lib/proc'
import type { Target } from '../peers/servers'
import type { GroupOptions, GroupStats, Request, Role } from './protocol'

/** A forked generator process and a promise-based call into it. */
export class Generator {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  readonly ready: Promise<void>

  constructor(readonly child: ChildProcess) {
    let markReady: () => void = () => {}
    this.ready = new Promise((resolve) => (markReady = resolve))
    child.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      if (msg.id === 0) return markReady()
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.error) p.reject(new Error(msg.error))
      else p.resolve(msg.result)
    })
    child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`generator exited (${code})`))
      this.pending.clear()
    })
  }

  call<T>(op: string, args: Partial<Request['args']> = {}): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.child.send({ id, op, args })
    })
  }
}

const genFile = join(dirname(fileURLToPath(import.meta.url)), 'gen.mts')

/**
 * The generator processes: by default one light process for writers (so their schedule is not
 * delayed by thousands of readers) and one per core for everything else.
 */
export class Pool {
  private constructor(readonly gens: Generator[]) {}

  static async start(count: number): Promise<Pool> {
    const gens = Array.from({ length: count }, () => new Generator(track(fork(genFile, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))))
    await Promise.all(gens.map((g) => g.ready))
    return new Pool(gens)
  }

  get writerGen(): Generator {
    return this.gens[0]!
  }

  /** Processes for the many: every process but the writers' when there is more than one. */
  get loadGens(): Generator[] {
    return this.gens.length > 1 ? this.gens.slice(1) : this.gens
  }

  /** Splits `targets` over `gens` (round robin) and opens the group on each. */
  async open(name: string, role: Role, targets: Target[], opts: GroupOptions, gens: Generator[] = this.loadGens): Promise<GroupHandle> {
    const shares = gens.map((_, k) => targets.filter((__, i) => i % gens.length === k))
    const used = gens.filter((_, k) => shares[k]!.length > 0 || role === 'joiner')
    const usedShares = shares.filter((s, k) => s.length > 0 || (role === 'joiner' && gens[k]))
    const opened = await Promise.all(used.map((g, k) => g.call<{ synced?: number; reopened?: number; failed?: number[]; errors?: string[] }>('open', { group: name, role, targets: usedShares[k]!, opts })))
    return new GroupHandle(name, used, usedShares, opened)
  }

  /** CPU seconds used by all generator processes so far (their own count, and the runner's). */
  async cpuSeconds(): Promise<number> {
    const parts = await Promise.all(this.gens.map((g) => g.call<{ seconds: number }>('cpu')))
    const u = process.cpuUsage()
    return parts.reduce((n, p) => n + p.seconds, 0) + (u.user + u.system) / 1e6
  }

  async stop(): Promise<void> {
    await Promise.all(this.gens.map((g) => stopChild(g.child, 1000)))
  }
}

export class GroupHandle {
  constructor(
    readonly name: string,
    readonly gens: Generator[],
    readonly shares: Target[][],
    readonly opened: { synced?: number; reopened?: number; failed?: number[]; errors?: string[] }[],
  ) {}

  get synced(): number {
    return this.opened.reduce((n, o) => n + (o.synced ?? 0), 0)
  }

  /** Connections opened again because the server asked them to come again (1012) before they synced. */
  get reopened(): number {
    return this.opened.reduce((n, o) => n + (o.reopened ?? 0), 0)
  }

  get errors(): string[] {
    return this.opened.flatMap((o) => o.errors ?? [])
  }

  /** The connections that did not sync, by how they ended: "close <code>", or "no close" (still waiting when the open timed out). */
  get failures(): string[] {
    const byCode = new Map<string, number>()
    for (const code of this.opened.flatMap((o) => o.failed ?? [])) {
      const key = code === 0 ? 'no close' : `close ${code}`
      byCode.set(key, (byCode.get(key) ?? 0) + 1)
    }
    return [...byCode].map(([key, n]) => `${n} × ${key}`)
  }

  all<T>(op: string, args: Partial<Request['args']> = {}): Promise<T[]> {
    return Promise.all(this.gens.map((g, k) => g.call<T>(op, { group: this.name, targets: this.shares[k]!, ...args })))
  }

  start(opts: GroupOptions = {}) {
    return this.all<{ at: number }>('start', { opts })
  }

  stop() {
    return this.all<{ sent: number; at: number }>('stop')
  }

  async stats(args: Partial<Request['args']> = {}): Promise<GroupStats> {
    const parts = await this.all<GroupStats>('stats', args)
    return merge(parts)
  }

  close() {
    return this.all('close')
  }
}

function merge(parts: GroupStats[]): GroupStats {
  const first = parts[0]!
  const cat = <K extends keyof GroupStats>(k: K) => parts.flatMap((p) => p[k] as unknown[]) as never
  const sum = (k: 'conns' | 'synced' | 'sent' | 'received' | 'exhausted' | 'verified' | 'sampled' | 'messagesIn' | 'awarenessIn' | 'bytesIn') => parts.reduce((n, p) => n + p[k], 0)
  return {
    role: first.role,
    conns: sum('conns'),
    synced: sum('synced'),
    closed: cat('closed'),
    rejects: cat('rejects'),
    seen: cat('seen'),
    latencies: cat('latencies'),
    sent: sum('sent'),
    sentTimes: cat('sentTimes'),
    received: sum('received'),
    acked: cat('acked'),
    ackTimes: cat('ackTimes'),
    joinTimes: cat('joinTimes'),
    exhausted: sum('exhausted'),
    verified: sum('verified'),
    sampled: sum('sampled'),
    messagesIn: sum('messagesIn'),
    awarenessIn: sum('awarenessIn'),
    bytesIn: sum('bytesIn'),
    errors: cat('errors'),
  }
}
