import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addAction } from '../../model/agreements'
import { createCluster } from '../../model/clusters'
import { addNote } from '../../model/notes'
import { setPerson } from '../../model/people'
import { setPhase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import { connectClient } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { readDocx } from '../helpers/docxText'
import { FACHTAG, createEvent, withToken } from '../helpers/events'
import type { CreatedEvent } from '../helpers/events'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer
let event: CreatedEvent
const clients: TestClient[] = []

beforeEach(async () => {
  server = await startTestServer()
  event = await createEvent(server)
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

const board = (forum: number, round: number) => event.boards.find((b) => b.forumIndex === forum && b.round === round)!

async function byCode(code: string): Promise<{ status: number; body: { openRound: number | null; forums: { title: string; boardId: string }[] } }> {
  const res = await fetch(`${server.http}/api/event-codes/${encodeURIComponent(code)}`)
  return { status: res.status, body: (await res.json()) as never }
}

async function overview(token: string) {
  const res = await fetch(`${server.http}/api/events/${event.eventId}`, withToken(token))
  expect(res.status).toBe(200)
  type Row = { boardId: string; forum: string; round: number; moderatorUrl: string | null; state: { phase: string; present: number; notes: number; votes: number; reportDone: boolean } }
  return (await res.json()) as { organiser: boolean; eventCode?: string; openRound: number | null; boards: Row[] }
}

function switchRound(open: unknown, token = event.organiserToken): Promise<Response> {
  return fetch(`${server.http}/api/events/${event.eventId}/round`, withToken(token, { method: 'PUT', body: JSON.stringify({ open }) }))
}

/** A forum host's session: clusters and a Maßnahme written through the socket, as the board's moderator (who names an institution, if given). */
async function runForum(forum: number, round: number, clusters: readonly string[], action: string, institution?: string): Promise<TestClient> {
  const b = board(forum, round)
  const host = connectClient(server.ws, b.boardId, { moderatorToken: b.moderatorToken })
  clients.push(host)
  await host.synced()
  setSetting(host.doc, 'privateWriting', false)
  if (institution) setPerson(host.doc, host.actor.participantId, { institution })
  const notes = clusters.map((title) => addNote(host.doc, { zone: 'steigen', text: `Notiz zu ${title}`, author: host.actor.participantId }))
  setPhase(host.doc, 'clustern')
  clusters.forEach((title, i) => createCluster(host.doc, { zone: 'steigen', title, noteIds: [notes[i]!] }))
  setPhase(host.doc, 'massnahmen')
  addAction(host.doc, { what: action, who: 'Netzwerkkoordination' })
  await host.settled()
  expect(host.rejects).toEqual([])
  return host
}

describe('joining by the event code', () => {
  it('offers the open round only: the first until the organiser switches, then the second, then none', async () => {
    const first = await byCode(event.eventCode.toLowerCase().replace('-', ' '))
    expect(first.status).toBe(200)
    expect(first.body.openRound).toBe(1)
    expect(first.body.forums).toEqual(FACHTAG.forums.map((f, i) => ({ title: f.title, boardId: board(i, 1).boardId })))
    expect(JSON.stringify(first.body)).not.toContain(board(0, 2).boardId)

    expect((await switchRound(2)).status).toBe(200)
    const second = await byCode(event.eventCode)
    expect(second.body.forums.map((f) => f.boardId)).toEqual(FACHTAG.forums.map((_, i) => board(i, 2).boardId))
    expect(JSON.stringify(second.body)).not.toContain(board(0, 1).boardId)

    expect((await switchRound(null)).status).toBe(200)
    expect((await byCode(event.eventCode)).body).toMatchObject({ openRound: null, forums: [] })
  })

  it('a participant who picks a forum lands on that forum round’s board', async () => {
    const { body } = await byCode(event.eventCode)
    const chosen = body.forums.find((f) => f.title === 'Kinderrechte')!
    const participant = connectClient(server.ws, chosen.boardId)
    clients.push(participant)
    await participant.synced()
    expect(participant.doc.getMap('meta').get('title')).toBe('Kinderrechte – Runde 1')
  })

  it('follows the clock when the rounds have times', async () => {
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const timed = await createEvent(server, {
      ...FACHTAG,
      rounds: [
        { start: iso(now - 3_600_000), end: iso(now - 1_800_000) },
        { start: iso(now - 60_000), end: iso(now + 3_600_000) },
      ],
    })
    const { body } = await byCode(timed.eventCode)
    expect(body.openRound).toBe(2)
    expect(body.forums.map((f) => f.boardId)).toEqual(timed.boards.filter((b) => b.round === 2).map((b) => b.boardId))
  })

  it('answers malformed and unknown codes, and refuses bad switches without changing the round', async () => {
    expect((await byCode('ABC')).status).toBe(400)
    expect((await byCode('%E0%A4%A')).status).toBe(400)
    expect((await byCode('AAAA-AAAA')).status).toBe(404)
    for (const bad of [0, 3, 1.5, '2', 'zwei', {}, [1]]) expect((await switchRound(bad)).status).toBe(400)
    expect((await switchRound(2, board(0, 1).moderatorToken)).status).toBe(403)
    expect((await fetch(`${server.http}/api/events/${event.eventId}/round`, withToken(event.organiserToken, { method: 'PUT', body: '{kaputt' }))).status).toBe(400)
    expect((await byCode(event.eventCode)).body.openRound).toBe(1)
  })
})

describe('the overview', () => {
  it('shows every forum round to the organiser, with moderator links, and follows the boards live', async () => {
    const before = await overview(event.organiserToken)
    expect(before).toMatchObject({ organiser: true, eventCode: event.eventCode, openRound: 1 })
    expect(before.boards).toHaveLength(8)
    expect(before.boards.map((b) => b.moderatorUrl)).toEqual(event.boards.map((b) => b.moderatorUrl))
    expect(before.boards.every((b) => b.state.notes === 0 && b.state.phase === 'sammeln' && !b.state.reportDone)).toBe(true)

    const host = await runForum(2, 1, ['Beteiligung', 'Schutzkonzepte'], 'Kinderrechte-Check einführen')
    const guest = connectClient(server.ws, board(2, 1).boardId)
    clients.push(guest)
    await guest.synced()
    host.provider.awareness.setLocalStateField('name', 'Moderation')
    guest.provider.awareness.setLocalStateField('name', 'Gast')
    setPhase(host.doc, 'abschluss')
    await host.settled()
    // Presence reaches the server a moment after the doc: asked again until it shows, as the page does.
    let after = await overview(event.organiserToken)
    const row = () => after.boards.find((b) => b.boardId === board(2, 1).boardId)!
    for (let i = 0; i < 50 && row().state.present < 2; i++) {
      await new Promise((r) => setTimeout(r, 100))
      after = await overview(event.organiserToken)
    }
    expect(row().state).toEqual({ phase: 'abschluss', present: 2, notes: 2, votes: 0, reportDone: true })
    expect(after.boards.filter((b) => b.state.notes > 0)).toHaveLength(1)
  })

  it('shows a forum host their forum only (both rounds), without moderator links, and nothing to others', async () => {
    const host = await overview(board(1, 2).moderatorToken)
    expect(host.organiser).toBe(false)
    expect(host.eventCode).toBeUndefined()
    expect(host.boards.map((b) => [b.forum, b.round])).toEqual([
      ['Chancengerechtigkeit', 1],
      ['Chancengerechtigkeit', 2],
    ])
    expect(host.boards.every((b) => b.moderatorUrl === null)).toBe(true)
    const url = `${server.http}/api/events/${event.eventId}`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, withToken(event.organiserToken.slice(1) + 'x'))).status).toBe(403)
    const other = await createEvent(server)
    expect((await fetch(url, withToken(other.organiserToken))).status).toBe(403)
    expect((await fetch(url, withToken(other.boards[0]!.moderatorToken))).status).toBe(403)
  })
})

describe('the combined report', () => {
  it('holds every forum’s top clusters labelled by forum and round, both rounds side by side, and every Maßnahme', async () => {
    await runForum(0, 1, ['Bewegung im Quartier', 'Gesunde Kita'], 'Bewegungsangebote bündeln', 'Stadt Kassel')
    await runForum(0, 2, ['Sportvereine einbinden'], 'Vereine anschreiben', 'Landkreis Fulda')
    await runForum(1, 1, ['Zugang zu Hilfen'], 'Lotsendienst prüfen', 'stadt  kassel')
    await runForum(2, 2, ['Beteiligung von Kindern'], 'Kinderparlament')
    await runForum(3, 1, ['Wirkungsziele'], 'Zielsystem abstimmen')
    const res = await fetch(`${server.http}/api/events/${event.eventId}/report.md`, withToken(event.organiserToken))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/markdown')
    const md = await res.text()
    expect(md).toContain(`# ${FACHTAG.title}`)
    // Every forum round's institutions, each once (two spellings of Stadt Kassel count as one), alphabetically.
    expect(md).toContain('- Institutionen: Landkreis Fulda, Stadt Kassel\n')
    // The prose draft covers the event: who met, what each forum named (both rounds together), the actions.
    expect(md).toMatch(/statt, mit vier Foren in je zwei Runden\. Beteiligt waren \d+ Personen aus Landkreis Fulda und Stadt Kassel\./)
    expect(md).toContain('Im Forum „Gesundheitsförderung“ wurden als förderliche Faktoren „Bewegung im Quartier“, „Gesunde Kita“ und „Sportvereine einbinden“ genannt.')
    expect(md).toContain('Vereinbart wurden fünf Maßnahmen: „Bewegungsangebote bündeln“ (Gesundheitsförderung – Runde 1),')
    // Both rounds of Gesundheitsförderung ran: one table, a column per round, their clusters in one row.
    expect(md).toContain('| Gesundheitsförderung – Runde 1 | Gesundheitsförderung – Runde 2 |')
    expect(md).toContain('| **Bewegung im Quartier** (1 Notiz) | **Sportvereine einbinden** (1 Notiz) |')
    expect(md).toContain('| **Gesunde Kita** (1 Notiz) |   |')
    for (const cluster of ['Zugang zu Hilfen', 'Beteiligung von Kindern', 'Wirkungsziele']) expect(md).toContain(`**${cluster}**`)
    expect(md).toContain('| Kinderrechte – Runde 2 |')
    for (const [label, what] of [
      ['Gesundheitsförderung – Runde 1', 'Bewegungsangebote bündeln'],
      ['Gesundheitsförderung – Runde 2', 'Vereine anschreiben'],
      ['Chancengerechtigkeit – Runde 1', 'Lotsendienst prüfen'],
      ['Kinderrechte – Runde 2', 'Kinderparlament'],
      ['Wirkungsorientierung – Runde 1', 'Zielsystem abstimmen'],
    ])
      expect(md).toContain(`| ${label} | ${what} | Netzwerkkoordination |`)

    const json = (await (await fetch(`${server.http}/api/events/${event.eventId}/report.json`, withToken(event.organiserToken))).json()) as {
      format: string
      zones: { zone: string; forums: { forum: string; rounds: { label: string; items: { title: string }[] }[] }[] }[]
      actions: unknown[]
      institutions: string[]
    }
    expect(json.format).toBe('ballonfahrt-event-report')
    expect(json.institutions).toEqual(['Landkreis Fulda', 'Stadt Kassel'])
    expect(json.zones.find((z) => z.zone === 'steigen')!.forums.map((f) => f.rounds.map((r) => r.label))).toEqual([
      ['Gesundheitsförderung – Runde 1', 'Gesundheitsförderung – Runde 2'],
      ['Chancengerechtigkeit – Runde 1'],
      ['Kinderrechte – Runde 2'],
      ['Wirkungsorientierung – Runde 1'],
    ])
    expect(json.actions).toHaveLength(5)

    const docx = readDocx(new Uint8Array(await (await fetch(`${server.http}/api/events/${event.eventId}/report.docx`, withToken(event.organiserToken))).arrayBuffer()))
    const text = docx.paragraphs.map((p) => p.text)
    for (const expected of ['Gesundheitsförderung – Runde 2', 'Sportvereine einbinden (1 Notiz)', 'Kinderparlament', 'Wirkungsziele (1 Notiz)', 'Institutionen: Landkreis Fulda, Stadt Kassel'])
      expect(text).toContain(expected)
    for (const expected of ['Beteiligt waren', 'Im Forum „Kinderrechte“ wurde als förderlicher Faktor „Beteiligung von Kindern“ genannt.'])
      expect(text.join('\n')).toContain(expected)
  })

  it('gives a forum host the report of their forum only, and refuses unknown formats', async () => {
    await runForum(0, 1, ['Bewegung im Quartier'], 'Bewegungsangebote bündeln', 'Stadt Kassel')
    await runForum(1, 1, ['Zugang zu Hilfen'], 'Lotsendienst prüfen', 'Landkreis Fulda')
    const md = await (await fetch(`${server.http}/api/events/${event.eventId}/report.md`, withToken(board(1, 1).moderatorToken))).text()
    expect(md).toContain('Zugang zu Hilfen')
    expect(md).toContain('- Institutionen: Landkreis Fulda\n')
    expect(md).not.toContain('Bewegung')
    expect(md).not.toContain('Kassel')
    expect((await fetch(`${server.http}/api/events/${event.eventId}/report.html`, withToken(event.organiserToken))).status).toBe(404)
    expect((await fetch(`${server.http}/api/events/${event.eventId}/report.md`)).status).toBe(401)
  })
})
