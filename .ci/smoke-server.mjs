// Smoke test of a server command (default `npm run serve`): it starts, answers /healthz, serves
// the page compressed, creates a board and exports it as DOCX (a run-time dependency), then stops
// on SIGTERM. Run from the folder to test; exits non-zero on any failure.
//   node .ci/smoke-server.mjs [--healthcheck] [--backup] [-- <command> <args…>]
// --healthcheck also runs the container's HEALTHCHECK command (node dist/server/healthcheck.js);
// --backup runs `npm run backup` against the running server's data.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const argv = process.argv.slice(2)
const dash = argv.indexOf('--')
const flags = dash === -1 ? argv : argv.slice(0, dash)
const command = dash === -1 ? ['npm', 'run', '--silent', 'serve'] : argv.slice(dash + 1)
const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-smoke-'))
const server = spawn(command[0], command.slice(1), {
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
const page = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } })
if (page.status !== 200 || page.headers.get('content-encoding') !== 'br') fail(`GET / answered ${page.status} ${page.headers.get('content-encoding')}`)
const created = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Smoke"}' })
if (created.status !== 201) fail(`POST /api/boards answered ${created.status}`)
const { boardId, moderatorToken } = await created.json()
if (typeof boardId !== 'string') fail('no boardId')
const docx = await fetch(`${base}/api/boards/${boardId}/export.docx`, { headers: { authorization: `Bearer ${moderatorToken}` } })
if (docx.status !== 200 || (await docx.arrayBuffer()).byteLength < 1000) fail(`DOCX export answered ${docx.status}`)
const done = ['/healthz 200', 'page (br)', 'board created', 'DOCX']
const run = (cmd, args, env) => spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8' })
if (flags.includes('--healthcheck')) {
  const check = run('node', ['dist/server/healthcheck.js'], { PORT: String(port) })
  if (check.status !== 0) fail(`healthcheck exited ${check.status}: ${check.stderr}`)
  done.push('HEALTHCHECK 0')
}
if (flags.includes('--backup')) {
  const target = join(dataDir, 'backup')
  const backup = run('npm', ['run', '--silent', 'backup', '--', target], { DATA_DIR: dataDir })
  if (backup.status !== 0 || !existsSync(join(target, 'ballonfahrt.sqlite'))) fail(`npm run backup exited ${backup.status}: ${backup.stderr}`)
  done.push('backup')
}
server.removeAllListeners('exit')
process.kill(-server.pid, 'SIGTERM')
await new Promise((resolve) => server.on('exit', resolve))
if (flags.includes('--healthcheck')) {
  const after = run('node', ['dist/server/healthcheck.js'], { PORT: String(port) })
  if (after.status === 0) fail('healthcheck passed with the server stopped')
}
rmSync(dataDir, { recursive: true, force: true })
console.log(`smoke: node ${process.version}: \`${command.join(' ')}\` on ${base}: ${done.join(', ')}, stopped`)
