import { sleep } from '../lib/proc'
import { median } from '../lib/results'
import type { Figure } from '../lib/results'
import { latenciesWithMissing, measured, p, requireSynced, settle } from './measure'
import type { RunContext, Scenario } from './types'

const CLIENTS = 200
const HZ = 10
const RATE = 20
const WARMUP = 10
const GOAL = "≤ 1/5 of y-websocket-server's"

/**
 * Scenario 2: 200 clients on one board move their pointers 10 times a second (presence,
 * y-protocols awareness), while one writer edits a note 20 times a second. Every one of the
 * 200 times the writer's updates; the figure is their p99.
 */
export function presence(seconds?: number): Scenario {
  return {
    id: 'presence',
    title: 'Scenario 2: presence (200 clients, pointers at 10 Hz, note edits at 20/s)',
    figures: [
      { name: 'note-update p99 send→receive', unit: 'ms', better: 'lower', goal: GOAL },
      { name: 'note-update p50 send→receive', unit: 'ms', better: 'lower' },
      { name: 'note updates not delivered', unit: '%', better: 'lower', goal: '≤ 0' },
      { name: 'presence messages received per client', unit: '1/s', better: 'lower' },
      { name: 'generator CPU', unit: '% of a core', better: 'lower' },
      { name: 'server CPU', unit: '% of a core', better: 'lower' },
    ],
    async run(ctx: RunContext) {
      const out: Record<string, number[]> = {}
      const put = (name: string, v: number) => (out[name] ??= []).push(v)
      const duration = seconds ?? (ctx.quick ? 2 : 6)
      const target = await ctx.server.newBoard('Presence')
      const clients = await ctx.pool.open('presence', 'reader', Array(CLIENTS).fill(target), { warmup: WARMUP, presenceName: 'Gast' })
      try {
        requireSynced('clients', clients.synced, CLIENTS, clients.errors)
        for (let w = 0; w < ctx.windows; w++) {
          // A fresh writer per window (its own marker id); presence pauses between windows.
          const id = w + 1
          const writer = await ctx.pool.open(`presence-w${id}`, 'writer', [target], { timeoutMs: ctx.quick ? 5000 : 15_000 }, [ctx.pool.writerGen])
          try {
            // A relay still busy with the last window's presence may not let a writer in.
            if (writer.synced < 1) {
              ctx.fail(`window ${id}: the writer could not sync (server still flooded)`)
              continue
            }
            const before = await clients.stats()
            const win = await measured(ctx, async () => {
              await clients.start({ presenceHz: HZ, presenceName: 'Gast' })
              await writer.start({ rate: RATE, writer: id })
              await sleep(duration * 1000)
              const sent = (await writer.stop())[0]!.sent
              await clients.stop()
              return sent
            })
            const sent = win.result
            await clients.all('drain', { count: sent, writer: id, timeoutMs: ctx.quick ? 1500 : 5000 })
            const r = await clients.stats()
            const w = await writer.stats()
            const { all, missing } = await latenciesWithMissing([clients], id, w.sentTimes, WARMUP)
            const presencePerClient = (r.awarenessIn - before.awarenessIn) / CLIENTS / win.seconds
            ctx.log(
              `presence: sent ${sent}, p50 ${p(all, 0.5).toFixed(1)} ms, p99 ${p(all, 0.99).toFixed(1)} ms, missing ${missing}, presence in ${presencePerClient.toFixed(0)}/s per client, gen CPU ${win.generatorCpu.toFixed(0)}%, server CPU ${win.serverCpu.toFixed(0)}%`,
            )
            put('note-update p99 send→receive', p(all, 0.99))
            put('note-update p50 send→receive', p(all, 0.5))
            put('note updates not delivered', (missing / (CLIENTS * sent)) * 100)
            put('presence messages received per client', presencePerClient)
            put('generator CPU', win.generatorCpu)
            put('server CPU', win.serverCpu)
          } finally {
            await writer.close()
          }
          // Lets a relay that fell behind empty its queues before the next window.
          await settle(ctx.quick ? 500 : 2000)
        }
      } finally {
        await clients.close()
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
        return { ...f, goalMet: median(ours) <= median(peer) / 5 }
      })
    },
    notes: (quick) => [
      `${CLIENTS} clients each send a presence state ({ user: { name }, pointer: { x, y } }) ${HZ} times a second for ${quick ? 2 : 6} s, spread evenly; one more client edits its note ${RATE} times a second; the first ${WARMUP} edits are not timed.`,
      'Presence messages received per client: how many awareness messages each client had to take in per second. Ours relays each client\'s name and pointer (stamped with the server-known identity; any other field is dropped) and coalesces presence: every 50 ms one message with each person\'s latest state; the peers relay every state as sent.',
      'Note updates not delivered: missing after a drain of up to 1.5 s (quick) / 5 s after the last edit; each one missing enters the percentiles as received at the end of the drain, so where any is missing the p99 is a lower bound.',
    ],
  }
}
