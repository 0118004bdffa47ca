import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { addDraft } from '../../model/privateDoc'
import { setSetting } from '../../model/settings'
import { PostgresBoardStore } from '../../server/store/postgres'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { FACHTAG, createEvent, withToken } from '../helpers/events'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import { startPostgres } from '../helpers/services'
import type { PgServer } from '../helpers/services'

let postgres: PgServer
let server: TestServer | null = null
const clients: TestClient[] = []

beforeAll(async () => {
  postgres = await startPostgres()
  // As docs/operations.md asks of a deployment that promises erasure: old WAL segments are deleted, not reused.
  await sql(postgres.url(), 'ALTER SYSTEM SET wal_recycle = off')
  await sql(postgres.url(), 'SELECT pg_reload_conf()')
}, 60_000)
afterAll(() => postgres.destroy())
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

/** Every file under `dir` whose raw bytes hold `text` (paths relative to `dir`). */
function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8')
  const found: string[] = []
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      const stat = statSync(path, { throwIfNoEntry: false })
      if (stat?.isDirectory()) walk(path)
      else if (stat?.isFile() && readFileSync(path).includes(needle)) found.push(relative(dir, path))
    }
  }
  walk(dir)
  return found
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

describe('deleting an event on PostgreSQL leaves no text of its boards in the raw files', () => {
  it('DELETE /api/events/<id>: neither table files nor WAL hold the title, a forum, a note or a draft afterwards', async () => {
    const url = await postgres.createDatabase(`secure_${Date.now()}`)
    server = await startTestServer({}, () => PostgresBoardStore.open(url))
    const unique = `Einzigartig-${newSecretId()}`
    const event = await createEvent(server, { ...FACHTAG, title: `${unique} Titel`, forums: [...FACHTAG.forums, { title: `${unique} Forum` }] })
    const host = event.boards.at(-1)!
    const moderator = connectClient(server.ws, host.boardId, { moderatorToken: host.moderatorToken })
    const drafts = connectClient(server.ws, `${event.boards[0]!.boardId}/private`)
    clients.push(moderator, drafts)
    await Promise.all([moderator.synced(), drafts.synced()])
    setSetting(moderator.doc, 'privateWriting', false)
    addNote(moderator.doc, { zone: 'steigen', text: `${unique} Notiz`, author: moderator.actor.participantId })
    addDraft(drafts.doc, { zone: 'einheizen', text: `${unique} Entwurf` })
    await Promise.all([moderator.settled(), drafts.settled()])
    await server.app.store.flushed()
    await sql(postgres.url(), 'CHECKPOINT')
    const before = filesHolding(postgres.dataDir, unique)
    // Table files (base/) and the WAL (pg_wal/) held the texts: the scan can see them.
    expect(before.some((f) => f.startsWith('base/'))).toBe(true)
    expect(before.some((f) => f.startsWith('pg_wal/'))).toBe(true)

    const res = await fetch(`${server.http}/api/events/${event.eventId}`, withToken(event.organiserToken, { method: 'DELETE' }))
    expect(res.status).toBe(204)
    await waitFor(() => moderator.closes.includes(4410), 3000, 'closed with 4410')
    // What the server did (DELETE, then VACUUM) reaches the table files at the next checkpoint.
    await sql(postgres.url(), 'CHECKPOINT')
    expect(filesHolding(postgres.dataDir, unique).filter((f) => !f.startsWith('pg_wal/'))).toEqual([])

    // The WAL is the operator's (docs/operations.md): with wal_recycle off, once the WAL has moved
    // past the deletion and two checkpoints passed, its old segments are removed, not renamed for reuse.
    await sql(postgres.url(), 'SELECT pg_switch_wal()')
    await sql(postgres.url(), 'CHECKPOINT')
    await sql(postgres.url(), 'SELECT pg_switch_wal()')
    await sql(postgres.url(), 'CHECKPOINT')
    expect(filesHolding(postgres.dataDir, unique)).toEqual([])
  })
})
