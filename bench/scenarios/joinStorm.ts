import * as Y from 'yjs'
import { Conn } from '../load/conn'
import { dialectFor } from '../load/dialect'
import { sleep } from '../lib/proc'
import { importBoard, startServer } from '../peers/servers'
import type { RunningServer, Target } from '../peers/servers'
import { measured, p, settle } from './measure'
import type { RunContext, Scenario } from './types'

const CLIENTS = 500
const NOTES = 500
const WITHIN_MS = 2500

/** A minimal board file (docs/export-format.md) with 500 loose notes over the three zones. */
export function boardFile(notes = NOTES): object {
  const zone = (k: number) => [{ cluster: null, votes: 0, notes: Array.from({ length: notes }, (_, i) => i).filter((i) => i % 3 === k).map((i) => `Notiz ${i + 1}: ${'Was uns trägt und was uns bremst, '.repeat(1 + (i % 3))}`.trim()) }]
  return {
    title: 'Lasttest 500 Notizen',
    date: '2026-01-15',
    topic: 'Benchmark',
    settings: { privateWriting: false },
    zones: { steigen: zone(0), untenHalten: zone(1), einheizen: zone(2) },
    actions: [],
  }
}

async function openDoc(target: Target, doc: Y.Doc): Promise<Conn> {
  const conn = new Conn(dialectFor(target), doc)
  const deadline = Date.now() + 20_000
  while (!conn.synced) {
    if (conn.closed || Date.now() > deadline) throw new Error(`could not sync with ${target.server} (${conn.closeCode})`)
    await sleep(10)
  }
  return conn
}

const notesIn = (doc: Y.Doc) => doc.getMap('notes').size

/**
 * Scenario 4: 500 clients join one board of 500 notes within 2.5 s (one every 5 ms); each
 * times its own join from opening the socket to the server's sync step 2. A host client is
 * on the board first (the moderator), so every server has the board loaded. Ours gets the
 * board by import; the peers get the very Yjs update ours holds after that import.
 */
export function joinStorm(): Scenario {
  let seed: Uint8Array | null = null
  return {
    id: 'joinStorm',
    title: 'Scenario 4: join storm (500 clients join a 500-note board within 2.5 s)',
    figures: [
      { name: 'p99 time to synced', unit: 'ms', better: 'lower', goal: '≤ 1000' },
      { name: 'p50 time to synced', unit: 'ms', better: 'lower' },
      { name: 'clients not synced', unit: 'count', better: 'lower', goal: '≤ 0' },
      { name: 'sampled syncs with all 500 notes', unit: '%', better: 'higher', goal: '≥ 100' },
      { name: 'generator CPU', unit: '% of a core', better: 'lower' },
      { name: 'server CPU', unit: '% of a core', better: 'lower' },
    ],
    async prepare() {
      // The seed: what ours holds after importing the board file, as one Yjs update.
      const ours = await startServer('ballonfahrt')
      try {
        const target = await importBoard(ours, boardFile())
        const doc = new Y.Doc()
        const conn = await openDoc(target, doc)
        if (notesIn(doc) !== NOTES) throw new Error(`imported board has ${notesIn(doc)} notes`)
        seed = Y.encodeStateAsUpdate(doc)
        conn.close()
      } finally {
        await ours.stop()
      }
    },
    async run(ctx: RunContext) {
      const out: Record<string, number[]> = {}
      const put = (name: string, v: number) => (out[name] ??= []).push(v)
      for (let w = 0; w < ctx.windows; w++) {
        try {
          const r = await storm(ctx, `storm-${w}`)
          for (const [name, v] of Object.entries(r)) put(name, v)
        } catch (error) {
          ctx.fail(`storm ${w + 1}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      return out
    },
    notes: (quick) => [
      `${CLIENTS} clients open their sockets ${WITHIN_MS / CLIENTS} ms apart (all within ${WITHIN_MS / 1000} s); each sends sync step 1 and its presence (a name) on open, as a stock y-websocket client does, and answers the server's step 1. Time to synced: from creating the socket to receiving the server's sync step 2.`,
      'Every 10th client applies the step 2 it received to a fresh Y.Doc and checks that all 500 notes are in it.',
      `The board: ${NOTES} notes imported into ours through POST /api/boards/import; the peers get the Yjs update of that imported board from a host client that stays connected (as the moderator would), so every server has the board in memory when the storm starts. Clients not synced within ${quick ? 3 : 8} s after the last join count at that deadline (the p99 is then a lower bound). Each timed window is a storm on a fresh board of the same server process.`,
    ],
  }

  async function seededBoard(server: RunningServer): Promise<Target> {
    if (server.name === 'ballonfahrt') return importBoard(server, boardFile())
    return server.newBoard('Join storm')
  }

  /** One storm on a fresh board (of the same server process), with its own host. */
  async function storm(ctx: RunContext, name: string): Promise<Record<string, number>> {
    if (!seed) throw new Error('no seed document')
    const target = await seededBoard(ctx.server)
    const hostDoc = new Y.Doc()
    if (ctx.server.name !== 'ballonfahrt') Y.applyUpdate(hostDoc, seed)
    const host = await openDoc(target, hostDoc)
    try {
      // A second client checks that the board is complete before the storm.
      await waitNotes(target)
      const joiners = await ctx.pool.open(name, 'joiner', Array(CLIENTS).fill(target), {})
      try {
        const win = await measured(ctx, async () => {
          // Every generator process staggers its share so that the joins interleave evenly.
          await joiners.start({ spacingMs: (WITHIN_MS / CLIENTS) * joiners.gens.length, sampleEvery: 10, expectNotes: NOTES })
          const deadline = Date.now() + WITHIN_MS + (ctx.quick ? 3000 : 8000)
          let s = await joiners.stats()
          while (s.joinTimes.length < CLIENTS && Date.now() < deadline) {
            await sleep(100)
            s = await joiners.stats()
          }
          return s
        })
        const s = win.result
        ctx.log(
          `join storm: synced ${s.joinTimes.length}/${CLIENTS}, p50 ${p(s.joinTimes, 0.5).toFixed(0)} ms, p99 ${p(s.joinTimes, 0.99).toFixed(0)} ms, max ${Math.max(...s.joinTimes).toFixed(0)} ms, verified ${s.verified}/${s.sampled}, gen CPU ${win.generatorCpu.toFixed(0)}%, server CPU ${win.serverCpu.toFixed(0)}%`,
        )
        // A client that never synced counts at the deadline: the p99 is then a lower bound.
        const times = [...s.joinTimes, ...Array<number>(CLIENTS - s.joinTimes.length).fill(win.seconds * 1000)]
        return {
          'p99 time to synced': p(times, 0.99),
          'p50 time to synced': p(times, 0.5),
          'clients not synced': CLIENTS - s.joinTimes.length,
          'sampled syncs with all 500 notes': s.sampled ? (s.verified / s.sampled) * 100 : 0,
          'generator CPU': win.generatorCpu,
          'server CPU': win.serverCpu,
        }
      } finally {
        await joiners.close()
      }
    } finally {
      host.close()
      hostDoc.destroy()
      await settle(500)
    }
  }
}

async function waitNotes(target: Target): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const doc = new Y.Doc()
    const conn = await openDoc(target, doc)
    const n = notesIn(doc)
    conn.close()
    doc.destroy()
    if (n === NOTES) return
    if (Date.now() > deadline) throw new Error(`board has ${n} notes, not ${NOTES}`)
    await sleep(100)
  }
}
