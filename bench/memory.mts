/**
 * Scenario 6, memory. The server runs in its own process (bench/memory-server.mts, started with
 * --expose-gc) and reports its heap after full garbage collections over IPC. Goals:
 *   - an idle loaded 500-note board <= 2.5 MB heap (heap with the board loaded and nobody
 *     connected, minus heap before it was loaded);
 *   - an idle connection <= 10 KB (200 synced participants with presence, heap delta / 200);
 *   - boards leave memory within 60 s of the last client (time from the last client closing
 *     until the board is unloaded and its heap released).
 * Peer: @y/websocket-server in memory (its utils, wired as its server.js), same board, same clients.
 *
 *   npx tsx bench/memory.mts [--quick] [--heap-snapshots]
 *   (quick: IDLE_UNLOAD_MS=5000, 100 connections, 1 repeat; --heap-snapshots: what grew, per step,
 *   from V8 heap snapshots of the server, printed and added to the notes)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { BOARD_NOTES, importBoard500 } from './lib/board-500'
import { asParticipant, forkMeasuredServer, idleClient } from './lib/heap-clients'
import { growth } from './lib/heap-snapshot-diff'
import type { Heap, IdleClient, MeasuredServer } from './lib/heap-clients'
import { sleep } from './lib/proc'
import { machine } from './lib/results'
import type { Figure } from './lib/results'
import { writeResult } from './lib/scenario-report'

const quick = process.argv.includes('--quick')
const snapshots = process.argv.includes('--heap-snapshots')
// Every y-websocket provider in Node registers a process 'exit' listener.
process.setMaxListeners(0)
const CONNECTIONS = quick ? 100 : 200
const REPEATS = quick ? 1 : 3
/** The server's default in full mode (config.ts); shorter in quick mode, and said so. */
const IDLE_UNLOAD_MS = quick ? (snapshots ? 30_000 : 5_000) : undefined
/** How long we watch for a board to leave memory. */
const UNLOAD_WINDOW_MS = quick && !snapshots ? 15_000 : 75_000

type Key = 'ballonfahrt' | 'y-websocket-server'
interface Run {
  board: number
  boardWithCode: number
  perConnectionWithCode: number
  boardWithExternal: number
  perConnection: number
  afterLeaving: number
  unloadedAfter: number | null
  retainedAfterUnload: number | null
}

const KB = 1024
const MB = 1024 * 1024
const notes: string[] = []

/** Waits until the server's doc matches `check`, asking every 100 ms. */
async function until(server: MeasuredServer, name: string, check: (d: { loaded: boolean; notes: number }) => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now()
  while (!check(await server.doc(name))) {
    if (Date.now() - start > timeoutMs) throw new Error(`doc ${name}: condition not reached in ${timeoutMs} ms`)
    await sleep(100)
  }
}

/** A quiet moment (sockets settled, pings not due) before a heap reading. */
const settle = () => sleep(500)

async function measure(key: Key, boardState: Uint8Array | null): Promise<{ run: Run; state: Uint8Array }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-memory-'))
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir, CONNECTIONS_PER_MINUTE: '100000', HOST: '127.0.0.1' }
  if (IDLE_UNLOAD_MS !== undefined) env.IDLE_UNLOAD_MS = String(IDLE_UNLOAD_MS)
  const server = await forkMeasuredServer(key, env)
  const clients: IdleClient[] = []
  try {
    const ours = key === 'ballonfahrt'
    const http = `http://127.0.0.1:${server.port}`
    const wsBase = ours ? `ws://127.0.0.1:${server.port}/ws` : `ws://127.0.0.1:${server.port}`
    const room = ours ? (await importBoard500(http)).boardId : 'board-500'
    const params = () => (ours ? asParticipant() : {})
    // Warm-up on another board, so that code loaded and compiled on first use is not counted
    // as the board's. Its client stays connected, so that its board stays in memory throughout.
    const warmRoom = ours ? (await importBoard500(http)).boardId : 'warm-up'
    const warm = idleClient(wsBase, warmRoom, 'Aufwärmen', { ...params(), ...(boardState && !ours ? { state: boardState } : {}) })
    clients.push(warm)
    await warm.synced()
    await settle()

    const snapDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-heap-'))
    const snap = async (step: string) => (snapshots ? server.snapshot(join(snapDir, `${key}-${step}.heapsnapshot`)) : '')
    const explain = (what: string, before: string, after: string) => {
      if (!snapshots) return
      const lines = growth(before, after, 8)
      console.error(`${key}, ${what}:\n  ${lines.join('\n  ')}`)
      notes.push(`${key}, heap snapshot, ${what}: ${lines.join('; ')}`)
    }
    const base = await server.heap()
    const snapBase = await snap('base')
    if ((await server.doc(room)).loaded) throw new Error('board loaded before the measurement')

    // The board: loaded by a first client (on the relay, that client brings the content).
    const first = idleClient(wsBase, room, 'Erste', { ...params(), ...(boardState && !ours ? { state: boardState } : {}) })
    clients.push(first)
    await first.synced()
    await until(server, room, (d) => d.notes === BOARD_NOTES)
    const state = Y.encodeStateAsUpdate(first.doc)
    await settle()
    const withOne = await server.heap()
    const snapOne = await snap('one')

    // N idle participants.
    const many = Array.from({ length: CONNECTIONS }, (_, i) => idleClient(wsBase, room, `Gast ${i + 1}`, params()))
    clients.push(...many)
    for (let i = 0; i < many.length; i += 20) await Promise.all(many.slice(i, i + 20).map((c) => c.synced()))
    await settle()
    const withMany = await server.heap()
    explain(`${CONNECTIONS} connections`, snapOne, await snap('many'))
    for (const c of many) c.close()
    await sleep(1000)
    const afterLeaving = await server.heap()

    // Nobody connected: the board alone, until it unloads.
    first.close()
    const lastLeft = Date.now()
    await sleep(300)
    const idle = await server.heap()
    const idleDoc = await server.doc(room)
    if (!idleDoc.loaded) throw new Error('board unloaded before its idle heap was read')
    explain('idle board', snapBase, await snap('idle'))
    const data = (h: Heap) => h.heapUsed - h.code

    let unloadedAfter: number | null = null
    let retained: Heap | null = null
    while (Date.now() - lastLeft < UNLOAD_WINDOW_MS) {
      await sleep(250)
      if ((await server.doc(room)).loaded) continue
      unloadedAfter = Date.now() - lastLeft
      await sleep(500)
      retained = await server.heap()
      explain('retained after unload', snapBase, await snap('unloaded'))
      break
    }
    rmSync(snapDir, { recursive: true, force: true })
    const run: Run = {
      board: (data(idle) - data(base)) / MB,
      boardWithCode: (idle.heapUsed - base.heapUsed) / MB,
      boardWithExternal: (data(idle) + idle.external - data(base) - base.external) / MB,
      perConnection: (data(withMany) - data(withOne)) / CONNECTIONS / KB,
      perConnectionWithCode: (withMany.heapUsed - withOne.heapUsed) / CONNECTIONS / KB,
      afterLeaving: (data(afterLeaving) - data(withOne)) / KB,
      unloadedAfter: unloadedAfter === null ? null : unloadedAfter / 1000,
      retainedAfterUnload: retained ? (data(retained) - data(base)) / KB : null,
    }
    console.error(`${key}: ${JSON.stringify(run)}`)
    return { run, state }
  } finally {
    for (const c of clients) c.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const runs: Record<Key, Run[]> = { ballonfahrt: [], 'y-websocket-server': [] }
let state: Uint8Array | null = null
for (let r = 0; r < REPEATS; r++) {
  const ours = await measure('ballonfahrt', null)
  runs.ballonfahrt.push(ours.run)
  state = ours.state
  runs['y-websocket-server'].push((await measure('y-websocket-server', state)).run)
}

const values = (pick: (run: Run) => number | null) => {
  const out: Partial<Record<Key, number[]>> = {}
  for (const key of Object.keys(runs) as Key[]) {
    const xs = runs[key].map(pick).filter((x): x is number => x !== null)
    if (xs.length) out[key] = xs
  }
  return out
}
const figures: Figure[] = [
  { name: `idle loaded ${BOARD_NOTES}-note board, heap`, unit: 'MB', goal: '≤ 2.5', better: 'lower', values: values((r) => r.board) },
  { name: 'the same, heap including compiled code', unit: 'MB', better: 'lower', values: values((r) => r.boardWithCode) },
  { name: 'the same, heap + external (buffers)', unit: 'MB', better: 'lower', values: values((r) => r.boardWithExternal) },
  { name: `idle connection (${CONNECTIONS} synced participants with presence), heap each`, unit: 'KB', goal: '≤ 10', better: 'lower', values: values((r) => r.perConnection) },
  { name: 'the same, heap including compiled code', unit: 'KB', better: 'lower', values: values((r) => r.perConnectionWithCode) },
  { name: `heap left after the ${CONNECTIONS} disconnected`, unit: 'KB', better: 'lower', values: values((r) => r.afterLeaving) },
  { name: 'board left memory after the last client', unit: 's', goal: '≤ 60', better: 'lower', values: values((r) => r.unloadedAfter) },
  { name: 'heap retained after unload (vs. before loading)', unit: 'KB', better: 'lower', values: values((r) => r.retainedAfterUnload) },
]
const neverLeft = (key: Key) => runs[key].filter((r) => r.unloadedAfter === null).length
for (const key of Object.keys(runs) as Key[]) {
  const n = neverLeft(key)
  if (n) notes.push(`${key}: in ${n} of ${runs[key].length} runs the board was still in memory ${UNLOAD_WINDOW_MS / 1000} s after the last client left${key === 'y-websocket-server' ? ' (without persistence its utils never destroy a doc: docs are deleted only when a persistence layer has written them)' : ''}.`)
}
notes.push(
  'Heap: process.memoryUsage().heapUsed minus the code spaces (v8.getHeapSpaceStatistics) in the server process after four rounds of global.gc() with event-loop turns between them (bench/memory-server.mts, --expose-gc --no-flush-bytecode, no inspector). Without --no-flush-bytecode V8 drops the bytecode of functions idle over a few collections and compiles it again on the next use, which showed up as +0.4–0.7 MB of "(code)" in the deltas. Even so V8 keeps compiling hot functions to machine code during each step (+0.7–0.9 MB "(code)" per step in heap snapshots, and it stays after the board unloads): that is not the board\'s or the connections\' memory, so the goal rows leave the code spaces out; the rows "including compiled code" keep them.',
  `Board: heap with the board loaded and nobody connected (within the idle window) minus heap before it was loaded; a warm-up board was loaded first (its client stays connected throughout) so that code compiled on first use is not counted. On y-websocket-server the first client brings the board (it has no storage).`,
  `Connection: ${CONNECTIONS} stock y-websocket providers in the benchmark process, each synced with a presence state ({ user: { name } }), as the browser sets it; heap with them minus heap with the first client alone.`,
  IDLE_UNLOAD_MS === undefined ? 'Unload: the server default IDLE_UNLOAD_MS (30 s).' : `Unload: quick mode sets IDLE_UNLOAD_MS=${IDLE_UNLOAD_MS} (the default is 30 s; run without --quick for it).`,
  'Left memory: the time until the server no longer holds the room (Rooms.isLoaded / the relay\'s docs map), polled every 250 ms; the heap retained is read 0.5 s later.',
)
writeResult('memory', {
  scenario: 'memory',
  title: 'Memory: idle board, idle connection, unloading',
  command: `npx tsx bench/memory.mts${quick ? ' --quick' : ''}`,
  date: new Date().toISOString(),
  machine: machine(),
  figures,
  notes,
})
