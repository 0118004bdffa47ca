import Database from 'better-sqlite3'
import { fsync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, editNoteText } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import { slowStore } from '../helpers/slowStore'
import { SqliteBoardStore } from '../../server/store/sqlite'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

function join_(options: Parameters<typeof connectClient>[2] = {}): TestClient {
  const client = connectClient(server.ws, board.boardId, options)
  clients.push(client)
  return client
}

function texts(doc: Y.Doc): string[] {
  const view = toBoardView(doc)
  return Object.values(view.zones).flatMap((z) => z.notes.map((n) => n.text)).sort()
}

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('two clients on one board', () => {
  it('converge on notes written by both', async () => {
    const a = join_()
    const b = join_()
    await Promise.all([a.synced(), b.synced()])
    expect(toBoardView(a.doc).title).toBe('Testboard')
    addNote(a.doc, { zone: 'steigen', text: 'Vernetzung', author: a.actor.participantId })
    addNote(b.doc, { zone: 'untenHalten', text: 'Personalwechsel', author: b.actor.participantId })
    await waitFor(() => texts(a.doc).length === 2 && texts(b.doc).length === 2)
    expect(texts(a.doc)).toEqual(['Personalwechsel', 'Vernetzung'])
    expect(toBoardView(a.doc)).toEqual(toBoardView(b.doc))
  })
})

describe('acknowledged means saved', () => {
  it('acks an update only once it is committed to SQLite', async () => {
    // Commits held back by 150 ms: an ack sent on receipt would arrive before the rows exist.
    await server.stop()
    server = await startTestServer({}, slowStore(150))
    board = await createBoard(server, OPEN_BOARD)
    const a = join_()
    await a.synced()
    await a.settled()
    const reader = new Database(join(server.dataDir, 'ballonfahrt.sqlite'), { readonly: true })
    const count = () =>
      (reader.prepare('SELECT count(*) AS n FROM updates WHERE board = ?').get(board.boardId) as { n: number }).n
    const before = count()
    const seen: number[] = []
    // At the moment each ack arrives, the update it acknowledges must already be readable
    // from a separate connection to the database file.
    a.provider.messageHandlers[100] = (_encoder, decoder) => {
      const acked = decoder.arr[decoder.pos]!
      decoder.pos++
      seen.push(count() - before)
      void acked
    }
    addNote(a.doc, { zone: 'steigen', text: 'Eins', author: a.actor.participantId })
    addNote(a.doc, { zone: 'steigen', text: 'Zwei', author: a.actor.participantId })
    await waitFor(() => seen.length === 2)
    reader.close()
    expect(seen[0]).toBeGreaterThanOrEqual(1)
    expect(seen[1]).toBeGreaterThanOrEqual(2)
  })

  it('shows a committed change to others at once, and acks it only once the WAL is on disk', async () => {
    // Every fsync of the WAL held back by 300 ms (the real fsync, late).
    const syncs: number[] = []
    const lateSync = (fd: number, done: (error: Error | null) => void) =>
      setTimeout(() => fsync(fd, (error) => (syncs.push(Date.now()), done(error))), 300)
    await server.stop()
    server = await startTestServer({}, (dir) => new SqliteBoardStore(dir, lateSync))
    board = await createBoard(server, OPEN_BOARD)
    const a = join_()
    const b = join_()
    await Promise.all([a.synced(), b.synced()])
    await a.settled()
    let ackedAt = 0
    const ack = a.provider.messageHandlers[100]!
    a.provider.messageHandlers[100] = (...args) => {
      ackedAt = Date.now()
      return ack(...args)
    }
    const sentAt = Date.now()
    addNote(a.doc, { zone: 'steigen', text: 'Sofort sichtbar', author: a.actor.participantId })
    await waitFor(() => texts(b.doc).includes('Sofort sichtbar'))
    const seenAt = Date.now()
    expect(ackedAt).toBe(0)
    await waitFor(() => ackedAt > 0)
    expect(seenAt - sentAt).toBeLessThan(300)
    // The ack came after an fsync that ended after the note was sent.
    expect(syncs.some((t) => t >= sentAt && t <= ackedAt)).toBe(true)
    expect(ackedAt - sentAt).toBeGreaterThanOrEqual(300)
  })

  it('keeps every acknowledged note across a server restart', async () => {
    const a = join_()
    await a.synced()
    for (let i = 0; i < 30; i++) addNote(a.doc, { zone: 'einheizen', text: `Notiz ${i}`, author: a.actor.participantId })
    await a.settled()
    a.destroy()
    await server.restart()
    const b = join_()
    await b.synced()
    expect(texts(b.doc)).toHaveLength(30)
    expect(texts(b.doc)).toContain('Notiz 29')
  })
})

describe('the guard', () => {
  it('rejects an over-long note and does not broadcast it', async () => {
    const a = join_()
    const b = join_()
    await Promise.all([a.synced(), b.synced()])
    a.doc.transact(() => {
      const note = new Y.Map<unknown>()
      note.set('zone', 'steigen')
      note.set('text', new Y.Text('x'.repeat(1001)))
      note.set('author', a.actor.participantId)
      note.set('createdAt', Date.now())
      note.set('order', 'a0')
      note.set('clusterId', null)
      a.doc.getMap('notes').set('zu-lang', note)
    })
    await waitFor(() => a.rejects.length > 0)
    expect(a.rejects).toEqual(['tooLong'])
    // The close frame follows the reject; under load it may arrive a moment later.
    await waitFor(() => a.closes.includes(4422))
    // A later, valid note from b still arrives everywhere; the rejected one never does.
    addNote(b.doc, { zone: 'steigen', text: 'kurz', author: b.actor.participantId })
    await b.settled()
    const c = join_()
    await c.synced()
    expect(texts(c.doc)).toEqual(['kurz'])
    expect(texts(b.doc)).toEqual(['kurz'])
  })

  it("rejects a participant's edit of someone else's note", async () => {
    const a = join_()
    const b = join_()
    await Promise.all([a.synced(), b.synced()])
    const id = addNote(a.doc, { zone: 'steigen', text: 'von A', author: a.actor.participantId })
    await waitFor(() => texts(b.doc).length === 1)
    editNoteText(b.doc, id, 'von B überschrieben')
    await waitFor(() => b.rejects.length > 0)
    expect(b.rejects).toEqual(['notAllowed'])
    await new Promise((r) => setTimeout(r, 50))
    expect(texts(a.doc)).toEqual(['von A'])
  })

  it('lets the moderator edit any note', async () => {
    const a = join_()
    const m = join_({ moderatorToken: board.moderatorToken })
    await Promise.all([a.synced(), m.synced()])
    const id = addNote(a.doc, { zone: 'steigen', text: 'Tippfehlr', author: a.actor.participantId })
    await waitFor(() => texts(m.doc).length === 1)
    editNoteText(m.doc, id, 'Tippfehler')
    await m.settled()
    await waitFor(() => texts(a.doc)[0] === 'Tippfehler')
    expect(m.rejects).toEqual([])
  })
})
