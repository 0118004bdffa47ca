/**
 * The benchmark runner: every scenario against ours and the peers with the same generator, in
 * the same run, repeated; writes bench/results/<scenario>.md/.json and the summary README.md.
 *
 *   npm run bench                       quick set: 3 short timed windows on one process per server
 *   npm run bench:full                  5 longer repeats, each on a fresh server process
 *   npx tsx bench/run.mts --only=fanout,presence --servers=ballonfahrt,y-websocket-server
 *
 * Options: --quick (default) | --full, --repeats=N (server processes), --windows=N (timed windows
 * per process), --only=<ids>, --servers=<names>,
 * --sizes=50,200 (fan-out), --seconds=N (timed window), --no-others (skip the other scripts),
 * --out=<dir> (default bench/results).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Pool } from './load/pool'
import { killAll } from './lib/proc'
import { SERVERS, machine, scenarioMarkdown, shapeProblems } from './lib/results'
import type { Figure, ScenarioResult, ServerName } from './lib/results'
import { summaryMarkdown } from './lib/summary'
import { startServer } from './peers/servers'
import { fanout } from './scenarios/fanout'
import { joinStorm } from './scenarios/joinStorm'
import { manyBoards } from './scenarios/manyBoards'
import { presence } from './scenarios/presence'
import type { Scenario } from './scenarios/types'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=')
    return [k!, v ?? 'true'] as const
  }),
)
const quick = !args.has('full')
const repeats = Number(args.get('repeats') ?? (quick ? 1 : 5))
const windows = Number(args.get('windows') ?? (quick ? 3 : 1))
const servers = (args.get('servers')?.split(',') ?? [...SERVERS]) as ServerName[]
const seconds = args.has('seconds') ? Number(args.get('seconds')) : undefined
const sizes = args.get('sizes')?.split(',').map(Number)
const outDir = args.get('out') ?? join(root, 'bench', 'results')
const extra = process.argv.slice(2).filter((a) => a !== '--full' && a !== '--quick')
const command = `npm run ${quick ? 'bench' : 'bench:full'}${extra.length ? ` -- ${extra.join(' ')}` : ''}`

const all: Scenario[] = [fanout(sizes, seconds), presence(seconds), manyBoards(seconds, args.has('rate') ? Number(args.get('rate')) : undefined, args.has('boards') ? Number(args.get('boards')) : undefined), joinStorm()]
const only = args.get('only')?.split(',')
const scenarios = only ? all.filter((s) => only.includes(s.id)) : all
for (const s of servers) if (!SERVERS.includes(s)) throw new Error(`unknown server ${s}`)

const started = Date.now()
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)
mkdirSync(outDir, { recursive: true })

const pool = await Pool.start(Number(args.get('generators') ?? 3))
const results: ScenarioResult[] = []
try {
  for (const scenario of scenarios) {
    log(`${scenario.title}: ${repeats} run(s) × ${windows} window(s) × ${servers.join(', ')}`)
    await scenario.prepare?.(quick, servers)
    const values = new Map<string, Map<string, number[]>>()
    const failures: string[] = []
    const startedAt = new Date().toISOString()
    // Servers take turns within each repeat, so that changes in the shared machine's load
    // fall on all of them alike.
    for (let r = 0; r < repeats; r++) {
      for (const name of servers) {
        const server = await startServer(name)
        try {
          const fail = (m: string) => {
            failures.push(`${name} run ${r + 1}: ${m}`)
            log(`  FAILED ${name} #${r + 1} ${m}`)
          }
          const out = await scenario.run({ pool, server, quick, windows, log: (m) => log(`  ${name} #${r + 1} ${m}`), fail })
          for (const [figure, v] of Object.entries(out)) {
            const perServer = values.get(figure) ?? new Map<string, number[]>()
            values.set(figure, perServer)
            perServer.set(name, [...(perServer.get(name) ?? []), ...v])
          }
        } catch (error) {
          const message = `${name} repeat ${r + 1}: ${error instanceof Error ? error.message : String(error)}`
          failures.push(message)
          log(`  FAILED ${message}`)
        } finally {
          if (server.errors.length) log(`  ${name} stderr: ${server.errors.slice(0, 3).join(' | ').slice(0, 300)}`)
          await server.stop()
        }
      }
    }
    let figures: Figure[] = scenario.figures.map((spec) => ({
      ...spec,
      values: Object.fromEntries(
        [...(values.get(spec.name) ?? new Map<string, number[]>())]
          .map(([s, v]): [string, number[]] => [s, v.filter(Number.isFinite)])
          .filter(([, v]) => v.length > 0),
      ),
    }))
    figures = scenario.judge?.(figures) ?? figures
    const result: ScenarioResult = {
      scenario: scenario.id,
      title: scenario.title,
      command,
      date: startedAt,
      machine: machine(),
      figures,
      notes: [
        ...scenario.notes(quick),
        `${repeats} run(s) per server × ${windows} timed window(s) each = ${repeats * windows} values per figure and server; every run on a freshly started server process with an empty data directory; servers in turn within each repeat.`,
        ...failures.map((f) => `FAILED: ${f}`),
      ],
    }
    results.push(result)
    writeFileSync(join(outDir, `${scenario.id}.json`), JSON.stringify(result, null, 2) + '\n')
    writeFileSync(join(outDir, `${scenario.id}.md`), scenarioMarkdown(result))
    console.log('\n' + scenarioMarkdown(result))
  }
} finally {
  await pool.stop()
}

// The other benchmark scripts (cold load, memory, client) run after ours, one at a time, each
// writing its own bench/results/<name>.json in the same shape.
const others = ['coldLoad', 'memory', 'client']
if (!args.has('no-others') && !only) {
  for (const name of others) {
    const script = join(root, 'bench', `${name}.mts`)
    if (!existsSync(script)) {
      log(`${name}: bench/${name}.mts not present, skipped`)
      continue
    }
    log(`${name}: running bench/${name}.mts${quick ? ' --quick' : ''}`)
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...(quick ? ['--quick'] : [])], { cwd: root, stdio: 'inherit', timeout: 15 * 60_000 })
    if (run.status !== 0) log(`${name}: exited with ${run.status ?? run.signal}`)
  }
}
const summary: ScenarioResult[] = []
for (const id of [...all.map((s) => s.id), ...others]) {
  const file = join(outDir, `${id}.json`)
  if (!existsSync(file)) continue
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const problems = shapeProblems(parsed)
    if (problems.length) log(`${id}.json: not in the shared shape (${problems.join('; ')}), left out of the summary`)
    else summary.push(parsed as ScenarioResult)
  } catch (error) {
    log(`${id}.json: unreadable (${String(error)})`)
  }
}
writeFileSync(join(outDir, 'README.md'), summaryMarkdown(summary, { command, fresh: results.map((r) => r.scenario), seconds: (Date.now() - started) / 1000 }))
log(`summary written to ${join(outDir, 'README.md')} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
killAll()
