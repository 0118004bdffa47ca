// Installs the benchmark peers (bench/package.json: Hocuspocus, @y/websocket-server, y-leveldb,
// sqlite3) with `npm --prefix bench ci` when they are missing or older than bench's lockfile.
// The product's own install never builds them; the bench scripts and `npm test` (whose
// benchmark smoke test runs a peer) call this first.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bench = fileURLToPath(new URL('..', import.meta.url))
const installed = `${bench}node_modules/.package-lock.json`
const lock = `${bench}package-lock.json`
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('Installing the benchmark peers: npm --prefix bench ci')
  execFileSync('npm', ['--prefix', bench, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' })
}
