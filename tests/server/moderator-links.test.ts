import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newToken } from '../../model/ids'
import { metaOf } from '../../model/schema'
import { CLOSE } from '../../protocol/messages'
import { setQuiet } from '../../server/log'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

// Issue 11, hole 7: co-moderator links are their own tokens, listed and revocable by the
// board's moderator; a revoked link stops working at once.

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

beforeEach(async () => {
  setQuiet(true)
  server = await startTestServer()
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

interface CreatedLink {
  readonly id: string
  readonly label: string
  readonly createdAt: number
  readonly moderatorToken: string
}

function links(token: string, init: RequestInit = {}, path = ''): Promise<Response> {
  return fetch(`${server.http}/api/boards/${board.boardId}/moderators${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  })
}

async function createLink(label: string): Promise<CreatedLink> {
  const res = await links(board.moderatorToken, { method: 'POST', body: JSON.stringify({ label }) })
  expect(res.status).toBe(201)
  return (await res.json()) as CreatedLink
}

function client(moderatorToken?: string): TestClient {
  const c = connectClient(server.ws, board.boardId, moderatorToken ? { moderatorToken } : {})
  clients.push(c)
  return c
}

/** Sets the board's title through a client and says whether the server kept it. */
async function retitle(c: TestClient, title: string): Promise<void> {
  metaOf(c.doc).set('title', title)
  await c.settled()
}

describe('co-moderator links', () => {
  it('are created with a label and their own token, listed without the token, oldest first', async () => {
    const before = Date.now()
    const anna = await createLink('  Anna (Referat 2)  ')
    const ben = await createLink('Ben')
    expect(anna.label).toBe('Anna (Referat 2)')
    expect(anna.moderatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(anna.moderatorToken).not.toBe(board.moderatorToken)
    expect(anna.moderatorToken).not.toBe(ben.moderatorToken)
    expect(anna.createdAt).toBeGreaterThanOrEqual(before)
    const listed = await links(board.moderatorToken)
    expect(listed.status).toBe(200)
    const text = await listed.text()
    expect(JSON.parse(text)).toEqual({
      links: [
        { id: anna.id, label: anna.label, createdAt: anna.createdAt },
        { id: ben.id, label: 'Ben', createdAt: ben.createdAt },
      ],
    })
    expect(text).not.toContain(anna.moderatorToken)
    // Stored hashed: the token itself is nowhere in the database.
    const stored = await server.app.store.moderatorLinks(board.boardId)
    expect(stored.map((l) => l.hash.length)).toEqual([32, 32])
  })

  it('give moderator rights on the socket and over HTTP (export), but not the management of links', async () => {
    const link = await createLink('Carla')
    const carla = client(link.moderatorToken)
    await carla.synced()
    await retitle(carla, 'Von der Co-Moderation')
    expect(carla.rejects).toEqual([])
    const exported = await fetch(`${server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${link.moderatorToken}` } })
    expect(exported.status).toBe(200)
    expect(await exported.text()).toContain('Von der Co-Moderation')
    for (const res of [
      await links(link.moderatorToken),
      await links(link.moderatorToken, { method: 'POST', body: JSON.stringify({ label: 'Noch einer' }) }),
      await links(link.moderatorToken, { method: 'DELETE' }, `/${link.id}`),
    ]) {
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: string }).error).toMatch(/Moderationslink, mit dem das Board erstellt wurde/)
    }
    expect((await server.app.store.moderatorLinks(board.boardId)).map((l) => l.id)).toEqual([link.id])
  })

  it('revoked: open sockets of that link close with 4401 at once, the link is refused afterwards, others keep working', async () => {
    const doris = await createLink('Doris')
    const emil = await createLink('Emil')
    const dorisBoard = client(doris.moderatorToken)
    const emilBoard = client(emil.moderatorToken)
    const owner = client(board.moderatorToken)
    const participant = client()
    await Promise.all([dorisBoard, emilBoard, owner, participant].map((c) => c.synced()))

    const revoked = await links(board.moderatorToken, { method: 'DELETE' }, `/${doris.id}`)
    expect(revoked.status).toBe(204)
    await waitFor(() => dorisBoard.closes.includes(CLOSE.revoked), 5000, 'close 4401')
    expect(dorisBoard.closes).toEqual([CLOSE.revoked])
    for (const c of [emilBoard, owner, participant]) expect(c.closes).toEqual([])
    await retitle(emilBoard, 'Emil moderiert weiter')
    expect(emilBoard.rejects).toEqual([])

    // Refused afterwards, on the socket and over HTTP.
    const again = client(doris.moderatorToken)
    await waitFor(() => again.closes.length > 0, 5000, 'refusal')
    expect(again.closes[0]).toBe(CLOSE.forbidden)
    const exported = await fetch(`${server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${doris.moderatorToken}` } })
    expect(exported.status).toBe(403)
    // Revoking twice, or a link of nobody, is a clear 404.
    expect((await links(board.moderatorToken, { method: 'DELETE' }, `/${doris.id}`)).status).toBe(404)
    expect((await links(board.moderatorToken, { method: 'DELETE' }, '/gibtsnicht')).status).toBe(404)
    expect((await (await links(board.moderatorToken)).json()) as unknown).toEqual({ links: [{ id: emil.id, label: 'Emil', createdAt: emil.createdAt }] })
  })

  it('refuse bad input with a clear answer and store nothing: labels, wrong tokens, other boards, a limit', async () => {
    const bad: readonly [unknown, RegExp][] = [
      [{}, /"label" muss ein Text sein/],
      [{ label: 42 }, /"label" muss ein Text sein/],
      [{ label: '   ' }, /Bezeichnung an/],
      [{ label: 'x'.repeat(81) }, /zu lang/],
      [{ label: 'Anna\u202Eevil' }, /unzulässige Zeichen/],
      [{ label: 'Zeile\nzwei' }, /unzulässige Zeichen/],
    ]
    for (const [body, message] of bad) {
      const res = await links(board.moderatorToken, { method: 'POST', body: JSON.stringify(body) })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(message)
    }
    expect((await links(board.moderatorToken, { method: 'POST', body: '{nope' })).status).toBe(400)
    expect((await links(newToken(), { method: 'POST', body: JSON.stringify({ label: 'Fremd' }) })).status).toBe(403)
    expect((await fetch(`${server.http}/api/boards/${board.boardId}/moderators`)).status).toBe(401)
    // A link of another board gives nothing here.
    const other = await createBoard(server, OPEN_BOARD)
    const foreign = await fetch(`${server.http}/api/boards/${other.boardId}/moderators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.moderatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Andere' }),
    })
    const foreignLink = (await foreign.json()) as CreatedLink
    expect((await links(foreignLink.moderatorToken)).status).toBe(403)
    const intruder = client(foreignLink.moderatorToken)
    await waitFor(() => intruder.closes.length > 0, 5000, 'refusal')
    expect(intruder.closes[0]).toBe(CLOSE.forbidden)
    expect((await links(board.moderatorToken, { method: 'PUT' })).status).toBe(405)
    expect(await server.app.store.moderatorLinks(board.boardId)).toEqual([])

    for (let i = 0; i < 20; i++) await createLink(`Link ${i}`)
    const over = await links(board.moderatorToken, { method: 'POST', body: JSON.stringify({ label: 'Einer zu viel' }) })
    expect(over.status).toBe(409)
    expect(((await over.json()) as { error: string }).error).toMatch(/Höchstens 20/)
    expect(await server.app.store.moderatorLinks(board.boardId)).toHaveLength(20)
  })

  it('go with the board when it is deleted', async () => {
    const link = await createLink('Fritz')
    const res = await fetch(`${server.http}/api/boards/${board.boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(res.status).toBe(204)
    expect(await server.app.store.moderatorLinks(board.boardId)).toEqual([])
    expect((await links(link.moderatorToken)).status).toBe(403)
  })
})
