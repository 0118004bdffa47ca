import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { shapeProblems } from '../../bench/lib/results'
import type { ScenarioResult } from '../../bench/lib/results'

const out = mkdtempSync(join(tmpdir(), 'bench-harness-'))

afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Runs the real benchmark runner (its own server processes, forked generators) to the end. */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('bench/run.mts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 55_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      done({ code, output })
    })
  })
}

describe('benchmark harness', () => {
  it('runs a tiny fan-out against ours and the in-memory relay: every reader gets every update', async () => {
    const { code, output } = await runBench([
      '--only=fanout', '--sizes=5', '--seconds=2', '--repeats=1', '--windows=1', '--servers=ballonfahrt,y-websocket-server', `--out=${out}`,
    ])
    expect(code, output).toBe(0)
    const result = JSON.parse(readFileSync(join(out, 'fanout.json'), 'utf8')) as ScenarioResult
    expect(shapeProblems(result)).toEqual([])
    expect(result.scenario).toBe('fanout')
    const figure = (name: string) => result.figures.find((f) => f.name === name)
    // Both servers ran; nothing missing at either, after the drain.
    expect(figure('updates not delivered, 5 readers')?.values).toEqual({ ballonfahrt: [0], 'y-websocket-server': [0] })
    for (const server of ['ballonfahrt', 'y-websocket-server']) {
      const p99 = figure('p99 send→receive, 5 readers')!.values[server]![0]!
      const p50 = figure('p50 send→receive, 5 readers')!.values[server]![0]!
      expect(p50).toBeGreaterThan(0)
      expect(p99).toBeGreaterThanOrEqual(p50)
      expect(p99).toBeLessThan(10_000)
    }
    // Ours acknowledged the writer's updates (committed before the ack).
    expect(figure('p99 send→ack (ours), 5 readers')?.values.ballonfahrt?.[0]).toBeGreaterThan(0)
    // One line per server in the log: the writer sent about 20 updates a second for 2 s.
    const sent = [...output.matchAll(/fan-out 5: sent (\d+)/g)].map((m) => Number(m[1]))
    expect(sent).toHaveLength(2)
    for (const n of sent) expect(n).toBeGreaterThanOrEqual(30)
    const table = readFileSync(join(out, 'fanout.md'), 'utf8')
    expect(table).toContain('| p99 send→receive, 5 readers | ms |')
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('ours/y-websocket-server')
  }, 60_000)
})
