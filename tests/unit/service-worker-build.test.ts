import { describe, expect, it } from 'vitest'
import { serviceWorkerText } from '../../scripts/service-worker-plugin'

const version = (text: string) => /^const VERSION = "([0-9a-f]+)"$/m.exec(text)?.[1]

describe('the service worker the build writes', () => {
  const precache = ['/', '/theme-boot.js', '/assets/index-abc.js']

  it('starts with its version and the files to keep, then the worker', () => {
    const text = serviceWorkerText(precache, '// worker', [Buffer.from('boot')])
    expect(version(text)).toMatch(/^[0-9a-f]{16}$/)
    expect(text).toContain(`const PRECACHE = ${JSON.stringify(precache)}`)
    expect(text.endsWith('// worker')).toBe(true)
  })

  it('gets a new version when a file, the worker or a public file changes, and only then', () => {
    const base = version(serviceWorkerText(precache, '// worker', [Buffer.from('boot')]))
    expect(version(serviceWorkerText(precache, '// worker', [Buffer.from('boot')]))).toBe(base)
    expect(version(serviceWorkerText([...precache, '/assets/x.js'], '// worker', [Buffer.from('boot')]))).not.toBe(base)
    expect(version(serviceWorkerText(precache, '// worker 2', [Buffer.from('boot')]))).not.toBe(base)
    expect(version(serviceWorkerText(precache, '// worker', [Buffer.from('boot 2')]))).not.toBe(base)
  })
})
