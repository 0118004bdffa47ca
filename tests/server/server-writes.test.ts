import { afterEach, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { setTitle } from '../../model/board'
import * as Y from 'yjs'
import { initBoard } from '../../model/board'
import { toBoardFile } from '../../model/export/json'
import { addNote } from '../../model/notes'
import { setPhase, setVotesRevealed } from '../../model/phases'
import { addDraft, castVote, draftsOf, setDone } from '../../model/privateDoc'
import { budgetUnder, tallyEntryBytes } from '../../model/reveal'
import { membersOf, notesOf, progressOf, votesOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
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

describe('seats (model/seats.ts)', () => {
  it('are written in the order people join, kept by whoever comes back, and read the same by every client', async () => {
    server = await startTestServer()
    const board = await createBoard(server, { title: 'Netzwerktreffen' })
    const doc = await boardDoc(board.boardId)
    const join = async (secret = newSecretId(), credentials: { moderatorToken?: string } = {}) => {
      const c = connectClient(server!.ws, board.boardId, { secret, ...credentials })
      clients.push(c)
      await waitFor(() => membersOf(doc).has(c.actor.participantId), 5000, 'the seat')
      return c
    }
    const moderator = await join(undefined, { moderatorToken: board.moderatorToken })
    const secrets = Array.from({ length: 5 }, () => newSecretId())
    const people = [moderator]
    for (const secret of secrets) people.push(await join(secret))
    const expected = Object.fromEntries(people.map((c, seat) => [c.actor.participantId, seat]))
    expect(Object.fromEntries(membersOf(doc).entries())).toEqual(expected)
    people[2]!.destroy()
    await join(secrets[1])
    const late = await join()
    const all = { ...expected, [late.actor.participantId]: 6 }
    expect(Object.fromEntries(membersOf(doc).entries())).toEqual(all)
    await waitFor(() => Object.keys(toBoardView(late.doc).seats).length === 7, 5000, 'the seats on a client')
    expect(toBoardView(late.doc).seats).toEqual(all)
    await waitFor(() => Object.keys(toBoardView(moderator.doc).seats).length === 7, 5000, 'the seats on the moderator’s client')
    expect(toBoardView(moderator.doc).seats).toEqual(all)
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

describe('the tally and an import keep to the board byte cap', () => {
  it('an imported board bigger than the cap less the moderation reserve is refused with 413 and not stored; one that fits stays writable', async () => {
    const cap = 60_000
    server = await startTestServer({ maxBoardBytes: cap })
    const file = (notes: number) => {
      const doc = new Y.Doc()
      initBoard(doc, { title: 'Import' })
      for (let i = 0; i < notes; i++) addNote(doc, { zone: 'steigen', text: `${i} ${'y'.repeat(990)}`, author: null })
      return JSON.stringify(toBoardFile(toBoardView(doc)))
    }
    const post = (body: string) => fetch(`${server!.http}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const before = await server.app.store.listDocs('')
    const big = await post(file(80))
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: string }).error).toContain('zu groß')
    expect(await server.app.store.listDocs('')).toEqual(before)
    const small = await post(file(20))
    expect(small.status).toBe(201)
    const { boardId, moderatorToken } = (await small.json()) as { boardId: string; moderatorToken: string }
    const moderator = connectClient(server.ws, boardId, { moderatorToken })
    clients.push(moderator)
    await moderator.synced()
    setTitle(moderator.doc, 'Importiert und bedienbar')
    await moderator.settled()
    expect(moderator.rejects).toEqual([])
  })

  it('the tally writes only what fits, largest totals first, and the board stays writable for the moderation', async () => {
    const cap = 40_000
    server = await startTestServer({ maxBoardBytes: cap })
    const board = await createBoard(server, { title: 'Fast voll', settings: { privateWriting: false, votesPerPerson: 8, maxVotesPerItem: 3 } })
    const moderator = connectClient(server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    clients.push(moderator)
    await moderator.synced()
    const author = moderator.actor.participantId
    const targets = Array.from({ length: 5 }, (_, i) => addNote(moderator.doc, { zone: 'steigen', text: `Ziel ${i}`, author }))
    setPhase(moderator.doc, 'abstimmen')
    await moderator.settled()
    const secret = newSecretId()
    await client(board.boardId, secret).synced()
    const mine = client(`${board.boardId}/private`, secret)
    await mine.synced()
    const limits = { votesPerPerson: 8, maxVotesPerItem: 3 }
    for (const [target, votes] of [[0, 3], [1, 2], [2, 1], [3, 1], [4, 1]] as const) for (let v = 0; v < votes; v++) castVote(mine.doc, targets[target]!, 1, limits)
    await mine.settled()
    // The moderator fills the board until less is left than five totals take (the server's writes may use up to the cap less its reserve).
    const room = await server.app.rooms.open(board.boardId)
    const left = () => budgetUnder(cap, room.storedBytes).bytes
    while (left() > 200) {
      addNote(moderator.doc, { zone: 'einheizen', text: left() > 2500 ? 'z'.repeat(990) : 'kurz', author })
      await moderator.settled()
      await server.app.store.flushed()
    }
    expect(moderator.rejects).toEqual([])
    const all = targets.reduce((n, t) => n + tallyEntryBytes(t), 0)
    expect(left()).toBeLessThan(all)
    setVotesRevealed(moderator.doc, true)
    await moderator.settled()
    await waitFor(() => votesOf(room.doc).size > 0 || left() === 0, 5000, 'the tally')
    await new Promise((r) => setTimeout(r, 300))
    const tally = Object.fromEntries(votesOf(room.doc).entries())
    // What is published is right; what did not fit is left out, never the board pushed past its cap.
    const truth: Record<string, number> = Object.fromEntries(targets.map((t, i) => [t, [3, 2, 1, 1, 1][i]!]))
    for (const [target, total] of Object.entries(tally)) expect(total).toBe(truth[target])
    expect(Object.keys(tally).length).toBeLessThan(targets.length)
    if (Object.keys(tally).length > 0) expect(tally[targets[0]!]).toBe(3)
    await server.app.store.flushed()
    expect(room.storedBytes).toBeLessThanOrEqual(cap)
    setTitle(moderator.doc, 'Fast voll, aber bedienbar')
    await moderator.settled()
    expect(moderator.rejects).toEqual([])
    server.app.rooms.release(room)
  }, 60_000)
})
