import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isBoardId } from '../../model/ids'
import { createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.stop()
})

describe('HTTP API', () => {
  it('answers /healthz with JSON', async () => {
    const res = await fetch(`${server.http}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok' })
  })

  it('creates a board with an unguessable id and absolute links', async () => {
    const created = await createBoard(server, { title: 'Reflexion', topic: 'Präventionsketten', locale: 'de' })
    expect(isBoardId(created.boardId)).toBe(true)
    expect(created.participantUrl).toBe(`${server.http}/b/${created.boardId}`)
    expect(created.moderatorUrl).toBe(`${server.http}/b/${created.boardId}#m=${created.moderatorToken}`)
    expect(created.moderatorToken.length).toBeGreaterThanOrEqual(43)
    const info = await fetch(`${server.http}/api/boards/${created.boardId}`)
    expect(await info.json()).toEqual({ boardId: created.boardId, title: 'Reflexion', askInstitution: false })
  })

  it('creates a board from an empty body', async () => {
    const res = await fetch(`${server.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(201)
  })

  it('answers bad input with 400 and a message, creating nothing', async () => {
    for (const body of ['{kaputt', '[]', JSON.stringify({ title: 5 }), JSON.stringify({ locale: 'fr' }), JSON.stringify({ title: 'x'.repeat(201) })]) {
      const res = await fetch(`${server.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(5)
    }
    expect(await server.app.store.listExpired(Date.now() + 1)).toEqual([])
  })

  it('answers an unknown board with 404', async () => {
    const res = await fetch(`${server.http}/api/boards/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(res.status).toBe(404)
  })

  it('sends the privacy headers on every response', async () => {
    const res = await fetch(`${server.http}/healthz`)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
