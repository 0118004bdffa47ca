import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAction, updateAction } from '../../model/agreements'
import { setQuestion } from '../../model/board'
import { createCluster } from '../../model/clusters'
import { setPhase } from '../../model/phases'
import { carryActions, setReview } from '../../model/review'
import { carriedOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
const clients: TestClient[] = []

function join(board: CreatedBoard, moderator = false): TestClient {
  const c = connectClient(server.ws, board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
  clients.push(c)
  return c
}

function followUp(board: CreatedBoard, token: string | null = board.moderatorToken, contentType = 'application/json'): Promise<Response> {
  return fetch(`${server.http}/api/boards/${board.boardId}/followup`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
    body: '{}',
  })
}

async function exported(board: CreatedBoard, ext: 'json' | 'md'): Promise<string> {
  const res = await fetch(`${server.http}/api/boards/${board.boardId}/export.${ext}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
  expect(res.status).toBe(200)
  return res.text()
}

function series(board: CreatedBoard, token: string | null = board.moderatorToken): Promise<Response> {
  return fetch(`${server.http}/api/boards/${board.boardId}/series`, { headers: token !== null ? { authorization: `Bearer ${token}` } : {} })
}

/** A finished first meeting: a question of its own, a setting, a cluster, three Maßnahmen of which one is done. */
async function firstMeeting(): Promise<{ board: CreatedBoard; open: string[] }> {
  const board = await createBoard(server, { title: '7. Austauschtreffen', settings: { privateWriting: false, anonymous: true } })
  const mod = join(board, true)
  await mod.synced()
  setQuestion(mod.doc, 'steigen', 'Was hat Ihre Arbeit vor Ort gestärkt?')
  setSetting(mod.doc, 'votesPerPerson', 7)
  createCluster(mod.doc, { zone: 'steigen', title: 'Politische Unterstützung', noteIds: [] })
  const a = addAction(mod.doc, { what: 'Öffentlichkeitsarbeit stärken', who: 'LAG', until: '2026-03-01', createdAt: Date.now() })
  const b = addAction(mod.doc, { what: 'Haushaltslage dokumentieren', who: '', until: '', createdAt: Date.now() + 1 })
  const done = addAction(mod.doc, { what: 'Protokoll versenden', who: 'Geschäftsstelle', until: '', createdAt: Date.now() + 2 })
  updateAction(mod.doc, done, { done: true })
  setPhase(mod.doc, 'abschluss')
  await mod.settled()
  expect(mod.rejects).toEqual([])
  return { board, open: [a, b] }
}

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('POST /api/boards/<id>/followup', () => {
  it('answers 201 like POST /api/boards; the new board carries exactly the open actions, the title, questions and settings', async () => {
    const { board, open } = await firstMeeting()
    const res = await followUp(board)
    expect(res.status).toBe(201)
    const next = (await res.json()) as CreatedBoard
    expect(Object.keys(next).sort()).toEqual(['boardId', 'moderatorToken', 'moderatorUrl', 'participantUrl'])
    expect(next.boardId).not.toBe(board.boardId)
    expect(next.participantUrl).toBe(`${server.http}/b/${next.boardId}`)
    expect(next.moderatorUrl).toBe(`${server.http}/b/${next.boardId}#m=${next.moderatorToken}`)
    const file = JSON.parse(await exported(next, 'json')) as Record<string, unknown> & { settings: Record<string, unknown> }
    expect(file.review).toEqual([
      { id: open[0], what: 'Öffentlichkeitsarbeit stärken', who: 'LAG', until: '2026-03-01' },
      { id: open[1], what: 'Haushaltslage dokumentieren', who: '', until: '' },
    ])
    expect(file.actions).toEqual([])
    expect(file.title).toBe('7. Austauschtreffen')
    expect(file.questions).toMatchObject({ steigen: 'Was hat Ihre Arbeit vor Ort gestärkt?', untenHalten: null })
    expect(file.settings).toMatchObject({ anonymous: true, privateWriting: false, votesPerPerson: 7 })
    // Only the actions: no cluster or note of the first meeting.
    expect(JSON.stringify(file.zones)).not.toContain('Politische Unterstützung')
    // The old board is untouched, and its own token does not open the new one.
    expect(JSON.parse(await exported(board, 'json')).actions).toHaveLength(3)
    const foreign = await fetch(`${server.http}/api/boards/${next.boardId}/export.json`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(foreign.status).toBe(403)
  })

  it('refuses without the board\'s moderator token, with another board\'s token, a form post, an unknown board; creates nothing then', async () => {
    const { board } = await firstMeeting()
    const other = await createBoard(server)
    expect((await followUp(board, null)).status).toBe(401)
    expect((await followUp(board, other.moderatorToken)).status).toBe(403)
    expect((await followUp(board, 'x'.repeat(43))).status).toBe(403)
    expect((await followUp(board, board.moderatorToken, 'text/plain')).status).toBe(415)
    expect((await followUp({ ...board, boardId: 'A'.repeat(22) })).status).toBe(403)
    const get = await fetch(`${server.http}/api/boards/${board.boardId}/followup`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(get.status).toBe(405)
    const s = (await (await series(board)).json()) as { meetings: unknown[] }
    expect(s.meetings).toHaveLength(1)
  })

  it('the group reviews in the Rückblick through the real guard; a participant cannot forge carried actions; md and json show the review', async () => {
    const { board, open } = await firstMeeting()
    const next = (await (await followUp(board)).json()) as CreatedBoard
    const mod = join(next, true)
    await mod.synced()
    const p = join(next)
    await p.synced()
    expect(toBoardView(p.doc).phase).toBe('rueckblick')
    setReview(p.doc, open[0]!, { status: 'erledigt', note: 'Flyer liegen in allen Rathäusern aus' })
    await p.settled()
    setReview(mod.doc, open[1]!, { status: 'laeuft' })
    await mod.settled()
    expect(p.rejects).toEqual([])
    await waitFor(() => toBoardView(mod.doc).review[0]?.status === 'erledigt', 3000, 'review synced')

    const forger = join(next)
    await forger.synced()
    carryActions(forger.doc, [{ id: 'erfundeneMassnahme', what: 'Untergeschoben', who: '', until: '' }])
    await waitFor(() => forger.closes.includes(4422), 3000, 'close 4422')
    const fresh = join(next)
    await fresh.synced()
    expect(carriedOf(fresh.doc).has('erfundeneMassnahme')).toBe(false)
    expect(toBoardView(fresh.doc).review.map((r) => r.status)).toEqual(['erledigt', 'laeuft'])

    const md = await exported(next, 'md')
    expect(md).toContain('## Rückblick auf die offenen Maßnahmen')
    expect(md).toContain('Von den zwei offenen Maßnahmen des letzten Treffens wurde eine erledigt und eine läuft noch.')
    expect(md).toContain('| Öffentlichkeitsarbeit stärken | LAG | 01.03.2026 | erledigt | Flyer liegen in allen Rathäusern aus |')
    expect(md).toContain('| Haushaltslage dokumentieren |   |   | läuft |   |')
    const file = JSON.parse(await exported(next, 'json')) as { review: unknown[] }
    expect(file.review).toEqual([
      { id: open[0], what: 'Öffentlichkeitsarbeit stärken', who: 'LAG', until: '2026-03-01', status: 'erledigt', note: 'Flyer liegen in allen Rathäusern aus' },
      { id: open[1], what: 'Haushaltslage dokumentieren', who: '', until: '', status: 'laeuft' },
    ])
  })
})

describe('GET /api/boards/<id>/series', () => {
  it('lists every meeting of the series for the moderator of any of them, and nothing for anyone else', async () => {
    const { board } = await firstMeeting()
    const second = (await (await followUp(board)).json()) as CreatedBoard
    const third = (await (await followUp(second)).json()) as CreatedBoard
    for (const b of [board, second, third]) {
      const res = await series(b)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { current: number; meetings: { number: number; title: string }[] }
      expect(body.meetings.map((m) => m.number)).toEqual([1, 2, 3])
      expect(body.meetings.every((m) => m.title === '7. Austauschtreffen')).toBe(true)
      expect(body.current).toBe([board, second, third].indexOf(b) + 1)
      // Summaries only: no board id or token of another meeting.
      const text = JSON.stringify(body)
      for (const other of [board, second, third]) {
        expect(text).not.toContain(other.boardId)
        expect(text).not.toContain(other.moderatorToken)
      }
    }
    const stranger = await createBoard(server)
    expect((await series(second, null)).status).toBe(401)
    expect((await series(second, stranger.moderatorToken)).status).toBe(403)
    const alone = (await (await series(stranger)).json()) as { meetings: unknown[] }
    expect(alone.meetings).toHaveLength(1)
    // A deleted meeting leaves the series.
    const del = await fetch(`${server.http}/api/boards/${second.boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${second.moderatorToken}` } })
    expect(del.status).toBe(204)
    const after = (await (await series(third)).json()) as { meetings: { number: number }[] }
    expect(after.meetings).toHaveLength(2)
  })
})

