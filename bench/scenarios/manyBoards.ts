import { sleep } from '../lib/proc'
import { measured, p, requireSynced, settle } from './measure'
import type { RunContext, Scenario } from './types'

const PER_BOARD = 10

/**
 * Scenario 3: 100 boards × 10 clients, every client editing its own note at a fixed rate
 * (offered load above the goal). Ours: updates acknowledged per second (each one committed to
 * SQLite before its ack). All servers: updates relayed per second (received by the board's
 * other clients, ÷ 9). The peers neither persist per update nor acknowledge.
 */
export function manyBoards(seconds?: number, perClientRate?: number, BOARDS = 100): Scenario {
  return {
    id: 'manyBoards',
    title: 'Scenario 3: many boards (100 boards × 10 clients)',
    figures: [
      { name: 'persisted, acknowledged updates/s (ours only)', unit: '1/s', better: 'higher', goal: '≥ 20000' },
      { name: 'updates relayed/s (to all 9 others)', unit: '1/s', better: 'higher' },
      { name: 'offered updates/s', unit: '1/s', better: 'higher' },
      { name: 'p99 send→ack (ours)', unit: 'ms', better: 'lower' },
      { name: 'generator CPU', unit: '% of a core', better: 'lower' },
      { name: 'server CPU', unit: '% of a core', better: 'lower' },
    ],
    async run(ctx: RunContext) {
      const duration = seconds ?? (ctx.quick ? 3 : 10)
      const rate = perClientRate ?? 25
      const targets = []
      for (let b = 0; b < BOARDS; b++) {
        const board = await ctx.server.newBoard(`Board ${b}`)
        for (let c = 0; c < PER_BOARD; c++) targets.push(board)
      }
      // Precomputed edits: enough for the window at the offered rate, plus a margin.
      const perClient = Math.ceil(rate * (duration + 1))
      const clients = await ctx.pool.open('many', 'burst', targets, { perClient, timeoutMs: 30_000, parallel: 64 }, ctx.pool.gens)
      try {
        requireSynced('clients', clients.synced, targets.length, clients.errors)
        const win = await measured(ctx, async () => {
          await clients.start({ rate })
          await sleep(duration * 1000)
          return clients.stop()
        })
        const s = await clients.stats()
        const ours = ctx.server.name === 'ballonfahrt'
        const acked = s.acked.reduce((a, b) => a + b, 0)
        const out: Record<string, number> = {
          'updates relayed/s (to all 9 others)': s.received / (PER_BOARD - 1) / win.seconds,
          'offered updates/s': s.sent / win.seconds,
          'generator CPU': win.generatorCpu,
          'server CPU': win.serverCpu,
        }
        if (ours) {
          out['persisted, acknowledged updates/s (ours only)'] = acked / win.seconds
          out['p99 send→ack (ours)'] = p(s.ackTimes, 0.99)
        }
        ctx.log(
          `many boards: offered ${(s.sent / win.seconds).toFixed(0)}/s, relayed ${(s.received / 9 / win.seconds).toFixed(0)}/s${ours ? `, acked ${(acked / win.seconds).toFixed(0)}/s, ack p99 ${p(s.ackTimes, 0.99).toFixed(0)} ms` : ''}, rejects ${s.rejects.length}, closed ${s.closed.length}, gen CPU ${win.generatorCpu.toFixed(0)}%, server CPU ${win.serverCpu.toFixed(0)}%`,
        )
        return out
      } finally {
        await clients.close()
        await settle()
      }
    },
    notes: (quick) => [
      `${BOARDS} boards × ${PER_BOARD} clients; each client edits its own note (model/notes.ts editNoteText on a real Y.Doc) ${perClientRate ?? 25} times a second for ${seconds ?? (quick ? 3 : 10)} s: the offered load is ${BOARDS * PER_BOARD * (perClientRate ?? 25)} updates/s, more than the goal, so the figures show what the server sustains. Edits are computed before the timed window so that the generator only sends and counts.`,
      'Acknowledged updates/s (ours): acks that arrived during the timed window (an ack means the update is committed to SQLite). The peers neither persist per update nor acknowledge: @y/websocket-server keeps documents in memory (with LevelDB it appends each update without waiting), Hocuspocus stores the whole document at most every 2–10 s (debounced).',
      'Updates relayed/s: update messages from other clients received during the window by all clients, ÷ 9 (the other clients of a board); for every server.',
    ],
  }
}
