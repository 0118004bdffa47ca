import { now, sleep } from '../lib/proc'
import type { GroupHandle } from '../load/pool'
import { quantile } from '../lib/results'
import type { RunContext } from './types'

export interface Window<T> {
  readonly result: T
  readonly seconds: number
  /** CPU used during the window, in % of one core (100 = one core busy). */
  readonly generatorCpu: number
  readonly serverCpu: number
}

/** Runs `body` and measures the generator's and the server's CPU use while it runs. */
export async function measured<T>(ctx: RunContext, body: () => Promise<T>): Promise<Window<T>> {
  const g0 = await ctx.pool.cpuSeconds()
  const s0 = ctx.server.cpuSeconds()
  const t0 = now()
  const result = await body()
  const seconds = (now() - t0) / 1000
  const g1 = await ctx.pool.cpuSeconds()
  const s1 = ctx.server.cpuSeconds()
  return { result, seconds, generatorCpu: ((g1 - g0) / seconds) * 100, serverCpu: ((s1 - s0) / seconds) * 100 }
}

export const p = (values: readonly number[], q: number) => quantile(values, q)

/** Waits, then gives the machine a moment between phases (sockets closing, GC). */
export const settle = (ms = 300) => sleep(ms)

/** Throws when a group did not fully connect: a run with fewer clients measures something else. */
export function requireSynced(what: string, synced: number, wanted: number, errors: readonly string[] = []): void {
  if (synced < wanted) throw new Error(`${what}: only ${synced} of ${wanted} clients synced ${errors.slice(0, 3).join('; ')}`)
}

/**
 * Latencies of the timed updates, where an update a reader never received counts as received
 * at the end of the drain: a p99 over these is a lower bound when anything was missing,
 * instead of a figure that looks good because the slow ones are left out.
 */
export async function latenciesWithMissing(
  groups: readonly GroupHandle[],
  writer: number,
  sentTimes: number[],
  warmup: number,
): Promise<{ all: number[]; missing: number }> {
  const end = now()
  const stats = await Promise.all(groups.map((g) => g.stats({ writer, count: sentTimes.length })))
  const latencies = stats.flatMap((s) => s.latencies)
  const parts = (await Promise.all(groups.map((g) => g.all<number[]>('missing', { count: sentTimes.length, writer })))).flat()
  const all = [...latencies]
  let missing = 0
  for (let seq = 0; seq < sentTimes.length; seq++) {
    const count = parts.reduce((n, part) => n + (part[seq] ?? 0), 0)
    missing += count
    if (seq >= warmup) for (let k = 0; k < count; k++) all.push(end - sentTimes[seq]!)
  }
  return { all, missing }
}
