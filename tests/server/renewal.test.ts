import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, editNoteText, moveNote } from '../../model/notes'
import { keepUnsentAcrossRenewals, lastRenewal } from '../../model/renewal'
import { metaOf, notesOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'
import { startPostgres } from '../helpers/services'
import type { PgServer } from '../helpers/services'
import { PostgresBoardStore } from '../../server/store/postgres'
import type { BoardStore } from '../../server/store/BoardStore'

/**
 * A board that lived long is renewed when its last participant has left (model/renewal.ts):
 * the next cold load is small, nothing anybody wrote is lost, a client that was offline with
 * unsent work keeps it, and no client may write the renewal's record.
 */
const kit = useServerKit()

const NOTES = 20
const MOVES = 60

type MakeStore = (dataDir: string) => Promise<BoardStore>

async function movedBoard(makeStore?: MakeStore): Promise<{ board: CreatedBoard; writer: TestClient; ids: string[] }> {
  await kit.start({ idleUnloadMs: 100 }, makeStore)
  const board = await createBoard(kit.server, OPEN_BOARD)
  const writer = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
  keepUnsentAcrossRenewals(writer.doc)
  await writer.synced()
  const ids = writer.doc.transact(() => Array.from({ length: NOTES }, (_, i) => addNote(writer.doc, { zone: ZONE_IDS[i % 3]!, text: `Notiz ${i}`, author: writer.actor.participantId })))
  for (let m = 0; m < MOVES; m++) {
    // One update per round: the server's rate limit would close a socket sending one per move.
    writer.doc.transact(() => ids.forEach((id, i) => moveNote(writer.doc, id, { zone: ZONE_IDS[(i + m) % 3]! })))
    await writer.settled(10_000)
  }
  expect(writer.closes).toEqual([])
  return { board, writer, ids }
}

async function storedBytes(boardId: string): Promise<number> {
  const stored = await kit.server.app.store.load(boardId)
  return (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
}

async function unloaded(boardId: string): Promise<void> {
  await waitFor(() => !kit.server.app.rooms.isLoaded(boardId), 10_000, 'the board to leave memory')
}

function notesOfBoard(doc: Y.Doc): unknown {
  return notesOf(doc).toJSON()
}

let postgres: PgServer
let databases = 0
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres.destroy())

const STORES: Readonly<Record<string, () => MakeStore | undefined>> = {
  SQLite: () => undefined,
  PostgreSQL: () => async () => PostgresBoardStore.open(await postgres.createDatabase(`renewal_${++databases}`)),
}

describe('renewal of a board nobody is connected to', () => {
  it.each(Object.keys(STORES))('stores the board small on %s once its last participant left, with every note as it was', async (store) => {
    const { board, writer } = await movedBoard(STORES[store]!())
    const view = toBoardView(writer.doc)
    const before = await storedBytes(board.boardId)
    writer.provider.disconnect()
    await unloaded(board.boardId)

    const after = await storedBytes(board.boardId)
    expect(after, `${before} -> ${after}`).toBeLessThan(before / 5)
    const reader = kit.connect(board.boardId)
    await reader.synced()
    expect(toBoardView(reader.doc).zones).toEqual(view.zones)
    expect(lastRenewal(reader.doc)).not.toBeNull()
  })

  it("keeps what an offline client moved and typed, and what others did meanwhile", async () => {
    const { board, writer, ids } = await movedBoard()
    const [moved, typed] = ids as [string, string]
    writer.provider.disconnect()
    // Offline: one move, letters at the end of a note.
    moveNote(writer.doc, moved, { zone: 'einheizen' })
    editNoteText(writer.doc, typed, 'Notiz 1 und mehr')
    await unloaded(board.boardId)

    // Someone else comes, types at the front of the same note and stays.
    const other = kit.connect(board.boardId, { moderatorToken: board.moderatorToken })
    keepUnsentAcrossRenewals(other.doc)
    await other.synced()
    expect(lastRenewal(other.doc)).not.toBeNull()
    editNoteText(other.doc, typed, 'Die Notiz 1')
    await other.settled()

    writer.provider.connect()
    await writer.settled(10_000)
    await waitFor(() => String(notesOf(other.doc).get(typed)?.get('text')) === 'Die Notiz 1 und mehr', 5000, 'both edits at the other client')
    expect(notesOf(other.doc).get(moved)?.get('zone')).toBe('einheizen')
    await other.settled()
    expect(notesOfBoard(other.doc)).toEqual(notesOfBoard(writer.doc))
    // And as stored.
    const reader = kit.connect(board.boardId)
    await reader.synced()
    expect(notesOfBoard(reader.doc)).toEqual(notesOfBoard(other.doc))
  })

  it('refuses the renewal record from a participant and from the moderator', async () => {
    await kit.start()
    const board = await createBoard(kit.server, OPEN_BOARD)
    const forged = new Y.Doc()
    metaOf(forged).set('renewedAt', JSON.stringify({ vector: '', texts: {} }))
    const update = Y.encodeStateAsUpdate(forged)
    expect(await kit.send(board.boardId, {}, update)).toBe('notAllowed')
    expect(await kit.send(board.boardId, { moderatorToken: board.moderatorToken }, update)).toBe('notAllowed')
  })
})
