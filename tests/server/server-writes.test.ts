import { afterEach, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { setTitle } from '../../model/board'
import { setPhase } from '../../model/phases'
import { addDraft, draftsOf, setDone } from '../../model/privateDoc'
import { membersOf, notesOf, progressOf } from '../../model/schema'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer | null = null
const clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

function client(name: string, secret = newSecretId()): TestClient {
  const c = connectClient(server!.ws, name, { secret })
  clients.push(c)
  return c
}

async function boardDoc(boardId: string) {
  const room = await server!.app.rooms.open(boardId)
  return room.doc
}

describe('counts the server writes are for members only', () => {
  it('ten fresh secrets that only open their private doc and say "fertig" add no progress and no member; one who joined does', async () => {
    server = await startTestServer()
    const board = await createBoard(server, { title: 'Privat sammeln' })
    for (let i = 0; i < 10; i++) {
      const stranger = client(`${board.boardId}/private`)
      await stranger.synced()
      setDone(stranger.doc, true)
      await stranger.settled()
    }
    const secret = newSecretId()
    const joined = client(board.boardId, secret)
    await joined.synced()
    const mine = client(`${board.boardId}/private`, secret)
    await mine.synced()
    setDone(mine.doc, true)
    await mine.settled()
    const doc = await boardDoc(board.boardId)
    await waitFor(() => progressOf(doc).size > 0, 5000, 'the member’s progress')
    expect([...progressOf(doc).keys()]).toEqual([joined.actor.participantId])
    expect([...membersOf(doc).keys()]).toEqual([joined.actor.participantId])
  })

  it('a member whose private change came before the join was written still gets its progress', async () => {
    server = await startTestServer()
    const board = await createBoard(server, { title: 'Privat sammeln' })
    const secret = newSecretId()
    const mine = client(`${board.boardId}/private`, secret)
    await mine.synced()
    setDone(mine.doc, true)
    await mine.settled()
    const joined = client(board.boardId, secret)
    await joined.synced()
    const doc = await boardDoc(board.boardId)
    await waitFor(() => progressOf(doc).has(joined.actor.participantId), 5000, 'progress once a member')
    expect((progressOf(doc).get(joined.actor.participantId) as { done: boolean }).done).toBe(true)
  })
})

describe('the reveal keeps to the board byte cap', () => {
  it('moves only what fits, leaves the rest as drafts, and the board stays writable for everyone', async () => {
    const cap = 60_000
    server = await startTestServer({ maxBoardBytes: cap })
    const board = await createBoard(server, { title: 'Fast voll' })
    const moderator = connectClient(server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    clients.push(moderator)
    await moderator.synced()
    // Four participants with 25 drafts of 1,000 characters each: about 100 KB, more than the cap.
    const privates: TestClient[] = []
    for (let p = 0; p < 4; p++) {
      const secret = newSecretId()
      await client(board.boardId, secret).synced()
      const mine = client(`${board.boardId}/private`, secret)
      await mine.synced()
      for (let i = 0; i < 25; i++) addDraft(mine.doc, { zone: 'steigen', text: `${p}-${i} ${'x'.repeat(990)}` })
      await mine.settled()
      privates.push(mine)
    }
    setPhase(moderator.doc, 'aufdecken')
    await moderator.settled()
    const doc = await boardDoc(board.boardId)
    const drafts = () => privates.reduce((n, c) => n + draftsOf(c.doc).size, 0)
    await waitFor(() => notesOf(doc).size > 0 && notesOf(doc).size + drafts() === 100, 10_000, 'the reveal')
    const room = await server.app.rooms.open(board.boardId)
    await server.app.store.flushed()
    expect(room.storedBytes).toBeLessThanOrEqual(cap)
    expect(notesOf(doc).size).toBeGreaterThan(0)
    expect(drafts()).toBeGreaterThan(0)
    // The moderation can still work: a change of the title is acknowledged, not refused.
    setTitle(moderator.doc, 'Fast voll, aber bedienbar')
    await moderator.settled()
    expect(moderator.rejects).toEqual([])
    server.app.rooms.release(room)
  })
})
