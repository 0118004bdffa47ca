import type { GroupHandle } from '../load/pool'
import type { Target } from '../peers/servers'
import { sleep } from '../lib/proc'
import { median } from '../lib/results'
import type { Figure } from '../lib/results'
import { latenciesWithMissing, measured, p, requireSynced, settle } from './measure'
import type { FigureSpec, RunContext, Scenario } from './types'

const SIZES = [50, 200, 500] as const
const RATE = 20
const WARMUP = 5

const GOAL = "≤ y-websocket-server's"

function figuresFor(n: number): FigureSpec[] {
  return [
    { name: `p99 send→receive, ${n} readers`, unit: 'ms', better: 'lower', goal: GOAL },
    { name: `p50 send→receive, ${n} readers`, unit: 'ms', better: 'lower' },
    { name: `updates not delivered, ${n} readers`, unit: '%', better: 'lower', goal: '≤ 0' },
  ]
}

/**
 * Scenario 1: one board, N readers, one writer editing its note 20 times a second. Every
 * reader times every update from the writer's send to its own receipt (one clock: same
 * machine). Ours persists and acknowledges every update; the writer also times its acks.
 */
export function fanout(sizes: readonly number[] = SIZES, seconds?: number): Scenario {
  return {
    id: 'fanout',
    title: 'Scenario 1: fan-out (one board, one writer at 20 updates/s)',
    figures: [
      ...sizes.flatMap(figuresFor),
      { name: `p99 send→ack (ours), ${sizes.at(-1)} readers`, unit: 'ms', better: 'lower' },
      { name: `generator CPU, ${sizes.at(-1)} readers`, unit: '% of a core', better: 'lower' },
      { name: `server CPU, ${sizes.at(-1)} readers`, unit: '% of a core', better: 'lower' },
    ],
    async run(ctx: RunContext) {
      const out: Record<string, number[]> = {}
      const put = (name: string, v: number) => (out[name] ??= []).push(v)
      const duration = seconds ?? (ctx.quick ? 1.5 : 5)
      // One board; readers are added between the sizes (50, then 150 more, then 300 more), and
      // every timed window gets a fresh writer (its own marker id), so no reader connects twice.
      const target = await ctx.server.newBoard('Fan-out')
      const groups: GroupHandle[] = []
      try {
        for (const [k, n] of sizes.entries()) {
          const have = k === 0 ? 0 : sizes[k - 1]!
          groups.push(await ctx.pool.open(`fan-r${n}`, 'reader', Array(n - have).fill(target), { warmup: WARMUP }))
          requireSynced('readers', groups.reduce((sum, g) => sum + g.synced, 0), n, groups.flatMap((g) => [...g.failures, ...g.errors]))
          put(`readers asked to come again while joining (1012), ${n} readers`, groups.reduce((sum, g) => sum + g.reopened, 0))
          for (let w = 0; w < ctx.windows; w++) await timedWindow(ctx, target, groups, n, 1 + k * 100 + w, duration, put, k === sizes.length - 1)
        }
      } finally {
        for (const g of groups) await g.close()
        await settle()
      }
      return out
    },
    judge(figures: Figure[]) {
      return figures.map((f) => {
        if (f.goal !== GOAL) return f
        const ours = f.values.ballonfahrt
        const peer = f.values['y-websocket-server']
        if (!ours?.length || !peer?.length) return f
        return { ...f, goalMet: median(ours) <= median(peer) }
      })
    },
    notes: (quick) => [
      `${quick ? 1.5 : 5} s of writing per size at ${RATE} updates/s; the first ${WARMUP} updates are delivered but not timed (warm-up).`,
      'Readers hold no Y.Doc: each finds the writer\'s marker (writer, sequence number, send time in µs) in the received bytes; send time is taken right before the edit is made on the writer\'s Y.Doc (model/notes.ts editNoteText), receive time on the message event, both from performance.timeOrigin + performance.now() on the same machine.',
      'Readers answer the server\'s sync step 1 with an empty step 2 and send no presence (pure readers). One board: the readers of the smaller sizes stay while more join for the next size; each size has its own writer.',
      'Updates not delivered: counted after a drain that lasts while updates keep arriving (it ends 3 s (quick) / 5 s after the last one arrived); each one missing enters the percentiles as received at the end of the drain, so where any is missing the p99 is a lower bound.',
      'Generator and server CPU: % of one core during the timed window; the machine has 2 cores for both (and is shared).',
    ],
  }
}

async function timedWindow(
  ctx: RunContext,
  target: Target,
  groups: GroupHandle[],
  n: number,
  id: number,
  duration: number,
  put: (name: string, v: number) => void,
  largest: boolean,
): Promise<void> {
  const writer = await ctx.pool.open(`fan-w${id}`, 'writer', [target], {}, [ctx.pool.writerGen])
  try {
    requireSynced('writer', writer.synced, 1, [...writer.failures, ...writer.errors])
    const win = await measured(ctx, async () => {
      await writer.start({ rate: RATE, writer: id })
      await sleep(duration * 1000)
      return (await writer.stop())[0]!.sent
    })
    const sent = win.result
    await Promise.all(groups.map((g) => g.all('drain', { count: sent, writer: id, timeoutMs: ctx.quick ? 3000 : 5000 })))
    if (ctx.server.name === 'ballonfahrt') await writer.all('settle', { timeoutMs: 5000 })
    const w = await writer.stats()
    const { all, missing } = await latenciesWithMissing(groups, id, w.sentTimes, WARMUP)
    put(`p99 send→receive, ${n} readers`, p(all, 0.99))
    put(`p50 send→receive, ${n} readers`, p(all, 0.5))
    put(`updates not delivered, ${n} readers`, (missing / (n * sent)) * 100)
    if (largest) {
      if (ctx.server.name === 'ballonfahrt') put(`p99 send→ack (ours), ${n} readers`, p(w.ackTimes, 0.99))
      put(`generator CPU, ${n} readers`, win.generatorCpu)
      put(`server CPU, ${n} readers`, win.serverCpu)
    }
    const problems = [...w.rejects, ...w.errors]
    ctx.log(
      `fan-out ${n}: sent ${sent}, p50 ${p(all, 0.5).toFixed(1)} ms, p99 ${p(all, 0.99).toFixed(1)} ms, missing ${missing}, gen CPU ${win.generatorCpu.toFixed(0)}%, server CPU ${win.serverCpu.toFixed(0)}%${problems.length ? ` problems: ${problems.slice(0, 3).join(', ')}` : ''}`,
    )
  } finally {
    await writer.close()
  }
}
