import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptedEncodings, requestPath } from '../../server/static'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer
// A client folder of its own, laid out as the build leaves it (each text file with .br and .gz).
const clientDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-static-'))
const INDEX = `<!doctype html><title>Ballonfahrt</title><script type="module" src="/assets/app-1234.js"></script>${' '.repeat(600)}`
const APP = `console.log(${JSON.stringify('Steigen '.repeat(200))})\n`

function writeWithVariants(path: string, text: string): void {
  writeFileSync(join(clientDir, path), text)
  writeFileSync(join(clientDir, `${path}.br`), brotliCompressSync(text))
  writeFileSync(join(clientDir, `${path}.gz`), gzipSync(text))
}

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'))
  writeWithVariants('index.html', INDEX)
  writeWithVariants('assets/app-1234.js', APP)
  writeFileSync(join(clientDir, 'theme-boot.js'), 'void 0\n')
  server = await startTestServer({ clientDir })
})

afterAll(async () => {
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  /** The bytes as sent (not decoded). */
  readonly body: Buffer
}

/** A raw request: the path goes out exactly as given, the body comes back as sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(`${server.http}/`, { method, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', fail)
    req.end()
  })
}

describe('static files: compression', () => {
  it('sends brotli, gzip or the plain file as Accept-Encoding allows, with Vary', async () => {
    const cases: Array<[string | undefined, string | undefined]> = [
      ['br, gzip', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.8', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      [undefined, undefined],
    ]
    for (const [accept, expected] of cases) {
      const res = await get('/assets/app-1234.js', accept === undefined ? {} : { 'accept-encoding': accept })
      expect(res.status, String(accept)).toBe(200)
      expect(res.headers['content-encoding'], String(accept)).toBe(expected)
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      const decoded = expected === 'br' ? brotliDecompressSync(res.body) : expected === 'gzip' ? gunzipSync(res.body) : res.body
      expect(decoded.toString(), String(accept)).toBe(APP)
    }
  })

  it('compresses the page itself too', async () => {
    const res = await get('/b/abc', { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe(INDEX)
    expect(res.body.length).toBeLessThan(INDEX.length / 2)
  })

  it('a file the build did not compress goes out as it is, without Vary', async () => {
    const res = await get('/theme-boot.js', { 'accept-encoding': 'br, gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers.vary).toBeUndefined()
    expect(res.body.toString()).toBe('void 0\n')
  })

  it('reads q-values and wildcards as RFC 9110 says', () => {
    expect([...acceptedEncodings('gzip;q=1.0, br;q=0.5')]).toEqual(['br', 'gzip'])
    expect([...acceptedEncodings('*;q=0, gzip')]).toEqual(['gzip'])
    expect([...acceptedEncodings('BR')]).toEqual(['br'])
    expect([...acceptedEncodings('br;q=abc')]).toEqual([])
    expect([...acceptedEncodings('')]).toEqual([])
  })

  it('the build writes .br and .gz beside each script and style that decode to the same bytes', () => {
    const assets = resolve('dist/client/assets')
    expect(existsSync(assets), 'dist/client is missing: npm test runs `npm run build` first').toBe(true)
    const scripts = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f))
    expect(scripts.length).toBeGreaterThan(3)
    for (const name of scripts) {
      const file = readFileSync(join(assets, name))
      if (file.length < 512) continue
      expect(brotliDecompressSync(readFileSync(join(assets, `${name}.br`))).equals(file), `${name}.br`).toBe(true)
      expect(gunzipSync(readFileSync(join(assets, `${name}.gz`))).equals(file), `${name}.gz`).toBe(true)
    }
  })
})

describe('static files: caching', () => {
  it('hashed assets are immutable, the page and other files are revalidated', async () => {
    expect((await get('/assets/app-1234.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await get('/')).headers['cache-control']).toBe('no-cache')
    expect((await get('/datenschutz')).headers['cache-control']).toBe('no-cache')
    expect((await get('/theme-boot.js')).headers['cache-control']).toBe('no-cache')
  })

  it('answers 304 without a body to a matching If-None-Match, per encoding', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await get('/', { 'accept-encoding': accept })
      const etag = String(first.headers.etag)
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+(-br|-gzip)?"$/)
      const again = await get('/', { 'accept-encoding': accept, 'if-none-match': etag })
      expect(again.status, accept).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers.etag).toBe(etag)
      // A weak form of the same tag matches too; another tag does not.
      expect((await get('/', { 'accept-encoding': accept, 'if-none-match': `"x", W/${etag}` })).status).toBe(304)
      expect((await get('/', { 'accept-encoding': accept, 'if-none-match': '"nope"' })).status).toBe(200)
    }
    const br = (await get('/', { 'accept-encoding': 'br' })).headers.etag
    const plain = (await get('/', {})).headers.etag
    expect(br).not.toBe(plain)
  })

  it('HEAD gives the headers of GET without the body', async () => {
    const res = await get('/assets/app-1234.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(Number(res.headers['content-length'])).toBe(gzipSync(APP).length)
    expect(res.body.length).toBe(0)
  })
})

describe('static files: what is not there', () => {
  it('a missing asset is a 404, never the SPA page (a tab left open across an upgrade)', async () => {
    for (const path of ['/assets/index-OLDHASH.js', '/assets/old.css', '/favicon.ico', '/robots.txt', '/assets/', '/ws/abc']) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' })
      expect(res.status, path).toBe(404)
      expect(res.headers['content-type'], path).toMatch(/^text\/plain/)
      expect(res.body.toString(), path).not.toContain('<!doctype html>')
    }
  })

  it('unknown API paths answer 404 in JSON', async () => {
    for (const path of ['/api/nothing', '/api/', '/api/boards/x/y/z']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers['content-type'], path).toMatch(/^application\/json/)
      expect(JSON.parse(res.body.toString()).error, path).toBeTruthy()
    }
  })

  it('a malformed path is a 400, not a 500', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/b/%zz', '/%00', '/assets/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const res = await get(path)
      expect(res.status, path).toBe(400)
      expect(res.body.toString(), path).not.toContain('<!doctype html>')
    }
    expect(requestPath('/%E0%A4%A')).toBeNull()
    expect(requestPath('/b/Zk3f%20x')).toBe('/b/Zk3f x')
  })

  it('a request target that is no URL at all answers 400, for a page and for a websocket, and the server lives on', async () => {
    for (const upgrade of [false, true]) {
      const status = await new Promise<string>((done, fail) => {
        const socket = connect(server.app.port, '127.0.0.1', () => {
          const headers = upgrade ? 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' : 'Connection: close\r\n'
          socket.write(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`)
        })
        let out = ''
        socket.on('data', (d: Buffer) => (out += d.toString()))
        socket.on('end', () => done(out.split('\r\n')[0]!))
        socket.on('error', fail)
      })
      expect(status, upgrade ? 'upgrade' : 'GET').toMatch(/^HTTP\/1\.1 400 /)
    }
    expect((await get('/healthz')).status).toBe(200)
  })

  it('page routes get the SPA page', async () => {
    for (const path of ['/', '/b/abc', '/b/abc/', '/b/abc/ergebnis', '/datenschutz', '/barrierefreiheit?x=1']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers['content-type'], path).toMatch(/^text\/html/)
      expect(res.body.toString(), path).toBe(INDEX)
    }
  })
})
