import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const dist = join(process.cwd(), 'dist/client')

/** Scripts the landing page loads before it can run: the entry and what it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)]
  return sources.map((m) => m[1]!)
}

describe('the built client', () => {
  it('keeps the initial JavaScript under 150 KB gzip', () => {
    const scripts = initialScripts()
    expect(scripts.length).toBeGreaterThan(0)
    const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0)
    console.log(`initial JS: ${(bytes / 1024).toFixed(1)} KB gzip in ${scripts.length} file(s)`)
    expect(bytes).toBeLessThanOrEqual(150 * 1024)
  })

  it('has no inline script, so the CSP needs no exception', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
