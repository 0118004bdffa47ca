// Smoke test for another Node version: `npm run serve` starts, answers /healthz and creates a
// board, then stops on SIGTERM. Run from the project root; exits non-zero on any failure.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-smoke-'))
const server = spawn('npm', ['run', '--silent', 'serve'], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
})
const fail = (why) => {
  console.error(`smoke: ${why}`)
  try {
    process.kill(-server.pid, 'SIGKILL')
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true })
  process.exit(1)
}
const timer = setTimeout(() => fail('server did not start within 60 s'), 60_000)

let buffer = ''
const port = await new Promise((resolve) => {
  server.stdout.on('data', (chunk) => {
    buffer += chunk
    for (const line of buffer.split('\n')) {
      try {
        const entry = JSON.parse(line)
        if (entry.event === 'server.listening') resolve(entry.port)
      } catch {
        // not a log line (yet): wait for more
      }
    }
  })
  server.on('exit', (code) => fail(`server exited with ${code}`))
})
clearTimeout(timer)

const base = `http://127.0.0.1:${port}`
const health = await fetch(`${base}/healthz`)
if (health.status !== 200) fail(`/healthz answered ${health.status}`)
const created = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Smoke"}' })
if (created.status !== 201) fail(`POST /api/boards answered ${created.status}`)
const { boardId } = await created.json()
if (typeof boardId !== 'string') fail('no boardId')
server.removeAllListeners('exit')
process.kill(-server.pid, 'SIGTERM')
await new Promise((resolve) => server.on('exit', resolve))
rmSync(dataDir, { recursive: true, force: true })
console.log(`smoke: node ${process.version}: server started on ${base}, /healthz 200, board created, stopped`)
