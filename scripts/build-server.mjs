// Bundles the server into plain JavaScript in dist/server, so that production runs it with
// `node` alone: no TypeScript loader, no build step at start. Packages stay external (they are
// installed by `npm ci --omit=dev`); the example board is copied beside the bundle, where
// server/exports.ts reads it.
import { build } from 'esbuild'
import { cpSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}dist/server`
/** The server and the commands an operator runs beside it. */
const ENTRIES = ['index', 'backup', 'restore', 'healthcheck', 'migrate-postgres']

rmSync(out, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRIES.map((name) => `server/${name}.ts`),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22.12',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
})
cpSync(`${root}server/demo`, `${out}/demo`, { recursive: true })
const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, o]) => `${file.replace(/^dist\/server\//, '')} ${Math.round(o.bytes / 1024)} KB`)
console.log(`server bundled into dist/server: ${bytes.join(', ')}`)
