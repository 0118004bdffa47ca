import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isBoardId, isTokenShaped } from '../../model/ids'
import { addDraft } from '../../model/privateDoc'
import { addNote } from '../../model/notes'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { FACHTAG, createEvent, postEvent, withToken } from '../helpers/events'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer
const clients: TestClient[] = []

beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/

describe('POST /api/events', () => {
  it('creates 4 forums × 2 rounds: eight boards, each with its own links and moderator token', async () => {
    const event = await createEvent(server)
    expect(isBoardId(event.eventId)).toBe(true)
    expect(event.eventCode).toMatch(CODE)
    expect(event.organiserUrl).toBe(`${server.http}/v/${event.eventId}#o=${event.organiserToken}`)
    expect(isTokenShaped(event.organiserToken)).toBe(true)
    expect(event.boards.map((b) => `${b.forum}/${b.round}`)).toEqual(FACHTAG.forums.flatMap((f) => [`${f.title}/1`, `${f.title}/2`]))
    expect(new Set(event.boards.map((b) => b.boardId)).size).toBe(8)
    expect(new Set(event.boards.map((b) => b.moderatorToken)).size).toBe(8)
    for (const b of event.boards) {
      expect(b.participantUrl).toBe(`${server.http}/b/${b.boardId}`)
      expect(b.moderatorUrl).toBe(`${server.http}/b/${b.boardId}#m=${b.moderatorToken}`)
      expect(b.moderatorToken).not.toBe(event.organiserToken)
      // Each forum round is a normal board: its own moderator token opens its export, another board's does not.
      const own = await fetch(`${server.http}/api/boards/${b.boardId}/export.json`, withToken(b.moderatorToken))
      expect(own.status).toBe(200)
      const file = (await own.json()) as { title: string; topic: string; date: string }
      expect(file).toMatchObject({ title: `${b.forum} – Runde ${b.round}`, topic: FACHTAG.title, date: FACHTAG.date })
    }
    const [first, second] = event.boards
    expect((await fetch(`${server.http}/api/boards/${first!.boardId}/export.json`, withToken(second!.moderatorToken))).status).toBe(403)
    expect((await fetch(`${server.http}/api/boards/${first!.boardId}/export.json`, withToken(event.organiserToken))).status).toBe(403)
  })

  it('gives each forum its own questions on top of the event-wide ones', async () => {
    const event = await createEvent(server, {
      ...FACHTAG,
      rounds: 1,
      questions: { steigen: 'Was trägt die Präventionskette?' },
      forums: [{ title: 'Kinderrechte', questions: { einheizen: 'Wo fehlen Beteiligungsrechte?' } }, { title: 'Wirkungsorientierung' }],
    })
    const questions = async (i: number) => {
      const c = connectClient(server.ws, event.boards[i]!.boardId)
      clients.push(c)
      await c.synced()
      const view = toBoardView(c.doc)
      return { title: view.title, steigen: view.zones.steigen.question, einheizen: view.zones.einheizen.question }
    }
    expect(await questions(0)).toEqual({ title: 'Kinderrechte', steigen: 'Was trägt die Präventionskette?', einheizen: 'Wo fehlen Beteiligungsrechte?' })
    expect(await questions(1)).toEqual({ title: 'Wirkungsorientierung', steigen: 'Was trägt die Präventionskette?', einheizen: null })
  })

  it('answers every malformed plan with 400 and a message, and creates no board', async () => {
    const bad: unknown[] = [
      '{kaputt',
      '[]',
      'null',
      {},
      { ...FACHTAG, title: '' },
      { ...FACHTAG, title: 5 },
      { ...FACHTAG, title: 'x'.repeat(201) },
      { ...FACHTAG, date: '12.05.2026' },
      { ...FACHTAG, date: '2026-02-30' },
      { ...FACHTAG, forums: [] },
      { ...FACHTAG, forums: 'Kinderrechte' },
      { ...FACHTAG, forums: [{ title: '  ' }] },
      { ...FACHTAG, forums: [{ title: 'Kinderrechte' }, { title: 'kinderrechte ' }] },
      { ...FACHTAG, forums: [{ title: 'A', admin: true }] },
      { ...FACHTAG, forums: Array.from({ length: 13 }, (_, i) => ({ title: `Forum ${i}` })) },
      { ...FACHTAG, forums: [{ title: 'A', questions: { steigen: 'x'.repeat(301) } }] },
      { ...FACHTAG, forums: [{ title: 'A', questions: { oben: 'Frage' } }] },
      { ...FACHTAG, rounds: 0 },
      { ...FACHTAG, rounds: 5 },
      { ...FACHTAG, rounds: 1.5 },
      { ...FACHTAG, rounds: '2' },
      { ...FACHTAG, rounds: [{ start: '2026-05-12T10:00+02:00', end: '2026-05-12T09:00+02:00' }] },
      { ...FACHTAG, rounds: [{ start: '2026-05-12T10:00', end: '2026-05-12T11:00' }] },
      {
        ...FACHTAG,
        rounds: [
          { start: '2026-05-12T10:00+02:00', end: '2026-05-12T11:30+02:00' },
          { start: '2026-05-12T11:00+02:00', end: '2026-05-12T12:30+02:00' },
        ],
      },
      { ...FACHTAG, forums: Array.from({ length: 12 }, (_, i) => ({ title: `Forum ${i}` })), rounds: 3 },
      { ...FACHTAG, locale: 'fr' },
      { ...FACHTAG, moderatorToken: 'abc' },
    ]
    for (const body of bad) {
      const res = await postEvent(server, body)
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400)
      expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(5)
    }
    const huge = await postEvent(server, { ...FACHTAG, place: 'x'.repeat(70_000) })
    expect(huge.status).toBe(413)
    expect((await fetch(`${server.http}/api/events`)).status).toBe(405)
    const form = await fetch(`${server.http}/api/events`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(FACHTAG) })
    expect(form.status).toBe(415)
    expect(await server.app.store.listExpired(Date.now() + 1)).toEqual([])
  })
})

describe('DELETE /api/events/<id>', () => {
  it('refuses without the organiser token: none, malformed, wrong, or a forum host’s', async () => {
    const event = await createEvent(server)
    const url = `${server.http}/api/events/${event.eventId}`
    expect((await fetch(url, withToken(null, { method: 'DELETE' }))).status).toBe(401)
    expect((await fetch(url, withToken('kurz', { method: 'DELETE' }))).status).toBe(403)
    expect((await fetch(url, withToken(event.boards[0]!.moderatorToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), { method: 'DELETE' }))).status).toBe(403)
    expect((await fetch(url, withToken(event.boards[0]!.moderatorToken, { method: 'DELETE' }))).status).toBe(403)
    expect((await fetch(`${server.http}/api/events/AAAAAAAAAAAAAAAAAAAAAA`, withToken(event.organiserToken, { method: 'DELETE' }))).status).toBe(404)
    expect((await fetch(`${server.http}/api/events/${event.eventId}/../x`, withToken(event.organiserToken, { method: 'DELETE' }))).status).not.toBe(204)
    for (const b of event.boards) expect(await server.app.store.getBoard(b.boardId)).not.toBeNull()
  })

  it('deletes every board completely: connections closed, rows gone, no text left in any file of the data directory', async () => {
    const unique = `Einzigartig-${Date.now()}`
    const event = await createEvent(server, { ...FACHTAG, title: `${unique} Titel`, forums: [...FACHTAG.forums, { title: `${unique} Forum` }] })
    const host = event.boards.at(-1)!
    const moderator = connectClient(server.ws, host.boardId, { moderatorToken: host.moderatorToken })
    const participant = connectClient(server.ws, event.boards[0]!.boardId)
    const drafts = connectClient(server.ws, `${event.boards[0]!.boardId}/private`)
    clients.push(moderator, participant, drafts)
    await Promise.all([moderator.synced(), participant.synced(), drafts.synced()])
    setSetting(moderator.doc, 'privateWriting', false)
    addNote(moderator.doc, { zone: 'steigen', text: `${unique} Notiz`, author: moderator.actor.participantId })
    addDraft(drafts.doc, { zone: 'einheizen', text: `${unique} Entwurf` })
    await Promise.all([moderator.settled(), drafts.settled()])
    await server.app.store.flushed()
    expect(scan(server.dataDir, unique)).not.toEqual([])

    const res = await fetch(`${server.http}/api/events/${event.eventId}`, withToken(event.organiserToken, { method: 'DELETE' }))
    expect(res.status).toBe(204)
    await waitFor(() => moderator.closes.includes(4410) && participant.closes.includes(4410), 3000, 'closed with 4410')
    for (const b of event.boards) {
      expect(await server.app.store.getBoard(b.boardId)).toBeNull()
      expect((await fetch(`${server.http}/api/boards/${b.boardId}`)).status).toBe(404)
      expect(await server.app.store.listDocs(`${b.boardId}/`)).toEqual([])
    }
    expect((await fetch(`${server.http}/api/events/${event.eventId}`, withToken(event.organiserToken, { method: 'DELETE' }))).status).toBe(404)
    expect(scan(server.dataDir, unique)).toEqual([])
  })
})

/** The files of the data directory whose raw bytes hold `text`. */
function scan(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8')
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(needle))
}
