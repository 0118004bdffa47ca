/**
 * Scenario 5, cold load: a board of 500 notes with 100,000 past moves in storage, the server
 * started cold (a new process) for every repeat, then the time until a fresh client holds the
 * whole board (synced and all 500 notes in its doc). Goal: p95 <= 350 ms.
 *
 * History (bench/lib/cold-history.ts, built once per version of the storage code and cached):
 * the board is imported through POST /api/boards/import; the moves are `moveNote`
 * (model/) by 8 writers in turns of 50, applied to the server's own `Room` (server/rooms.ts) over
 * the SQLite BoardStore, exactly as the socket layer applies them after the guard: appended in
 * one transaction per tick and compacted into a snapshot every COMPACT_AFTER entries. What the
 * server keeps in storage is what a long-lived board leaves there.
 * The peer y-websocket-server + y-leveldb gets the same update bytes through y-leveldb's
 * `storeUpdate`, as its persistence binding writes them: once as written (moves + 1 entries) and
 * once after y-leveldb merged them on a first load. Hocuspocus + SQLite stores one merged state
 * (what `onStoreDocument` writes): the final state of the same history.
 * Ours runs twice: on SQLite (one process) and on PostgreSQL (cluster mode, DATABASE_URL and
 * REDIS_URL; a throwaway PostgreSQL and Redis from the Debian packages, as in the tests), the
 * history copied into PostgreSQL by the migration command's code and each repeat on a fresh copy.
 *
 *   npx tsx bench/coldLoad.mts [--quick] [--moves 100000] [--fresh: rebuild the history]
 *                              [--no-peers] [--no-postgres] [--cpu-prof: profiles, in the temp dir]
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import * as Y from 'yjs'
import { copyToPostgres } from '../server/store/copyToPostgres'
import { startPostgres, startRedis } from '../tests/helpers/services'
import type { PgServer, RedisServer } from '../tests/helpers/services'
import { buildServer } from '../tests/helpers/cluster'
import { BOARD_NOTES } from './lib/board-500'
import { COMPACT_AFTER, coldHistory } from './lib/cold-history'
import { HOCUSPOCUS_DOC, HOCUSPOCUS_SERVER, timeHocuspocusFirstSync } from './lib/cold-hocuspocus'
import { participantSecret, startProcess, timeFirstSync } from './lib/cold-processes'
import type { FirstSyncTiming, ServerProcess } from './lib/cold-processes'
import { hotStacks, topFunctions } from './lib/cold-profile'
import { cpuSeconds } from './lib/proc'
import { machine, quantile } from './lib/results'
import type { Figure } from './lib/results'
import { writeResult } from './lib/scenario-report'
import { packageFile } from './peers/servers'

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const cpuProf = argv.includes('--cpu-prof')
const movesArg = argv.indexOf('--moves')
const MOVES = movesArg >= 0 ? Number(argv[movesArg + 1]) : 100_000
const REPEATS = quick ? 5 : 20
const onPostgres = !argv.includes('--no-postgres')
const peers = !argv.includes('--no-peers')

const work = mkdtempSync(join(tmpdir(), 'ballonfahrt-cold-'))
const notes: string[] = []
let postgres: PgServer | null = null
let redis: RedisServer | null = null
let admin: pg.Client | null = null
const time = async <T,>(what: string, f: () => Promise<T>): Promise<T> => {
  const start = performance.now()
  const result = await f()
  console.error(`${what}: ${((performance.now() - start) / 1000).toFixed(1)} s`)
  return result
}

try {
  const history = await coldHistory(MOVES, argv.includes('--fresh'))
  const { boardId, ours, oursDuring, ldbRaw, hocus, entries } = history
  notes.push(...history.notes)
  notes.push(
    'Ours is measured as storage holds the board once its meeting is over (the server renews a board nobody is connected to before it leaves memory: model/renewal.ts) and, in the rows "as stored during the meeting", as it holds it while the meeting goes on or after a crash in it (loaded then, it is renewed when it next leaves memory).',
    `First sync: from creating a stock y-websocket provider (connect, handshake, auth, load, sync) until it is synced and its doc holds all ${BOARD_NOTES} notes; the server process is new for every repeat (copied storage, started, /healthz answered).`,
  )

  // The floor under any first sync: a client has to decode the whole state, whoever serves it.
  const decodeOf = (dir: string): number[] => {
    const decode: number[] = []
    const db = new Database(join(dir, 'ballonfahrt.sqlite'), { readonly: true })
    const snapshot = db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE board = ?').get(boardId)
    const tail = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board = ? ORDER BY seq').all(boardId)
    db.close()
    // As plain Uint8Arrays, as the store hands them over (decoding a Buffer is much slower:
    // every subarray is a Buffer).
    const updates = [...(snapshot ? [snapshot.data] : []), ...tail.map((row) => row.data)].map((b) => new Uint8Array(b))
    for (let i = 0; i < (quick ? 4 : 8); i++) {
      const doc = new Y.Doc()
      const start = performance.now()
      for (const update of updates) Y.applyUpdate(doc, update)
      if (i > 0) decode.push(performance.now() - start)
      doc.destroy()
    }
    return decode
  }
  const decode = decodeOf(ours)
  const decodeDuring = decodeOf(oursDuring)

  const profDir = join(tmpdir(), 'ballonfahrt-profiles')
  if (cpuProf) rmSync(profDir, { recursive: true, force: true })
  // Ours as production runs it (the Dockerfile's CMD): the bundle, built from this working tree
  // (through tsx every start would first compile the TypeScript).
  const ourArgs = [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--enable-source-maps', ...buildServer()]
  const ywsArgs = [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), packageFile('@y/websocket-server/utils', 'server.js')]

  /** A server started for one cold run: how to time a first sync on it, how to stop it. */
  interface Started {
    readonly pid: number | undefined
    readonly started: ServerProcess['started']
    first(): Promise<FirstSyncTiming>
    stop(): Promise<void>
  }
  const started = (p: ServerProcess, first: () => Promise<FirstSyncTiming>): Started => ({ pid: p.child.pid, started: p.started, first, stop: () => p.stop() })
  const untimedParts = (total: number): FirstSyncTiming => ({ total, arrived: Number.NaN, decode: Number.NaN, decodeCpu: Number.NaN, serverCpu: Number.NaN })
  const ours_ = (p: ServerProcess) => started(p, () => timeFirstSync(`ws://127.0.0.1:${p.port}/ws`, boardId, BOARD_NOTES, participantSecret(), p.child.pid))

  /**
   * One cold start on a fresh copy of `source`: start, time the first client, then a second.
   * Also the CPU time the server process spent on the first sync (from /proc): the machine is
   * shared, so wall time varies with everybody else's load, CPU time much less.
   */
  const coldRun = async (source: string, start: (dir: string) => Promise<Started>) => {
    const dir = join(work, 'run')
    rmSync(dir, { recursive: true, force: true })
    cpSync(source, dir, { recursive: true })
    const server = await start(dir)
    try {
      const cpuBefore = cpuSeconds(server.pid)
      const cold = await server.first()
      const serverCpu = (cpuSeconds(server.pid) - cpuBefore) * 1000
      const warm = await server.first()
      return { cold, warm: warm.total, serverCpu, started: server.started, load: loadavg()[0] ?? 0 }
    } finally {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const startOurs = async (dir: string) => ours_(await startProcess(ourArgs, { DATA_DIR: dir, COMPACT_AFTER: String(COMPACT_AFTER) }, '/healthz'))
  // PostgreSQL: the history copied once into a template database, cloned for every repeat.
  if (onPostgres) {
    postgres = await startPostgres()
    redis = await startRedis()
    const template = await postgres.createDatabase('cold_template')
    const copied = await time('copy into PostgreSQL (migrate:postgres)', () => copyToPostgres(ours, template))
    await copyToPostgres(oursDuring, await postgres.createDatabase('cold_template_during'))
    notes.push(`PostgreSQL: the same storage copied by the migration command's code (${copied.updates} log entries, ${copied.snapshots} snapshots, every doc checked); each repeat starts the server on a fresh clone of that database (CREATE DATABASE … TEMPLATE), PostgreSQL ${execFileSync('/bin/sh', ['-c', 'ls /usr/lib/postgresql | sort -n | tail -1'], { encoding: 'utf8' }).trim()} with fsync on, on this machine.`)
    admin = new pg.Client({ connectionString: postgres.url() })
    admin.on('error', () => {})
    await admin.connect()
    mkdirSync(join(work, 'empty'))
  }
  const onPostgresFrom = (template: string) => async (dir: string) => {
    await admin!.query('DROP DATABASE IF EXISTS cold_run WITH (FORCE)')
    await admin!.query(`CREATE DATABASE cold_run TEMPLATE ${template}`)
    const env = { DATA_DIR: dir, COMPACT_AFTER: String(COMPACT_AFTER), DATABASE_URL: postgres!.url('cold_run'), REDIS_URL: redis!.url }
    return ours_(await startProcess(ourArgs, env, '/healthz'))
  }
  const startYws = async (dir: string) => {
    const p = await startProcess(ywsArgs, { YPERSISTENCE: dir }, '/')
    return started(p, () => timeFirstSync(`ws://127.0.0.1:${p.port}`, boardId, BOARD_NOTES, null, p.child.pid))
  }
  const startHocus = async (dir: string) => {
    const p = await startProcess([HOCUSPOCUS_SERVER], { DB: join(dir, 'db.sqlite') }, '/')
    return started(p, async () => untimedParts(await timeHocuspocusFirstSync(`ws://127.0.0.1:${p.port}`, HOCUSPOCUS_DOC, BOARD_NOTES)))
  }

  // y-leveldb merges a log of more than 500 entries when it loads it: one load gives that state.
  const ldbMerged = join(work, 'leveldb-merged')
  if (peers) {
    await time('y-leveldb first load (merges the log)', () => coldRun(ldbRaw, async (dir) => {
      const s = await startYws(dir)
      return { ...s, stop: async () => {
        await s.stop()
        cpSync(dir, ldbMerged, { recursive: true })
      } }
    }))
  }

  /** Per server, one entry per repeat: the first sync in parts, the second client, the start. */
  const newSeries = () => ({ cold: [] as number[], warm: [] as number[], cpu: [] as number[], arrived: [] as number[], decode: [] as number[], decodeCpu: [] as number[], answerCpu: [] as number[], startWall: [] as number[], startCpu: [] as number[] })
  const series = { ours: newSeries(), oursPg: newSeries(), oursDuring: newSeries(), oursDuringPg: newSeries(), ldbRaw: newSeries(), ldbMerged: newSeries(), hocus: newSeries() }
  const peerRepeats = peers ? (quick ? 3 : 10) : 0
  const loads: number[] = []
  for (let r = 0; r < REPEATS; r++) {
    const run = async (key: keyof typeof series, source: string, start: Parameters<typeof coldRun>[1]) => {
      const { cold, warm, serverCpu, started, load } = await coldRun(source, start)
      const to = series[key]
      to.cold.push(cold.total)
      to.arrived.push(cold.arrived)
      to.decode.push(cold.decode)
      to.decodeCpu.push(cold.decodeCpu)
      to.answerCpu.push(cold.serverCpu)
      to.warm.push(warm)
      to.cpu.push(serverCpu)
      to.startWall.push(started.wall)
      to.startCpu.push(started.cpu)
      loads.push(load)
    }
    await run('ours', ours, startOurs)
    if (onPostgres) await run('oursPg', join(work, 'empty'), onPostgresFrom('cold_template'))
    await run('oursDuring', oursDuring, startOurs)
    if (onPostgres) await run('oursDuringPg', join(work, 'empty'), onPostgresFrom('cold_template_during'))
    if (r < peerRepeats) {
      await run('ldbRaw', ldbRaw, startYws)
      await run('ldbMerged', ldbMerged, startYws)
      await run('hocus', hocus, startHocus)
    }
    const last = (x: ReturnType<typeof newSeries>) => `${x.cold.at(-1)!.toFixed(0)} ms (arrived ${x.arrived.at(-1)!.toFixed(0)}, server CPU ${x.answerCpu.at(-1)!.toFixed(0)}; client decode ${x.decode.at(-1)!.toFixed(0)}, CPU ${x.decodeCpu.at(-1)!.toFixed(0)})`
    console.error(`repeat ${r + 1}/${REPEATS}, load ${loadavg()[0]!.toFixed(1)}: ours ${last(series.ours)}${onPostgres ? `, on PostgreSQL ${last(series.oursPg)}` : ''}; stored during the meeting ${last(series.oursDuring)}${onPostgres ? `, on PostgreSQL ${last(series.oursDuringPg)}` : ''}`)
  }

  const p95 = (xs: number[]) => (xs.length ? [quantile(xs, 0.95)] : [])
  function partFigures(): Figure[] {
    const parts: Array<[keyof ReturnType<typeof newSeries>, string]> = [
      ['arrived', 'first sync, part 1: until the whole state arrived at the client (connect, auth, load, answer)'],
      ['answerCpu', 'first sync, part 1: server CPU time until then (/proc)'],
      ['decode', 'first sync, part 2: the client applying the whole state (stock y-websocket provider)'],
      ['decodeCpu', 'first sync, part 2: CPU time of the client process meanwhile'],
      ['startWall', 'server start: new process until /healthz answered (before the first sync)'],
      ['startCpu', 'server start: CPU time of the server process until then'],
    ]
    const finite = (xs: number[]) => xs.filter(Number.isFinite)
    return parts.map(([key, name]) => ({
      name,
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: finite(series.ours[key]), [PG]: finite(series.oursPg[key]), [DURING]: finite(series.oursDuring[key]), [DURING_PG]: finite(series.oursDuringPg[key]), 'y-websocket-server+leveldb': finite(series.ldbMerged[key]), 'hocuspocus+sqlite': finite(series.hocus[key]) },
    }))
  }
  const PG = 'ballonfahrt (PostgreSQL)'
  const DURING = 'ballonfahrt, as stored during the meeting'
  const DURING_PG = 'ballonfahrt (PostgreSQL), as stored during the meeting'
  const figures: Figure[] = [
    {
      name: `first sync after cold start, p95 over ${REPEATS} (peers ${peerRepeats}) restarts`,
      unit: 'ms',
      goal: '≤ 350',
      better: 'lower',
      values: { ballonfahrt: p95(series.ours.cold), [PG]: p95(series.oursPg.cold), 'y-websocket-server+leveldb': p95(series.ldbMerged.cold), 'hocuspocus+sqlite': p95(series.hocus.cold) },
    },
    // The goal holds for each store: the same figure with ours on PostgreSQL in the "ours" place.
    {
      name: `first sync after cold start from PostgreSQL (cluster mode), p95 over ${REPEATS} restarts`,
      unit: 'ms',
      goal: '≤ 350',
      better: 'lower',
      values: { ballonfahrt: p95(series.oursPg.cold) },
    },
    // A board loaded while its meeting goes on, or after a crash in it, is not yet renewed.
    {
      name: `first sync after cold start, the board as stored during the meeting (not yet renewed), p95 over ${REPEATS} restarts`,
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: p95(series.oursDuring.cold), [PG]: p95(series.oursDuringPg.cold) },
    },
    {
      name: 'first sync after cold start, each restart',
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: series.ours.cold, [PG]: series.oursPg.cold, [DURING]: series.oursDuring.cold, [DURING_PG]: series.oursDuringPg.cold, 'y-websocket-server+leveldb': series.ldbMerged.cold, 'hocuspocus+sqlite': series.hocus.cold },
    },
    {
      name: `first sync after cold start, y-leveldb log as written (${entries} entries, not yet merged)`,
      unit: 'ms',
      better: 'lower',
      values: { 'y-websocket-server+leveldb': series.ldbRaw.cold },
    },
    {
      name: 'server CPU time during the first sync (after start, /proc)',
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: series.ours.cpu, [PG]: series.oursPg.cpu, 'y-websocket-server+leveldb': series.ldbMerged.cpu, 'hocuspocus+sqlite': series.hocus.cpu },
    },
    // The first sync in parts: where the time goes, and whose CPU it is.
    ...partFigures(),
    {
      name: 'decoding the stored state into a fresh doc (Node, no network, first of each run left out)',
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: decode, [DURING]: decodeDuring },
    },
    {
      // Joins right after the first: on a cold start the server may still be decoding then (its
      // decode starts once the first joiner was answered), and this client waits for it.
      name: 'second client, board already loaded',
      unit: 'ms',
      better: 'lower',
      values: { ballonfahrt: series.ours.warm, [PG]: series.oursPg.warm, 'y-websocket-server+leveldb': series.ldbMerged.warm, 'hocuspocus+sqlite': series.hocus.warm },
    },
  ]
  // Ours runs from the working tree: say when that is not a commit.
  const dirty = execFileSync('git', ['status', '--short', '--', 'server', 'model', 'protocol'], { encoding: 'utf8' }).trim()
  notes.push(`Server code: ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}${dirty ? ` plus uncommitted changes (${dirty.split('\n').map((l) => l.trim()).join(', ')})` : ''}.`)
  notes.push(
    'Ours runs as the Dockerfile runs it: the server bundle (scripts/build-server.mjs, built from the same tree at the start of the run), not through tsx.',
    'Parts of the first sync: part 1 ends when the sync message that brought the notes arrives at the client (the server CPU read from /proc at that moment); part 2 is the stock provider applying that message in the bench process (its CPU from process.cpuUsage, which counts that process\'s GC threads too). Our server decodes its own copy 20 ms after answering (server/storedDoc.ts), so during part 2, on the same two cores.',
  )
  notes.push(
    `Load average (1 min) during the repeats: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores (the machine is shared): wall times include waiting for a core; the server CPU row does not.`,
  )
  notes.push(
    `y-websocket-server+leveldb: in the first rows its storage is what y-leveldb leaves after one load (it merges a log longer than 500 entries into one update when loading); the row "as written" is the log of ${entries} single updates, before any load.`,
    'y-websocket-server answers sync step 1 before y-leveldb has loaded the doc and sends the content afterwards as an update; the figure waits for the content, not for the first (empty) sync.',
    'hocuspocus+sqlite: its SQLite extension stores one merged state per document (written on change, debounced); we wrote the final state of the same history, as it would have stored it.',
  )
  if (cpuProf) {
    // What the servers spent their time on: the main-thread profile of each process, largest first.
    const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(profDir, f))
    const main = files.filter((f) => /\.0\.\d+\.cpuprofile$/.test(f)).sort((a, b) => statSync(b).size - statSync(a).size)
    for (const file of main.slice(0, 2)) {
      console.error(`\n${file}\n${topFunctions(file, 12).join('\n')}\n${hotStacks(file, 6).join('\n')}`)
    }
  }
  writeResult('coldLoad', {
    scenario: 'coldLoad',
    title: 'Cold load: 500 notes, 100,000 past moves',
    command: `npx tsx bench/coldLoad.mts${argv.length ? ` ${argv.join(' ')}` : ''}`,
    date: new Date().toISOString(),
    machine: machine(),
    figures,
    notes,
  })
} finally {
  await admin?.end().catch(() => {})
  await redis?.destroy()
  await postgres?.destroy()
  rmSync(work, { recursive: true, force: true })
}
