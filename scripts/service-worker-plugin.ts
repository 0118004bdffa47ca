import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin, Rollup } from 'vite'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

const WORKER_SOURCE = new URL('../client/offline/serviceWorker.js', import.meta.url)

/** The entry chunks and everything they import statically: what the first screen needs. */
export function firstScreenFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk')
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const files = new Set<string>()
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || files.has(chunk.fileName)) return
    files.add(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css)
    for (const name of chunk.imports) visit(byName.get(name))
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk)
  return [...files].sort()
}

/** The text of /sw.js: the version and the list to precache, then the worker itself. */
export function serviceWorkerText(precache: readonly string[], worker: string, unhashed: readonly Buffer[] = []): string {
  const hash = createHash('sha256').update(JSON.stringify(precache)).update(worker)
  for (const content of unhashed) hash.update(content)
  const version = hash.digest('hex').slice(0, 16)
  return `const VERSION = ${JSON.stringify(version)}\nconst PRECACHE = ${JSON.stringify(precache)}\n${worker}`
}

/**
 * Writes /sw.js into the build: precaches the page ('/'), the public files and the first screen's
 * chunks. Hashed names in the list (and the public files' contents) make the version change whenever the app
 * does, and the browser installs the new worker.
 */
export function offlineApp(): Plugin {
  let publicDir = ''
  return {
    name: 'ballonfahrt:offline-app',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir
    },
    generateBundle(_options, bundle) {
      const publicFiles = publicDir ? readdirSync(publicDir) : []
      const precache = ['/', ...publicFiles.map((name) => `/${name}`), ...firstScreenFiles(bundle).map((f) => `/${f}`)]
      // Public files keep their names across builds: their contents go into the version.
      const unhashed = publicFiles.map((name) => readFileSync(join(publicDir, name)))
      const worker = readFileSync(WORKER_SOURCE, 'utf8')
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerText(precache, worker, unhashed) })
    },
  }
}
