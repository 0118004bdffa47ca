import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { setQuestion, setTitle } from '../../model/board'
import { createCluster } from '../../model/clusters'
import { newSecretId } from '../../model/ids'
import { addNote, editNoteText } from '../../model/notes'
import { changePhase, planPhaseChange, setLocked, setPhase, setVotesRevealed } from '../../model/phases'
import { addDraft, castVote, setDone } from '../../model/privateDoc'
import { ballotOf } from '../../model/privateDoc'
import { setBoardLocale, setSetting } from '../../model/settings'
import { startTimer } from '../../model/timer'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { authedWebSocket } from '../helpers/abuse'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const sockets: WebSocket[] = []

function client(options: { secret?: string; moderator?: boolean; room?: string } = {}): TestClient {
  const c = connectClient(server.ws, options.room ?? board.boardId, {
    ...(options.secret !== undefined && { secret: options.secret }),
    ...(options.moderator && { moderatorToken: board.moderatorToken }),
  })
  clients.push(c)
  return c
}

/** A participant: its board connection and its private doc connection, on one secret. */
async function participant(moderator = false): Promise<{ board: TestClient; mine: TestClient; secret: string }> {
  const secret = newSecretId()
  const b = client({ secret, moderator })
  const mine = client({ secret, moderator, room: `${board.boardId}/private` })
  await Promise.all([b.synced(), mine.synced()])
  return { board: b, mine, secret }
}

/** A raw participant socket that records every frame it receives. */
function rawListener(path: string): { frames: Uint8Array[]; opened: Promise<void> } {
  const ws = authedWebSocket(`ws://127.0.0.1:${server.app.port}/ws/${path}`, {})
  sockets.push(ws)
  const frames: Uint8Array[] = []
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)))
  // Ask for the document, as a client would.
  ws.on('open', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
    ws.send(encoding.toUint8Array(e))
  })
  return { frames, opened: new Promise((r) => ws.once('open', () => r())) }
}

function containsText(frames: readonly Uint8Array[], text: string): boolean {
  const needle = Buffer.from(text, 'utf8')
  return frames.some((f) => Buffer.from(f).includes(needle))
}

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server, { title: 'Moderiert' })
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of sockets.splice(0)) s.terminate()
  await server.stop()
})

describe('forbidden changes from a participant', () => {
  const forbidden: [string, (doc: Y.Doc, other: string) => void][] = [
    ['change the phase', (doc) => setPhase(doc, 'abstimmen')],
    ['change a setting', (doc) => setSetting(doc, 'votesPerPerson', 20)],
    ['change the board language', (doc) => setBoardLocale(doc, 'en')],
    ['change a question', (doc) => setQuestion(doc, 'steigen', 'Gehackt?')],
    ['change the title', (doc) => setTitle(doc, 'Gehackt')],
    ['lock the board', (doc) => setLocked(doc, true)],
    ['start the timer', (doc) => startTimer(doc, 60_000, Date.now())],
    ['create a cluster', (doc, other) => void createCluster(doc, { zone: 'steigen', noteIds: [other] })],
    ["edit someone else's note", (doc, other) => editNoteText(doc, other, 'überschrieben')],
    ['write vote totals', (doc) => doc.getMap('votes').set('x', 99)],
    ['write progress', (doc) => doc.getMap('progress').set('x', { done: true })],
  ]

  for (const [what, change] of forbidden) {
    it(`is rejected and changes nothing for anyone: ${what}`, async () => {
      const mod = await participant(true)
      setPhase(mod.board.doc, 'clustern')
      const modNote = addNote(mod.board.doc, { zone: 'steigen', text: 'Notiz der Moderation', author: mod.board.actor.participantId })
      await mod.board.settled()
      const p = await participant()
      await waitFor(() => toBoardView(p.board.doc).noteCount === 1)
      const before = content(mod.board.doc)
      change(p.board.doc, modNote)
      await waitFor(() => p.board.rejects.length > 0, 3000, 'reject')
      // The close follows the reject message; under load it can come a moment later.
      await waitFor(() => p.board.closes.includes(4422), 3000, 'close 4422')
      await new Promise((r) => setTimeout(r, 50))
      expect(content(mod.board.doc)).toBe(before)
      const fresh = client()
      await fresh.synced()
      expect(content(fresh.doc)).toBe(before)
    })
  }

  it('refuses votes over the limits, and votes outside Abstimmen', async () => {
    const mod = await participant(true)
    setSetting(mod.board.doc, 'privateWriting', false)
    const n = addNote(mod.board.doc, { zone: 'steigen', text: 'Wichtig', author: mod.board.actor.participantId })
    await mod.board.settled()
    const p = await participant()
    await waitFor(() => toBoardView(p.board.doc).noteCount === 1)
    // Not voting yet: a vote is refused.
    castVote(p.mine.doc, n, 1, { votesPerPerson: 5, maxVotesPerItem: 3 })
    await waitFor(() => p.mine.rejects.length > 0, 3000, 'reject')
    expect(p.mine.rejects).toEqual(['notAllowed'])

    setPhase(mod.board.doc, 'abstimmen')
    await mod.board.settled()
    const q = await participant()
    // Four votes on one item, bypassing the client's own check: over maxVotesPerItem (3).
    q.mine.doc.transact(() => ballotOf(q.mine.doc).set(n, 4))
    await waitFor(() => q.mine.rejects.length > 0, 3000, 'reject')
    expect(q.mine.rejects).toEqual(['voteLimit'])
    const r = await participant()
    castVote(r.mine.doc, n, 1, { votesPerPerson: 5, maxVotesPerItem: 3 })
    castVote(r.mine.doc, n, 1, { votesPerPerson: 5, maxVotesPerItem: 3 })
    await r.mine.settled()
    expect(r.mine.rejects).toEqual([])
  })
})

describe('private writing', () => {
  it('sends no hidden text to another participant before Aufdecken, then reveals every draft exactly once', async () => {
    const mod = await participant(true)
    const anna = await participant()
    const ben = await participant()
    const listener = rawListener(board.boardId)
    await listener.opened
    addDraft(anna.mine.doc, { zone: 'steigen', text: 'GEHEIM-Anna-eins' })
    addDraft(anna.mine.doc, { zone: 'einheizen', text: 'GEHEIM-Anna-zwei' })
    addDraft(ben.mine.doc, { zone: 'untenHalten', text: 'GEHEIM-Ben' })
    setDone(ben.mine.doc, true)
    await Promise.all([anna.mine.settled(), ben.mine.settled()])
    // Others see counts and "fertig", not text.
    await waitFor(() => toBoardView(mod.board.doc).progress.drafts.steigen === 1 && toBoardView(mod.board.doc).progress.done.length === 1)
    expect(toBoardView(mod.board.doc).progress.drafts).toEqual({ steigen: 1, untenHalten: 1, einheizen: 1 })
    // Anna goes offline before the reveal.
    anna.board.destroy()
    anna.mine.destroy()
    await new Promise((r) => setTimeout(r, 100))
    for (const frames of [listener.frames]) expect(containsText(frames, 'GEHEIM')).toBe(false)
    expect(toBoardView(ben.board.doc).noteCount).toBe(0)
    expect(containsText([Y.encodeStateAsUpdate(ben.board.doc), Y.encodeStateAsUpdate(mod.board.doc)], 'GEHEIM')).toBe(false)

    setPhase(mod.board.doc, 'aufdecken')
    await waitFor(() => toBoardView(ben.board.doc).noteCount === 3, 5000, 'reveal')
    expect(containsText(listener.frames, 'GEHEIM-Anna-eins')).toBe(true)
    // Back and forth does not move anything twice.
    setPhase(mod.board.doc, 'sammeln')
    setPhase(mod.board.doc, 'aufdecken')
    await mod.board.settled()
    await new Promise((r) => setTimeout(r, 100))
    const texts = Object.values(toBoardView(mod.board.doc).zones).flatMap((z) => z.notes.map((n) => n.text)).sort()
    expect(texts).toEqual(['GEHEIM-Anna-eins', 'GEHEIM-Anna-zwei', 'GEHEIM-Ben'])
    expect(toBoardView(ben.mine.doc).noteCount).toBe(0)
    await waitFor(() => ballotOrDrafts(ben.mine.doc) === 0, 2000, 'drafts cleared')
    // The authors are kept (the board is not anonymous).
    const authors = new Set(Object.values(toBoardView(mod.board.doc).zones).flatMap((z) => z.notes.map((n) => n.author)))
    expect(authors).toEqual(new Set([anna.board.actor.participantId, ben.board.actor.participantId]))
  })

  it('keeps drafts across a server restart, and stores no author ids on an anonymous board', async () => {
    const mod = await participant(true)
    setSetting(mod.board.doc, 'anonymous', true)
    await mod.board.settled()
    const anna = await participant()
    addDraft(anna.mine.doc, { zone: 'steigen', text: 'Anonym und sicher' })
    await anna.mine.settled()
    for (const c of clients) c.provider.shouldConnect = false
    await server.restart()
    const again = await participant(true)
    setPhase(again.board.doc, 'aufdecken')
    await waitFor(() => toBoardView(again.board.doc).noteCount === 1, 5000, 'reveal after restart')
    const note = toBoardView(again.board.doc).zones.steigen.notes[0]!
    expect(note.text).toBe('Anonym und sicher')
    expect(note.author).toBeNull()
    await again.board.settled()
    await server.app.store.flushed()
    const db = new Database(join(server.dataDir, 'ballonfahrt.sqlite'), { readonly: true })
    const rows = db.prepare('SELECT data FROM updates WHERE board = ? UNION ALL SELECT data FROM snapshots WHERE board = ?').all(board.boardId, board.boardId) as { data: Buffer }[]
    db.close()
    expect(rows.some((r) => r.data.includes(Buffer.from('Anonym und sicher')))).toBe(true)
    // No stored struct ever sets a note's author field.
    const authorWrites = rows.flatMap((r) => Y.decodeUpdate(new Uint8Array(r.data)).structs).filter((s) => s instanceof Y.Item && s.parentSub === 'author')
    expect(authorWrites).toEqual([])
  })
})

/** The board as everyone sees it, apart from who joined (their count and seats). */
function content(doc: Y.Doc): string {
  const { participantCount: _joined, seats: _seats, ...rest } = toBoardView(doc)
  return JSON.stringify(rest)
}

function ballotOrDrafts(doc: Y.Doc): number {
  return doc.getMap('drafts').size + doc.getMap('ballot').size
}

describe('voting', () => {
  it('keeps ballots private until the moderator ends the vote, then publishes the totals', async () => {
    const mod = await participant(true)
    setSetting(mod.board.doc, 'privateWriting', false)
    const a = addNote(mod.board.doc, { zone: 'steigen', text: 'A', author: mod.board.actor.participantId })
    const b = addNote(mod.board.doc, { zone: 'einheizen', text: 'B', author: mod.board.actor.participantId })
    setPhase(mod.board.doc, 'abstimmen')
    await mod.board.settled()
    const limits = { votesPerPerson: 5, maxVotesPerItem: 3 }
    const p1 = await participant()
    const p2 = await participant()
    castVote(p1.mine.doc, a, 1, limits)
    castVote(p1.mine.doc, a, 1, limits)
    castVote(p2.mine.doc, a, 1, limits)
    castVote(p2.mine.doc, b, 1, limits)
    await Promise.all([p1.mine.settled(), p2.mine.settled()])
    expect(toBoardView(p2.board.doc).tally).toEqual({})
    setVotesRevealed(mod.board.doc, true)
    await waitFor(() => Object.keys(toBoardView(p1.board.doc).tally).length === 2, 5000, 'tally')
    expect(toBoardView(p1.board.doc).tally).toEqual({ [a]: 3, [b]: 1 })
    // Votes cannot change once the vote has ended.
    castVote(p2.mine.doc, b, 1, limits)
    await waitFor(() => p2.mine.rejects.length > 0, 3000, 'reject')
  })

  it('refuses leaving Abstimmen with the vote open; leaving as planned counts the votes, and the moderator sees who voted', async () => {
    const mod = await participant(true)
    setSetting(mod.board.doc, 'privateWriting', false)
    const a = addNote(mod.board.doc, { zone: 'steigen', text: 'A', author: mod.board.actor.participantId })
    setPhase(mod.board.doc, 'abstimmen')
    await mod.board.settled()
    const p1 = await participant()
    castVote(p1.mine.doc, a, 1, { votesPerPerson: 5, maxVotesPerItem: 3 })
    await p1.mine.settled()
    await waitFor(() => toBoardView(mod.board.doc).progress.voted.length === 1, 5000, 'voted')

    // An old client's plain phase change would lose the vote: refused, the server stays in Abstimmen.
    const stray = await participant(true)
    setPhase(stray.board.doc, 'massnahmen')
    await waitFor(() => stray.board.rejects.length > 0, 3000, 'reject')
    expect(stray.board.rejects).toEqual(['voteOpen'])

    changePhase(mod.board.doc, planPhaseChange(toBoardView(mod.board.doc), 'massnahmen'))
    await waitFor(() => toBoardView(p1.board.doc).tally[a] === 1, 5000, 'tally')
    expect(toBoardView(p1.board.doc)).toMatchObject({ phase: 'massnahmen', votesRevealed: true })
  })
})

describe('deleting a board', () => {
  it('needs the moderator token, closes every connection and removes every row', async () => {
    const mod = await participant(true)
    const p = await participant()
    addDraft(p.mine.doc, { zone: 'steigen', text: 'weg damit' })
    await p.mine.settled()
    const url = `${server.http}/api/boards/${board.boardId}`
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401)
    expect((await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${newSecretId()}x` } })).status).toBe(403)
    const res = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(res.status).toBe(204)
    await waitFor(() => p.board.closes.includes(4410) && p.mine.closes.includes(4410) && mod.board.closes.includes(4410), 3000, 'closed')
    const db = new Database(join(server.dataDir, 'ballonfahrt.sqlite'), { readonly: true })
    const count = (sql: string) => (db.prepare(sql).get(`${board.boardId}%`) as { n: number }).n
    expect(count('SELECT count(*) AS n FROM updates WHERE board LIKE ?')).toBe(0)
    expect(count('SELECT count(*) AS n FROM snapshots WHERE board LIKE ?')).toBe(0)
    expect(count('SELECT count(*) AS n FROM boards WHERE id LIKE ?')).toBe(0)
    db.close()
    expect((await fetch(`${server.http}/api/boards/${board.boardId}`)).status).toBe(404)
  })
})
