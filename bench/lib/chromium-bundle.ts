import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Scripts the landing page loads before it can run: the entry and what it preloads. */
export function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]
  return sources.map((m) => m[1]!)
}

/** The initial JavaScript of a built client: its files and their gzip size in bytes together. */
export function initialJs(dist: string): { files: string[]; gzipBytes: number } {
  const files = initialScripts(dist)
  const gzipBytes = files.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0)
  return { files, gzipBytes }
}
