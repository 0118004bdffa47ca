import { sleep } from '../lib/proc'
import type { Target } from '../peers/servers'
import { measured, p, requireSynced, settle } from './measure'
import type { RunContext, Scenario } from './types'

const PER_BOARD = 10

const INFLIGHT = 16

/**
 * Scenario 3: 100 boards × 10 clients, every client editing its own note as fast as the server
 * confirms (closed loop: at most 16 edits per client unconfirmed; ours confirms with its ack,
 * i.e. committed to SQLite, the peers by echoing the update back). Ours: updates acknowledged
 * per second. All: updates relayed per second (received by the board's other clients, ÷ 9).
 * With --rate=N the clients send at a fixed rate instead (open loop).
 */
export function manyBoards(seconds?: number, perClientRate?: number, boards?: number): Scenario {
  // The quick set keeps the board's shape (10 clients, each update relayed to 9) with a quarter
  // of the boards: setting up 1,000 clients per server takes longer than it can afford.
  const size = (quick: boolean) => ({ BOARDS: boards ?? (quick ? 25 : 100) })
  return {
    id: 'manyBoards',
    title: 'Scenario 3: many boards (100 boards × 10 clients, closed loop; quick set: 25 × 10)',
    figures: [
      { name: 'persisted, acknowledged updates/s (ours only)', unit: '1/s', better: 'higher', goal: '≥ 20000' },
      { name: 'updates relayed/s (to all 9 others)', unit: '1/s', better: 'higher' },
      { name: 'updates sent/s', unit: '1/s', better: 'higher' },
      { name: 'p99 send→ack (ours)', unit: 'ms', better: 'lower' },
      { name: 'generator CPU', unit: '% of a core', better: 'lower' },
      { name: 'server CPU', unit: '% of a core', better: 'lower' },
    ],
    async run(ctx: RunContext) {
      const duration = seconds ?? (ctx.quick ? 2 : 6)
      const { BOARDS } = size(ctx.quick)
      const t0 = Date.now()
      const boards: Target[] = []
      // Ten board creations at a time (ours: POST /api/boards; the peers: a new name).
      for (let b = 0; b < BOARDS; b += 10) {
        boards.push(...(await Promise.all(Array.from({ length: Math.min(10, BOARDS - b) }, (_, k) => ctx.server.newBoard(`Board ${b + k}`)))))
      }
      const targets = boards.flatMap((board) => Array<Target>(PER_BOARD).fill(board))
      // Precomputed edits: enough for every window at the fixed rate, or for 25,000/s in total in
      // the closed loop (more than any server here sustained); a client that runs out stops.
      const perSecond = perClientRate ?? 25_000 / (BOARDS * PER_BOARD)
      const perClient = Math.ceil(perSecond * (duration + 0.5) * ctx.windows)
      const clients = await ctx.pool.open('many', 'burst', targets, { perClient, timeoutMs: 30_000, parallel: 64 }, ctx.pool.gens)
      const out: Record<string, number[]> = {}
      const put = (name: string, v: number) => (out[name] ??= []).push(v)
      const ours = ctx.server.name === 'ballonfahrt'
      try {
        requireSynced('clients', clients.synced, targets.length, clients.errors)
        ctx.log(`many boards: ${targets.length} clients synced, notes created and edits precomputed in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
        for (let w = 0; w < ctx.windows; w++) {
          const win = await measured(ctx, async () => {
            await clients.start(perClientRate ? { rate: perClientRate } : { inflight: INFLIGHT })
            await sleep(duration * 1000)
            return clients.stop()
          })
          const s = await clients.stats()
          const acked = s.acked.reduce((a, b) => a + b, 0)
          put('updates relayed/s (to all 9 others)', s.received / (PER_BOARD - 1) / win.seconds)
          put('updates sent/s', s.sent / win.seconds)
          put('generator CPU', win.generatorCpu)
          put('server CPU', win.serverCpu)
          if (ours) {
            put('persisted, acknowledged updates/s (ours only)', acked / win.seconds)
            put('p99 send→ack (ours)', p(s.ackTimes, 0.99))
          }
          ctx.log(
            `many boards: sent ${(s.sent / win.seconds).toFixed(0)}/s${s.exhausted ? ` (${s.exhausted} clients ran out of edits)` : ''}, relayed ${(s.received / 9 / win.seconds).toFixed(0)}/s${ours ? `, acked ${(acked / win.seconds).toFixed(0)}/s, ack p99 ${p(s.ackTimes, 0.99).toFixed(0)} ms` : ''}, rejects ${s.rejects.length}, closed ${s.closed.length}, gen CPU ${win.generatorCpu.toFixed(0)}%, server CPU ${win.serverCpu.toFixed(0)}%`,
          )
          // Lets the server catch up (acks, relays) before the next window.
          if (w < ctx.windows - 1) await settle(1000)
        }
        return out
      } finally {
        await clients.close()
        await settle()
      }
    },
    notes: (quick) => [
      `${size(quick).BOARDS} boards × ${PER_BOARD} clients; each client edits its own note (model/notes.ts editNoteText on a real Y.Doc) ${perClientRate ? `${perClientRate} times a second (open loop)` : `as fast as the server confirms, with at most ${INFLIGHT} edits unconfirmed (closed loop)`}, ${seconds ?? (quick ? 2 : 6)} s per window. Edits are computed before the timed window so that the generator only sends and counts.`,
      'Confirmed: on ours acknowledged (the ack means committed to SQLite and fsynced); on the peers echoed back to the sender (they send every applied update to every connection). The peers neither persist per update nor acknowledge: @y/websocket-server keeps documents in memory (with LevelDB it appends each update without waiting for it), Hocuspocus stores the whole document at most every 2–10 s (debounced).',
      'Acknowledged updates/s (ours): acks (counted per update) that arrived during the timed window. Updates relayed/s: update messages from other clients received during the window by all clients, ÷ 9 (the other clients of a board); for every server.',
      'Every relayed update is received by 9 simulated clients, so the generator takes in 9 messages per update: at 10,000 updates/s that is 90,000 messages/s, on the same 2 cores as the server.',
    ],
  }
}
