import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { startRetention } from '../../server/retention'
import { DATA_FILES } from '../../server/store/files'
import { connectClient } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer | null = null
const clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

/** Which of the raw database files (the database, its WAL) hold `text`, byte for byte. */
function filesHolding(dataDir: string, text: string): string[] {
  const base = join(dataDir, DATA_FILES.boards)
  const needle = Buffer.from(text, 'utf8')
  return [base, `${base}-wal`].filter((file) => existsSync(file) && readFileSync(file).includes(needle))
}

/** A board with a note whose text is unique, acknowledged and compacted once (snapshot and log both held it). */
async function boardWithSecret(): Promise<{ boardId: string; moderatorToken: string; secret: string }> {
  const board = await createBoard(server!, OPEN_BOARD)
  const secret = `Geheimnis-${newSecretId()}`
  const c = connectClient(server!.ws, board.boardId)
  clients.push(c)
  await c.synced()
  addNote(c.doc, { zone: 'steigen', text: secret, author: c.actor.participantId })
  await c.settled()
  c.destroy()
  return { boardId: board.boardId, moderatorToken: board.moderatorToken, secret }
}

describe('a deleted board leaves no text in the raw database files', () => {
  it('DELETE by the moderator: neither the database nor its WAL holds the note text afterwards', async () => {
    server = await startTestServer({ compactAfter: 1 })
    const { boardId, moderatorToken, secret } = await boardWithSecret()
    // The scan finds the text while the board exists: it looks in the right places.
    expect(filesHolding(server.dataDir, secret).length).toBeGreaterThan(0)
    const res = await fetch(`${server.http}/api/boards/${boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${moderatorToken}` } })
    expect(res.status).toBe(204)
    expect(filesHolding(server.dataDir, secret)).toEqual([])
  })

  it('the retention sweep: an expired board is gone from both files too', async () => {
    server = await startTestServer()
    const { boardId, secret } = await boardWithSecret()
    await server.app.rooms.evictBoard(boardId, 4410, 'Test')
    expect(filesHolding(server.dataDir, secret).length).toBeGreaterThan(0)
    const retention = startRetention({ store: server.app.store, ttlDays: 1, inUse: () => false, evict: async () => {}, now: () => Date.now() + 2 * 86_400_000 })
    retention.stop()
    expect(await retention.sweep()).toContain(boardId)
    expect(filesHolding(server.dataDir, secret)).toEqual([])
  })
})
