import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { addDraft } from '../../model/privateDoc'
import { toBoardView } from '../../model/view'
import { startApp } from '../../server/app'
import { MESSAGE } from '../../protocol/messages'
import { PostgresBoardStore } from '../../server/store/postgres'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer, testConfig } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { startPostgres } from '../helpers/services'
import type { PgServer } from '../helpers/services'

/**
 * The server's promises that matter most, once more on PostgreSQL: sync, acknowledged means
 * committed, restart, reveal, delete, retention, export, codes shared by two instances.
 */
let postgres: PgServer
let databases = 0
let url: string
let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const extra: Array<{ close(): Promise<void> }> = []

function join_(room = board.boardId, options: Parameters<typeof connectClient>[2] = {}): TestClient {
  const client = connectClient(server.ws, room, options)
  clients.push(client)
  return client
}

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

async function rows(sql: string, params: unknown[]): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n)
  } finally {
    await client.end()
  }
}

/** Rows of a board and of its private docs, in every table. */
async function rowsOf(boardId: string): Promise<number> {
  const docs = `${boardId}/%`
  return (
    (await rows('SELECT count(*) AS n FROM boards WHERE id = $1', [boardId])) +
    (await rows('SELECT count(*) AS n FROM updates WHERE doc = $1 OR doc LIKE $2', [boardId, docs])) +
    (await rows('SELECT count(*) AS n FROM snapshots WHERE doc = $1 OR doc LIKE $2', [boardId, docs])) +
    (await rows('SELECT count(*) AS n FROM join_codes WHERE board_id = $1', [boardId]))
  )
}

const onPostgres = () => PostgresBoardStore.open(url)

beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres.destroy())
beforeEach(async () => {
  url = await postgres.createDatabase(`server_${++databases}`)
  server = await startTestServer({}, onPostgres)
  board = await createBoard(server, OPEN_BOARD)
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const e of extra.splice(0)) await e.close()
  await server.stop()
})

describe('a server on PostgreSQL', () => {
  it('syncs two clients and acks each update only once its row is committed', async () => {
    const a = join_()
    const b = join_()
    await Promise.all([a.synced(), b.synced()])
    // The client's answer to the server's sync step 1 (which a freshly loaded board sends once
    // it is decoded) is a document message too: let it be acknowledged before counting.
    await waitFor(() => a.sent() >= 1, 5000, "a's sync step 2")
    await a.settled()
    const count = () => rows('SELECT count(*) AS n FROM updates WHERE doc = $1', [board.boardId])
    const before = await count()
    const seen: Promise<number>[] = []
    const ack = a.provider.messageHandlers[MESSAGE.ack]!
    a.provider.messageHandlers[MESSAGE.ack] = (...args) => {
      // At the moment the ack arrives, the row must be readable from another connection.
      seen.push(count())
      return ack(...args)
    }
    addNote(a.doc, { zone: 'steigen', text: 'Vernetzung', author: a.actor.participantId })
    addNote(b.doc, { zone: 'untenHalten', text: 'Personalwechsel', author: b.actor.participantId })
    await waitFor(() => texts(a.doc).length === 2 && texts(b.doc).length === 2)
    await a.settled()
    expect(seen.length).toBeGreaterThanOrEqual(1)
    expect(await seen[0]!).toBeGreaterThan(before)
    expect(toBoardView(a.doc)).toEqual(toBoardView(b.doc))
  })

  it('keeps every acknowledged note across a restart', async () => {
    const a = join_()
    await a.synced()
    for (let i = 0; i < 30; i++) addNote(a.doc, { zone: 'einheizen', text: `Notiz ${i}`, author: a.actor.participantId })
    await a.settled()
    a.destroy()
    await server.restart()
    const b = join_()
    await b.synced()
    expect(texts(b.doc)).toHaveLength(30)
  })

  it('reveals private drafts from PostgreSQL into the board', async () => {
    await server.stop()
    server = await startTestServer({}, onPostgres)
    board = await createBoard(server, { title: 'Privat' })
    const secret = newSecretId()
    const anna = join_(board.boardId, { secret })
    const annasDrafts = join_(`${board.boardId}/private`, { secret })
    const mod = join_(board.boardId, { moderatorToken: board.moderatorToken })
    await Promise.all([anna.synced(), annasDrafts.synced(), mod.synced()])
    addDraft(annasDrafts.doc, { zone: 'steigen', text: 'Entwurf aus Postgres' })
    await annasDrafts.settled()
    expect(await rows('SELECT count(*) AS n FROM updates WHERE doc LIKE $1', [`${board.boardId}/p/%`])).toBeGreaterThan(0)
    expect(texts(mod.doc)).toEqual([])
    setPhase(mod.doc, 'aufdecken')
    await waitFor(() => texts(anna.doc).length === 1, 5000, 'reveal')
    expect(texts(anna.doc)).toEqual(['Entwurf aus Postgres'])
  })

  it('deletes a board with every row, its private docs and its code', async () => {
    const secret = newSecretId()
    const drafts = join_(`${board.boardId}/private`, { secret })
    await drafts.synced()
    addDraft(drafts.doc, { zone: 'steigen', text: 'weg damit' })
    await drafts.settled()
    const auth = { authorization: `Bearer ${board.moderatorToken}` }
    expect((await fetch(`${server.http}/api/boards/${board.boardId}/code`, { method: 'POST', headers: auth })).status).toBe(200)
    expect(await rowsOf(board.boardId)).toBeGreaterThanOrEqual(4)
    const res = await fetch(`${server.http}/api/boards/${board.boardId}`, { method: 'DELETE', headers: auth })
    expect(res.status).toBe(204)
    expect(await rowsOf(board.boardId)).toBe(0)
    expect((await fetch(`${server.http}/api/boards/${board.boardId}`)).status).toBe(404)
  })

  it('sweeps expired boards when it starts', async () => {
    await server.app.close()
    const again = await startApp(testConfig(server.dataDir, { boardTtlDays: 0 }), await onPostgres())
    extra.push(again)
    expect(await rows('SELECT count(*) AS n FROM boards WHERE id = $1', [board.boardId])).toBe(0)
    expect((await fetch(`http://127.0.0.1:${again.port}/api/boards/${board.boardId}`)).status).toBe(404)
    // The test server's own close() then finds its app closed already.
    server.app = again
  })

  it('exports a board it loads from PostgreSQL', async () => {
    const a = join_()
    await a.synced()
    addNote(a.doc, { zone: 'steigen', text: 'Export aus Postgres', author: a.actor.participantId })
    await a.settled()
    const md = await fetch(`${server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(md.status).toBe(200)
    expect(await md.text()).toContain('Export aus Postgres')
  })

  it('answers a board code on another instance of the same database', async () => {
    const other = await startApp(testConfig(server.dataDir), await onPostgres())
    extra.push(other)
    const issued = await fetch(`${server.http}/api/boards/${board.boardId}/code`, { method: 'POST', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    const { code } = (await issued.json()) as { code: string }
    const found = await fetch(`http://127.0.0.1:${other.port}/api/codes/${code}`)
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual({ boardId: board.boardId })
  })
})
