import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { addDraft, draftsOf } from '../../model/privateDoc'
import { toBoardView } from '../../model/view'
import { checkCopy } from '../../server/store/copyToPostgres'
import { PostgresBoardStore } from '../../server/store/postgres'
import { connectClient } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { startPostgres } from '../helpers/services'
import type { PgServer } from '../helpers/services'

/** `npm run migrate:postgres -- <data dir>`: a SQLite installation moved into PostgreSQL. */
let postgres: PgServer
let sqliteServer: TestServer
let boards: CreatedBoard[]
let code: string
let linkToken: string
const written = new Map<string, string[]>()

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

function migrate(dir: string, url: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/migrate-postgres.ts', dir], { env: { ...process.env, DATABASE_URL: url }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

async function connected(server: TestServer, room: string, options: Parameters<typeof connectClient>[2] = {}): Promise<TestClient> {
  const client = connectClient(server.ws, room, options)
  await client.synced()
  return client
}

const secret = newSecretId()
const draftTexts = (doc: Y.Doc) => [...draftsOf(doc).values()].map((d) => String(d.get('text'))).sort()

/**
 * Two boards on SQLite, with logs long enough to be compacted: an open board with notes, and a
 * board collecting privately with one participant's drafts; and a live code.
 */
beforeAll(async () => {
  postgres = await startPostgres()
  sqliteServer = await startTestServer({ compactAfter: 5 })
  boards = [await createBoard(sqliteServer, OPEN_BOARD), await createBoard(sqliteServer, { title: 'Privat gesammelt' })]
  const client = await connected(sqliteServer, boards[0]!.boardId)
  const notes = Array.from({ length: 12 }, (_, i) => `Notiz ${i}`)
  for (const text of notes) addNote(client.doc, { zone: 'steigen', text, author: client.actor.participantId })
  await client.settled()
  written.set(boards[0]!.boardId, notes.sort())
  client.destroy()
  const drafts = await connected(sqliteServer, `${boards[1]!.boardId}/private`, { secret })
  const texts = Array.from({ length: 12 }, (_, i) => `Entwurf ${i}`)
  for (const text of texts) addDraft(drafts.doc, { zone: 'einheizen', text })
  await drafts.settled()
  written.set('drafts', texts.sort())
  drafts.destroy()
  const issued = await fetch(`${sqliteServer.http}/api/boards/${boards[0]!.boardId}/code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${boards[0]!.moderatorToken}` },
  })
  code = ((await issued.json()) as { code: string }).code
  const link = await fetch(`${sqliteServer.http}/api/boards/${boards[0]!.boardId}/moderators`, {
    method: 'POST',
    headers: { authorization: `Bearer ${boards[0]!.moderatorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label: 'Co-Moderation' }),
  })
  linkToken = ((await link.json()) as { moderatorToken: string }).moderatorToken
  await sqliteServer.app.close()
}, 60_000)

afterAll(async () => {
  rmSync(sqliteServer.dataDir, { recursive: true, force: true })
  await postgres.destroy()
})

describe('migrate:postgres', () => {
  it('copies every board, log, snapshot, private doc and live code, checks it, and the server runs on the copy', async () => {
    const url = await postgres.createDatabase('moved')
    const run = await migrate(sqliteServer.dataDir, url)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>
    expect(report).toMatchObject({ boards: 2, codes: 1, moderatorLinks: 1, docs: 3, checked: 3 })
    expect(report.snapshots).toBeGreaterThanOrEqual(3)
    expect(run.stdout).toContain('checked 3 docs')

    const server = await startTestServer({}, () => PostgresBoardStore.open(url))
    try {
      const client = await connected(server, boards[0]!.boardId)
      expect(texts(client.doc)).toEqual(written.get(boards[0]!.boardId))
      // A new note continues the copied log.
      addNote(client.doc, { zone: 'einheizen', text: 'Nach dem Umzug', author: client.actor.participantId })
      await client.settled()
      client.destroy()
      const drafts = await connected(server, `${boards[1]!.boardId}/private`, { secret })
      expect(draftTexts(drafts.doc)).toEqual(written.get('drafts'))
      drafts.destroy()
      // The moderator token still works (its hash was copied), and so does the code.
      const md = await fetch(`${server.http}/api/boards/${boards[0]!.boardId}/export.md`, { headers: { authorization: `Bearer ${boards[0]!.moderatorToken}` } })
      expect(md.status).toBe(200)
      expect(await md.text()).toContain('Nach dem Umzug')
      expect(await (await fetch(`${server.http}/api/codes/${code}`)).json()).toEqual({ boardId: boards[0]!.boardId })
      // So does the co-moderator link (its hash and label were copied).
      const byLink = await fetch(`${server.http}/api/boards/${boards[0]!.boardId}/export.md`, { headers: { authorization: `Bearer ${linkToken}` } })
      expect(byLink.status).toBe(200)
      expect((await server.app.store.moderatorLinks(boards[0]!.boardId)).map((l) => l.label)).toEqual(['Co-Moderation'])
    } finally {
      await server.app.close()
      rmSync(server.dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('finds a copy that differs from the original', async () => {
    const url = await postgres.createDatabase('damaged')
    expect((await migrate(sqliteServer.dataDir, url)).status).toBe(0)
    expect(await checkCopy(sqliteServer.dataDir, url)).toBe(3)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    // The board's snapshot replaced by an empty state: its notes are gone from the copy. (Not a
    // log entry: one written while a compaction ran may also be in the snapshot, and then its
    // loss changes nothing.)
    await client.query('UPDATE snapshots SET data = $1 WHERE doc = $2', [Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())), boards[0]!.boardId])
    await client.end()
    await expect(checkCopy(sqliteServer.dataDir, url)).rejects.toThrow(/differs from the original/)
  }, 60_000)

  it('refuses a database that already holds boards, and a folder without the SQLite database', async () => {
    const url = await postgres.createDatabase('occupied')
    expect((await migrate(sqliteServer.dataDir, url)).status).toBe(0)
    const again = await migrate(sqliteServer.dataDir, url)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already holds boards')
    const empty = mkdtempSync(join(tmpdir(), 'ballonfahrt-empty-'))
    try {
      const missing = await migrate(empty, await postgres.createDatabase('untouched'))
      expect(missing.status).toBe(1)
      expect(missing.stderr).toContain('expected ballonfahrt.sqlite')
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  }, 60_000)
})
