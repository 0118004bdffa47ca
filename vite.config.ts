import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig } from 'vite'
import type { Plugin } from 'vite'
import { offlineApp } from './scripts/service-worker-plugin'

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest', '.ico', '.map'])
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text file
 * of the build, where it is smaller: compressed once at build time at the highest level instead of
 * on every request at a fast one (server/static.ts picks the variant by Accept-Encoding).
 */
function precompressDir(dir: string): { files: number; bytes: number; br: number; gz: number } {
  const total = { files: 0, bytes: 0, br: 0, gz: 0 }
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, entry)
    if (!COMPRESSIBLE.has(extname(file)) || !statSync(file).isFile()) continue
    const data = readFileSync(file)
    if (data.length < MIN_BYTES) continue
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    })
    const gz = gzipSync(data, { level: 9 })
    total.files++
    total.bytes += data.length
    total.br += Math.min(br.length, data.length)
    total.gz += Math.min(gz.length, data.length)
    if (br.length < data.length) writeFileSync(`${file}.br`, br)
    if (gz.length < data.length) writeFileSync(`${file}.gz`, gz)
  }
  return total
}

/** The Vite plugin: precompresses the output directory once the bundle is written. */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'ballonfahrt:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    closeBundle() {
      const t = precompressDir(outDir)
      const kb = (n: number) => `${Math.round(n / 1024)} KB`
      this.info(`precompressed ${t.files} files: ${kb(t.bytes)} -> brotli ${kb(t.br)}, gzip ${kb(t.gz)}`)
    },
  }
}

// The SPA lives in client/; the server serves dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react(), offlineApp(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('dist/client', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: URLs, so the strict CSP (default-src 'self') holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
