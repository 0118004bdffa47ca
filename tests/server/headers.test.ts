import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer
// A client folder of its own, so the test does not depend on (or race with) `vite build`.
const clientDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-client-'))

beforeAll(async () => {
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Ballonfahrt</title><script type="module" src="/assets/app-1234.js"></script>')
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'assets/app-1234.js'), 'console.log(1)\n')
  server = await startTestServer({ clientDir })
})

afterAll(async () => {
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), values)
  }
  return map
}

function expectSafeHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy')
  expect(csp, `${what}: CSP`).toBeTruthy()
  const policy = directives(csp!)
  expect(policy.get('default-src'), `${what}: default-src`).toEqual(["'self'"])
  expect(policy.get('script-src'), `${what}: script-src`).toEqual(["'self'"])
  expect(policy.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"])
  expect(policy.get('object-src'), `${what}: object-src`).toEqual(["'none'"])
  const connect = policy.get('connect-src')
  expect(connect, `${what}: connect-src`).toBeDefined()
  // Websockets only to this server, not to any host (no bare ws:/wss: schemes).
  const host = new URL(res.url).host
  expect(connect).toEqual(["'self'", `ws://${host}`, `wss://${host}`])
  // Nothing in the policy names another host: only keywords, data:/blob: and this server's own websocket origin.
  for (const values of policy.values()) {
    for (const value of values)
      if (value !== `ws://${host}` && value !== `wss://${host}`)
        expect(value, `${what}: CSP source ${value}`).toMatch(/^('[a-z-]+'|(data|blob):)$/)
  }
  // No unsafe-inline or unsafe-eval for scripts.
  expect(csp).not.toMatch(/unsafe-eval/)
  expect(policy.get('script-src')!.join(' ')).not.toMatch(/unsafe/)
  expect(res.headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('no-referrer')
  expect(res.headers.get('x-content-type-options'), `${what}: X-Content-Type-Options`).toBe('nosniff')
  const permissions = res.headers.get('permissions-policy')
  expect(permissions, `${what}: Permissions-Policy`).toBeTruthy()
  for (const feature of ['camera', 'microphone', 'geolocation']) expect(permissions).toContain(`${feature}=()`)
  expect(res.headers.get('set-cookie'), `${what}: no cookie`).toBeNull()
}

describe('security headers', () => {
  it('are on the HTML page, also for a client route', async () => {
    for (const path of ['/', '/b/abc', '/datenschutz']) {
      const res = await fetch(`${server.http}${path}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expectSafeHeaders(res, `page ${path}`)
      await res.arrayBuffer()
    }
  })

  it('are on an asset', async () => {
    const res = await fetch(`${server.http}/assets/app-1234.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expectSafeHeaders(res, 'asset')
    await res.arrayBuffer()
  })

  it('are on API answers, successful and failed', async () => {
    const board = await createBoard(server)
    const info = await fetch(`${server.http}/api/boards/${board.boardId}`)
    expect(info.status).toBe(200)
    expectSafeHeaders(info, 'GET /api/boards/<id>')
    await info.arrayBuffer()

    const created = await fetch(`${server.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(created.status).toBe(201)
    expectSafeHeaders(created, 'POST /api/boards')
    await created.arrayBuffer()

    const missing = await fetch(`${server.http}/api/nothing`)
    expect(missing.status).toBe(404)
    expectSafeHeaders(missing, 'unknown API')
    await missing.arrayBuffer()

    const health = await fetch(`${server.http}/healthz`)
    expectSafeHeaders(health, '/healthz')
    await health.arrayBuffer()
  })
})
