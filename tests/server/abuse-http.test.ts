import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { demoBoard } from '../../server/exports'
import { joinSocket } from '../helpers/abuse'
import type { RawSocket, Credentials } from '../helpers/abuse'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer | null = null
const raws: RawSocket[] = []

afterEach(async () => {
  for (const r of raws.splice(0)) r.ws.terminate()
  await server?.stop()
  server = null
})

const JSON_TYPE = { 'content-type': 'application/json' }
const ROUTES = ['/api/boards', '/api/boards/import', '/api/boards/demo'] as const
const BODY: Record<(typeof ROUTES)[number], string> = {
  '/api/boards': JSON.stringify(OPEN_BOARD),
  '/api/boards/import': JSON.stringify(demoBoard()),
  '/api/boards/demo': '{}',
}

const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${server!.http}${path}`, { method: 'POST', headers, body })
const boardsStored = async () => (await server!.app.store.listExpired(Date.now() + 1)).length

/** A request with a Host header of our choosing (fetch does not let a page set one). */
function withHost(path: string, host: string, body = '{}'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server!.app.port, path, method: 'POST', headers: { host, ...JSON_TYPE } }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('creating boards', () => {
  it.each(ROUTES)('%s: any Content-Type but application/json answers 415 and creates nothing', async (path) => {
    server = await startTestServer()
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await post(path, type ? { 'content-type': type } : {}, BODY[path])
      expect(res.status).toBe(415)
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/)
    }
    expect(await boardsStored()).toBe(0)
    expect((await post(path, { 'content-type': 'application/json; charset=utf-8' }, BODY[path])).status).toBe(201)
  })

  it('counts creations, imports and demos per address together: 429 with Retry-After beyond the limit, nothing created', async () => {
    server = await startTestServer({ boardCreationsPerMinute: 3 })
    for (const path of ROUTES) expect((await post(path, JSON_TYPE, BODY[path])).status).toBe(201)
    for (const path of ROUTES) {
      const res = await post(path, JSON_TYPE, BODY[path])
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    }
    expect(await boardsStored()).toBe(3)
  })

  it('answers 507 once the stored data reach MAX_DATA_BYTES, for every way of creating a board, creating nothing more', async () => {
    server = await startTestServer({ maxDataBytes: 256 * 1024 })
    let created = 0
    while (created < 200 && (await post('/api/boards/demo', JSON_TYPE, '{}')).status === 201) created++
    expect(created).toBeGreaterThan(0)
    expect(created).toBeLessThan(200)
    expect(await server.app.store.dataBytes!()).toBeGreaterThanOrEqual(256 * 1024)
    for (const path of ROUTES) {
      const res = await post(path, JSON_TYPE, BODY[path])
      expect(res.status).toBe(507)
      expect(((await res.json()) as { error: string }).error).toMatch(/Speicherplatz/)
    }
    expect(await boardsStored()).toBe(created)
  })
})

describe('links are built only from a Host the server can vouch for', () => {
  it('a forged Host is answered 400 and creates no board', async () => {
    server = await startTestServer()
    const res = await withHost('/api/boards', 'boese.example')
    expect(res.status).toBe(400)
    expect(res.body).toMatch(/PUBLIC_URL/)
    expect(await boardsStored()).toBe(0)
  })

  it('the address the request came in on, and localhost on the loopback, are taken as they are', async () => {
    server = await startTestServer()
    for (const host of [`127.0.0.1:${server.app.port}`, `localhost:${server.app.port}`, '127.0.0.1']) {
      const res = await withHost('/api/boards', host)
      expect(res.status).toBe(201)
      expect((JSON.parse(res.body) as { participantUrl: string }).participantUrl.startsWith(`http://${host}/b/`)).toBe(true)
    }
  })

  it('a host on ALLOWED_HOSTS is taken; with PUBLIC_URL the Host is never used', async () => {
    server = await startTestServer({ allowedHosts: ['retro.example.de'] })
    const allowed = await withHost('/api/boards', 'retro.example.de')
    expect(allowed.status).toBe(201)
    expect((JSON.parse(allowed.body) as { moderatorUrl: string }).moderatorUrl).toMatch(/^http:\/\/retro\.example\.de\/b\//)
    expect((await withHost('/api/boards', 'retro.example.de.boese.example')).status).toBe(400)
    await server.stop()
    server = await startTestServer({ publicUrl: 'https://retro.example.de' })
    const res = await withHost('/api/boards', 'boese.example')
    expect(res.status).toBe(201)
    expect((JSON.parse(res.body) as { participantUrl: string }).participantUrl).toMatch(/^https:\/\/retro\.example\.de\/b\//)
  })

  it('the join-code link too: a forged Host gets 400', async () => {
    server = await startTestServer()
    const board = await createBoard(server, OPEN_BOARD)
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server!.app.port, path: `/api/boards/${board.boardId}/code`, method: 'POST', headers: { host: 'boese.example', authorization: `Bearer ${board.moderatorToken}` } },
        (r) => resolve(r.statusCode ?? 0),
      )
      req.on('error', reject)
      req.end()
    })
    expect(res).toBe(400)
  })
})

describe('malformed percent-encoding', () => {
  it.each(['/%E0%A4%A', '/b/%E0%A4%A', '/api/boards/%E0%A4%A', '/api/codes/%E0%A4%A', '/assets/%ZZ.js'])('GET %s answers 400, and the server goes on', async (path) => {
    server = await startTestServer()
    const res = await fetch(`${server.http}${path}`)
    expect(res.status).toBe(400)
    expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
  })
})

describe('private-doc sockets count toward the connections of their board', () => {
  it('with a cap of 2, a board socket and a private socket fill the board: a third of either kind gets 4429', async () => {
    server = await startTestServer({ maxConnectionsPerBoard: 2 })
    const board = await createBoard(server, OPEN_BOARD)
    const secret = newSecretId()
    const socket = (path: string, credentials: Credentials) => {
      const r = joinSocket(`ws://127.0.0.1:${server!.app.port}${path}`, credentials)
      raws.push(r)
      return r
    }
    await socket(`/ws/${board.boardId}`, { secret: secret }).opened
    await socket(`/ws/${board.boardId}/private`, { secret: secret }).opened
    expect((await socket(`/ws/${board.boardId}`, {}).closed).code).toBe(4429)
    expect((await socket(`/ws/${board.boardId}/private`, {}).closed).code).toBe(4429)
  })
})
