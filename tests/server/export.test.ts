import Database from 'better-sqlite3'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setBoardLocale } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { fixtureData } from '../helpers/exportBoard'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
const clients: TestClient[] = []
const fixture = fixtureData()

async function importFile(body: unknown): Promise<Response> {
  return fetch(`${server.http}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

function boardCount(): number {
  const db = new Database(join(server.dataDir, 'ballonfahrt.sqlite'), { readonly: true })
  const n = (db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n
  db.close()
  return n
}

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('import', () => {
  it('creates a board from the fixture with every note, cluster, vote and action', async () => {
    const res = await importFile(fixture)
    expect(res.status).toBe(201)
    const board = (await res.json()) as CreatedBoard
    const c = connectClient(server.ws, board.boardId)
    clients.push(c)
    await c.synced()
    const view = toBoardView(c.doc)
    expect(view.title).toBe(fixture.title)
    expect(view.date).toBe('2025-01-29')
    expect(view.noteCount).toBe(18)
    expect(view.zones.steigen.clusters.map((cl) => cl.title)).toEqual(['Vernetzung & Strukturen', 'Politische Unterstützung', 'Erste Maßnahmen'])
    const ressourcen = view.zones.untenHalten.clusters.find((cl) => cl.title === 'Ressourcen')!
    expect(view.tally[ressourcen.id]).toBe(8)
    expect(view.actions.map((a) => a.who)).toEqual(['Koordination', 'AG Beteiligung'])
  })

  it('answers invalid input with 400 and a message saying what is wrong, creating nothing', async () => {
    const before = boardCount()
    const broken = [
      { ...fixture, title: 42 },
      { ...fixture, zones: { keller: [] } },
      { ...fixture, zones: { steigen: [{ cluster: null, votes: 0, notes: ['x'.repeat(5000)] }] } },
      { ...fixture, actions: [{ what: 'A', who: 'B', until: '2025-02-30' }] },
      'kein Objekt',
    ]
    for (const body of broken) {
      const res = await importFile(body)
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: string }
      expect(error.length).toBeGreaterThan(8)
    }
    const invalidJson = await fetch(`${server.http}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{kaputt' })
    expect(invalidJson.status).toBe(400)
    expect(boardCount()).toBe(before)
  })

  it('offers the example board', async () => {
    const res = await fetch(`${server.http}/api/boards/demo`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(201)
  })
})

describe('export', () => {
  it('needs the moderator token and answers every format; JSON round-trips through import', async () => {
    const board = (await (await importFile(fixture)).json()) as CreatedBoard
    const url = (ext: string) => `${server.http}/api/boards/${board.boardId}/export.${ext}`
    const auth = { authorization: `Bearer ${board.moderatorToken}` }
    expect((await fetch(url('md'))).status).toBe(401)
    const forbidden = await fetch(url('md'), { headers: { authorization: 'Bearer falschfalschfalschfalschfalsch' } })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.text()).not.toContain('Vernetzung')

    const md = await fetch(url('md'), { headers: auth })
    expect(md.headers.get('content-type')).toContain('text/markdown')
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="ballonfahrt-.*\.md"/)
    const markdown = await md.text()
    for (const text of ['Strukturen', 'Fehlende finanzielle Ressourcen', 'Koordination', 'Förderliche Faktoren']) expect(markdown).toContain(text)

    const csvBytes = new Uint8Array(await (await fetch(url('csv'), { headers: auth })).arrayBuffer())
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = new TextDecoder().decode(csvBytes)
    expect(csv).toContain('Personalwechsel')
    const excel = await (await fetch(`${url('csv')}?separator=semicolon`, { headers: auth })).text()
    expect(excel.split('\r\n')[0]).toContain(';')

    const docx = new Uint8Array(await (await fetch(url('docx'), { headers: auth })).arrayBuffer())
    const documentXml = strFromU8(unzipSync(docx)['word/document.xml']!)
    expect(documentXml).toContain('Fachkräftemangel')

    const exported = await (await fetch(url('json'), { headers: auth })).json()
    const again = (await (await importFile(exported)).json()) as CreatedBoard
    const second = await (await fetch(`${server.http}/api/boards/${again.boardId}/export.json`, { headers: { authorization: `Bearer ${again.moderatorToken}` } })).json()
    expect(second).toEqual(exported)
    expect((await fetch(url('pdf'), { headers: auth })).status).toBe(404)
  })
})

describe('the report draft in prose (issue 16)', () => {
  it('export.md has, under each zone heading, a paragraph of running text naming that zone\'s top clusters; DOCX has it too', async () => {
    const board = (await (await importFile(fixture)).json()) as CreatedBoard
    const auth = { authorization: `Bearer ${board.moderatorToken}` }
    const markdown = await (await fetch(`${server.http}/api/boards/${board.boardId}/export.md`, { headers: auth })).text()
    const top: Record<string, string[]> = {
      'Förderliche Faktoren (Steigen)': ['Vernetzung & Strukturen', 'Politische Unterstützung', 'Erste Maßnahmen'],
      'Hemmende Faktoren (Unten halten)': ['Ressourcen', 'Personal'],
      'Impulse / nächste Schritte (Einheizen)': ['Sichtbarkeit', 'Ins Handeln kommen', 'Beteiligung'],
    }
    for (const [heading, titles] of Object.entries(top)) {
      const blocks = markdown.slice(markdown.indexOf(`## ${heading}\n`)).split('\n\n')
      // heading, question in italics, then the paragraph: running text, not a list or heading.
      const paragraph = blocks[2]!
      expect(paragraph).toMatch(/^Auf die Frage „.*“ wurden? als .* genannt\./)
      for (const title of titles) expect(paragraph).toContain(`„${title}“`)
    }
    const docx = new Uint8Array(await (await fetch(`${server.http}/api/boards/${board.boardId}/export.docx`, { headers: auth })).arrayBuffer())
    expect(strFromU8(unzipSync(docx)['word/document.xml']!)).toContain('wurden als hemmende Faktoren')
  })
})

describe('the board language (moderator setting), whatever language the people use', () => {
  async function exported(board: CreatedBoard, ext: string): Promise<string> {
    const res = await fetch(`${server.http}/api/boards/${board.boardId}/export.${ext}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(res.status).toBe(200)
    if (ext !== 'docx') return res.text()
    return strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!)
  }

  function join(board: CreatedBoard, moderator: boolean): TestClient {
    const c = connectClient(server.ws, board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
    clients.push(c)
    return c
  }

  it('exports in English once the moderator sets English on a board created from a German interface; a participant cannot switch it', async () => {
    const board = await createBoard(server, { title: 'Rückblick', locale: 'de' })
    expect(await exported(board, 'md')).toContain('Förderliche Faktoren')

    const participant = join(board, false)
    await participant.synced()
    setBoardLocale(participant.doc, 'en')
    await waitFor(() => participant.rejects.length > 0, 3000, 'reject')
    expect(participant.rejects).toEqual(['notAllowed'])
    expect(await exported(board, 'md')).toContain('Förderliche Faktoren')

    const moderator = join(board, true)
    await moderator.synced()
    setBoardLocale(moderator.doc, 'en')
    await moderator.settled()
    const markdown = await exported(board, 'md')
    expect(markdown).toContain('Supporting factors')
    expect(markdown).not.toContain('Förderliche Faktoren')
    expect((await exported(board, 'csv')).split('\r\n')[0]).toContain('Zone,Cluster,Note')
    expect(await exported(board, 'docx')).toContain('Supporting factors')
    expect(JSON.parse(await exported(board, 'json'))).toMatchObject({ locale: 'en' })
  })

  it('exports in German once the moderator sets German on a board from an English interface', async () => {
    const english = (await (await importFile({ ...fixture, locale: 'en' })).json()) as CreatedBoard
    const before = await exported(english, 'md')
    expect(before).toContain('Supporting factors')
    expect(before).toContain('29 January 2025')

    const moderator = join(english, true)
    await moderator.synced()
    setBoardLocale(moderator.doc, 'de')
    await moderator.settled()
    const markdown = await exported(english, 'md')
    expect(markdown).toContain('Förderliche Faktoren')
    expect(markdown).toContain('29.01.2025')
    expect(markdown).not.toContain('Supporting factors')
    expect((await exported(english, 'csv')).split('\r\n')[0]).toContain('Bereich')
  })
})
