// `npm start`: the one command for a newcomer. Builds client and server when there is no build
// or the sources changed since (`npm run build`), then runs the built server in this process,
// as `npm run serve` does. Where only the build is installed (no sources, as in the container),
// it just runs it.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const server = join(root, 'dist', 'server', 'index.js')
const client = join(root, 'dist', 'client', 'index.html')
const SOURCES = ['client', 'server', 'model', 'protocol', 'scripts', 'vite.config.ts', 'package-lock.json']

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs)
}

function buildNeeded() {
  if (!existsSync(server) || !existsSync(client)) return 'there is no build yet'
  const built = Math.min(statSync(server).mtimeMs, statSync(client).mtimeMs)
  const changed = SOURCES.find((source) => newest(join(root, source)) > built)
  return changed ? `${changed} changed since the last build` : null
}

const why = buildNeeded()
if (why) {
  if (!existsSync(join(root, 'node_modules', 'vite'))) {
    console.error(`Cannot build (${why}): the build tools are not installed. Run \`npm ci\` (with dev dependencies) and \`npm run build\`.`)
    process.exit(1)
  }
  console.error(`Building (${why}): npm run build`)
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
await import(pathToFileURL(server).href)
