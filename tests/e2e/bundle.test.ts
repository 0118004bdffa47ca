import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { initialJs } from '../../bench/lib/chromium-bundle'

const dist = join(process.cwd(), 'dist/client')

describe('the built client', () => {
  it('keeps the initial JavaScript under 150 KB gzip', () => {
    const { files, gzipBytes } = initialJs(dist)
    expect(files.length).toBeGreaterThan(0)
    console.log(`initial JS: ${(gzipBytes / 1024).toFixed(1)} KB gzip in ${files.length} file(s)`)
    expect(gzipBytes).toBeLessThanOrEqual(150 * 1024)
  })

  it('has no inline script, so the CSP needs no exception', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})
