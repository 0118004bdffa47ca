import { existsSync, readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, editBerichtPart, readBericht, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { createCluster, dissolveCluster } from '../../model/clusters'
import { newSecretId } from '../../model/ids'
import { addNote, deleteNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { LOCAL, clustersOf, notesOf } from '../../model/schema'
import { setSetting } from '../../model/settings'
import type { TrashItem } from '../../model/trash'
import { CLOSE, MESSAGE } from '../../protocol/messages'
import { startRetention } from '../../server/retention'
import { DATA_FILES } from '../../server/store/files'
import { TrashDesk } from '../../server/trash'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { trashChannel } from '../helpers/trash'

let server: TestServer | null = null
let board: CreatedBoard
const clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

async function start(overrides: Parameters<typeof startTestServer>[0] = {}, body: object = OPEN_BOARD): Promise<void> {
  server = await startTestServer(overrides)
  board = await createBoard(server, body)
}

async function join(moderator = false): Promise<TestClient> {
  const client = connectClient(server!.ws, board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
  clients.push(client)
  await client.synced()
  return client
}

/** A participant's note (unique text) that the moderator deletes; both clients stay connected. */
async function deletedNote(anonymous = false): Promise<{ anna: TestClient; moderator: TestClient; id: string; text: string; order: unknown }> {
  const anna = await join()
  const moderator = await join(true)
  const text = `Papierkorb-${newSecretId()}`
  const id = addNote(anna.doc, { zone: 'untenHalten', text, author: anonymous ? null : anna.actor.participantId })
  await anna.settled()
  await waitFor(() => notesOf(moderator.doc).has(id))
  const order = notesOf(moderator.doc).get(id)!.get('order')
  deleteNote(moderator.doc, id)
  await moderator.settled()
  await waitFor(() => !notesOf(anna.doc).has(id))
  return { anna, moderator, id, text, order }
}

/** Which of the raw SQLite files (database, WAL) hold `text`, byte for byte. */
function filesHolding(text: string): string[] {
  const base = joinPath(server!.dataDir, DATA_FILES.boards)
  const needle = Buffer.from(text, 'utf8')
  return [base, `${base}-wal`].filter((file) => existsSync(file) && readFileSync(file).includes(needle))
}

const listOf = (reply: unknown) => reply as TrashItem[]

describe('the Papierkorb keeps what was deleted, for the moderator', () => {
  it('lists a deleted note and restores it for everyone where it was (zone, order, author)', async () => {
    await start()
    const { anna, moderator, id, text, order } = await deletedNote()
    const before = { zone: 'untenHalten', author: anna.actor.participantId, order }
    const trash = trashChannel(moderator)
    const items = listOf(await trash.list())
    expect(items).toEqual([expect.objectContaining({ id, kind: 'note', zone: 'untenHalten', text, notes: 0 })])
    expect(await trash.restore(id)).toEqual({ id, code: '' })
    await waitFor(() => notesOf(anna.doc).has(id), 5000, 'restored note at the participant')
    const note = notesOf(anna.doc).get(id)!
    expect({ zone: note.get('zone'), author: note.get('author'), order: note.get('order') }).toEqual(before)
    expect(String(note.get('text'))).toBe(text)
    expect(listOf(await trash.list())).toEqual([])
    // Restored means stored: a newcomer loads it from the server.
    const carla = await join()
    expect(notesOf(carla.doc).has(id)).toBe(true)
    expect(await trash.restore(id)).toEqual({ id, code: 'notInTrash' })
  })

  it('restores a dissolved cluster with its title, its order and its notes', async () => {
    await start()
    const moderator = await join(true)
    const ben = await join()
    const a = addNote(moderator.doc, { zone: 'steigen', text: 'Vernetzung', author: moderator.actor.participantId })
    const b = addNote(moderator.doc, { zone: 'steigen', text: 'Austausch', author: moderator.actor.participantId })
    const cluster = createCluster(moderator.doc, { zone: 'steigen', title: 'Zusammenarbeit', noteIds: [a, b] })
    const order = clustersOf(moderator.doc).get(cluster)!.get('order')
    dissolveCluster(moderator.doc, cluster)
    await moderator.settled()
    await waitFor(() => !clustersOf(ben.doc).has(cluster) && notesOf(ben.doc).size === 2)
    const trash = trashChannel(moderator)
    expect(listOf(await trash.list())).toEqual([expect.objectContaining({ id: cluster, kind: 'cluster', text: 'Zusammenarbeit', notes: 2 })])
    expect(await trash.restore(cluster)).toEqual({ id: cluster, code: '' })
    await waitFor(() => clustersOf(ben.doc).has(cluster), 5000, 'restored cluster')
    const restored = clustersOf(ben.doc).get(cluster)!
    expect(String(restored.get('title'))).toBe('Zusammenarbeit')
    expect(restored.get('order')).toBe(order)
    expect([a, b].map((id) => notesOf(ben.doc).get(id)!.get('clusterId'))).toEqual([cluster, cluster])
  })
})

describe('participants can neither list nor restore', () => {
  it('answers a participant with notAllowed, sends no entry, and leaves the board as it is', async () => {
    await start()
    const { anna, moderator, id, text } = await deletedNote()
    const own = trashChannel(anna)
    const listed = await own.list()
    expect(listed).toEqual({ id: '', code: 'notAllowed' })
    expect(JSON.stringify(listed)).not.toContain(text)
    expect(await own.restore(id)).toEqual({ id, code: 'notAllowed' })
    await moderator.settled()
    expect(notesOf(anna.doc).has(id)).toBe(false)
    expect(notesOf(moderator.doc).has(id)).toBe(false)
    // Still in the moderator's Papierkorb.
    expect(listOf(await trashChannel(moderator).list()).map((i) => i.id)).toEqual([id])
  })

  it('closes a socket that sends a malformed Papierkorb message (trailing bytes, empty or long id)', async () => {
    await start()
    for (const bytes of [
      [MESSAGE.trash, 7],
      [MESSAGE.restore, 0],
    ].map((b) => new Uint8Array(b))) {
      const moderator = await join(true)
      trashChannel(moderator).sendRaw(bytes)
      await waitFor(() => moderator.closes.includes(CLOSE.malformed), 5000, 'close 1003')
      moderator.destroy()
    }
    const moderator = await join(true)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.restore)
    encoding.writeVarString(encoder, 'x'.repeat(65))
    trashChannel(moderator).sendRaw(encoding.toUint8Array(encoder))
    await waitFor(() => moderator.closes.includes(CLOSE.malformed), 5000, 'close 1003')
  })
})

describe('a restore the rules forbid now is refused clearly and changes nothing', () => {
  it('while notes are private drafts again: privateCollecting; an unknown id: notInTrash', async () => {
    await start()
    const { anna, moderator, id } = await deletedNote()
    const trash = trashChannel(moderator)
    setSetting(moderator.doc, 'privateWriting', true)
    setPhase(moderator.doc, 'sammeln')
    await moderator.settled()
    expect(await trash.restore(id)).toEqual({ id, code: 'privateCollecting' })
    expect(await trash.restore('A'.repeat(22))).toEqual({ id: 'A'.repeat(22), code: 'notInTrash' })
    await moderator.settled()
    expect(notesOf(anna.doc).has(id)).toBe(false)
    expect(listOf(await trash.list()).map((i) => i.id)).toEqual([id])
  })

  it('a restore that would outgrow the board byte cap: boardFull, and the entry stays', async () => {
    const cap = 8000
    await start({ maxBoardBytes: cap })
    const moderator = await join(true)
    const long = `Lang-${'x'.repeat(900)}`
    const id = addNote(moderator.doc, { zone: 'steigen', text: long, author: moderator.actor.participantId })
    await moderator.settled()
    deleteNote(moderator.doc, id)
    await moderator.settled()
    // Fill the board with short notes until the long one no longer fits under the cap.
    const room = await server!.app.rooms.open(board.boardId)
    for (let i = 0; room.storedBytes + 1000 < cap; i++) {
      addNote(moderator.doc, { zone: 'einheizen', text: `Füllung ${i} ${'y'.repeat(100)}`, author: moderator.actor.participantId })
      await moderator.settled()
    }
    expect(moderator.rejects).toEqual([])
    const trash = trashChannel(await join(true))
    expect(await trash.restore(id)).toEqual({ id, code: 'boardFull' })
    expect(listOf(await trash.list()).map((i) => i.id)).toEqual([id])
  })
})

describe('what is in the Papierkorb is deleted for good', () => {
  it('at Abschluss: the list is empty, and neither the raw database files nor an export hold the text', async () => {
    await start({ compactAfter: 1000 })
    const { moderator, id, text } = await deletedNote()
    const trash = trashChannel(moderator)
    expect(listOf(await trash.list()).map((i) => i.id)).toEqual([id])
    // The scan looks in the right place: the text is there while the note is in the Papierkorb.
    expect(filesHolding(text).length).toBeGreaterThan(0)
    setPhase(moderator.doc, 'abschluss')
    await moderator.settled()
    expect(listOf(await trash.list())).toEqual([])
    expect(await trash.restore(id)).toEqual({ id, code: 'notInTrash' })
    expect(filesHolding(text)).toEqual([])
    for (const format of ['json', 'md', 'csv']) {
      const res = await fetch(`${server!.http}/api/boards/${board.boardId}/export.${format}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
      expect(res.status).toBe(200)
      expect(await res.text()).not.toContain(text)
    }
  })

  it('with the board: DELETE leaves no entry and no text in the raw files', async () => {
    await start()
    const { text } = await deletedNote()
    expect((await server!.app.store.trash(board.boardId)).length).toBe(1)
    const res = await fetch(`${server!.http}/api/boards/${board.boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(res.status).toBe(204)
    expect(await server!.app.store.trash(board.boardId)).toEqual([])
    expect(filesHolding(text)).toEqual([])
  })

  it('by retention: entries older than TRASH_HOURS go in the sweep, newer ones stay', async () => {
    await start({ trashHours: 2 })
    const { moderator, id } = await deletedNote()
    const store = server!.app.store
    await trashChannel(moderator).list()
    const later = (hours: number) => new TrashDesk({ store, trashHours: 2, maxBoardBytes: Infinity, now: () => Date.now() + hours * 3_600_000 })
    const sweep = (hours: number) => {
      const retention = startRetention({ store, ttlDays: 30, inUse: () => true, evict: async () => {}, expireTrash: () => later(hours).sweep() })
      retention.stop()
      return retention.sweep()
    }
    await sweep(1)
    expect((await store.trash(board.boardId)).map((r) => r.id)).toEqual([id])
    await sweep(3)
    expect(await store.trash(board.boardId)).toEqual([])
  })

  it('an anonymous board keeps no author id in the Papierkorb', async () => {
    await start({}, { ...OPEN_BOARD, settings: { ...OPEN_BOARD.settings, anonymous: true } })
    const first = await deletedNote(true)
    await trashChannel(first.moderator).list()
    const stored = () => server!.app.store.trash(board.boardId).then((rows) => rows.map((r) => Buffer.from(r.data).toString('utf8')).join('\n'))
    expect(await stored()).toContain(first.id)
    expect(await stored()).not.toContain(first.anna.actor.participantId)
    expect(await stored()).not.toContain('author')
  })

  it('a board that turns anonymous drops the author ids already in its Papierkorb', async () => {
    await start()
    const { anna, moderator, id } = await deletedNote()
    const trash = trashChannel(moderator)
    const stored = () => server!.app.store.trash(board.boardId).then((rows) => rows.map((r) => Buffer.from(r.data).toString('utf8')).join('\n'))
    await trash.list()
    expect(await stored()).toContain(anna.actor.participantId)
    setSetting(moderator.doc, 'anonymous', true)
    await moderator.settled()
    expect(listOf(await trash.list()).map((i) => i.id)).toEqual([id])
    expect(await stored()).not.toContain(anna.actor.participantId)
    expect(await trash.restore(id)).toEqual({ id, code: '' })
    await waitFor(() => notesOf(anna.doc).has(id))
    expect(notesOf(anna.doc).get(id)!.has('author')).toBe(false)
  })
})

describe('an undo that brings a note back', () => {
  it('takes it out of the Papierkorb (the id is on the board again)', async () => {
    await start()
    const moderator = await join(true)
    const manager = new Y.UndoManager(notesOf(moderator.doc), { trackedOrigins: new Set([LOCAL]) })
    const id = addNote(moderator.doc, { zone: 'steigen', text: 'Zurück per Strg+Z', author: moderator.actor.participantId })
    manager.stopCapturing()
    await moderator.settled()
    deleteNote(moderator.doc, id)
    await moderator.settled()
    const trash = trashChannel(moderator)
    expect(listOf(await trash.list()).map((i) => i.id)).toEqual([id])
    manager.undo()
    await moderator.settled()
    expect(notesOf(moderator.doc).has(id)).toBe(true)
    expect(listOf(await trash.list())).toEqual([])
    expect(await trash.restore(id)).toEqual({ id, code: 'notInTrash' })
  })
})

const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>
const FAZIT = 'Die Moderation hält fest: Kita und Jugendamt treffen sich künftig jeden Monat.'

/** The moderator starts the Bericht, lets participants write along and writes the Fazit; Anna and Ben are there. */
async function berichtBoard(): Promise<{ moderator: TestClient; anna: TestClient; ben: TestClient }> {
  await start()
  const moderator = await join(true)
  const anna = await join()
  const ben = await join()
  setSetting(moderator.doc, 'participantsWriteBericht', true)
  startBericht(moderator.doc, DRAFT)
  editBerichtPart(moderator.doc, 'fazit', FAZIT)
  await moderator.settled()
  await waitFor(() => readBericht(anna.doc).fazit === FAZIT && readBericht(ben.doc).fazit === FAZIT, 5000, 'Fazit at the participants')
  return { moderator, anna, ben }
}

const fazitEverywhere = (clients: readonly TestClient[], text: string | undefined) => () => clients.every((c) => readBericht(c.doc).fazit === text)

describe('Bericht text a participant deletes is kept for the moderator (issue 16)', () => {
  it('a participant empties the moderator’s Fazit: the moderator lists it and restores it for everyone', async () => {
    const { moderator, anna, ben } = await berichtBoard()
    editBerichtPart(anna.doc, 'fazit', '')
    await anna.settled()
    await waitFor(fazitEverywhere([moderator, ben], ''), 5000, 'the emptied Fazit')
    expect(anna.rejects).toEqual([])
    const trash = trashChannel(moderator)
    const items = listOf(await trash.list())
    expect(items).toEqual([expect.objectContaining({ kind: 'bericht', part: 'fazit', text: FAZIT })])
    // Kept without the participant's id (the entry names no author, on any board).
    const stored = (await server!.app.store.trash(board.boardId)).map((r) => Buffer.from(r.data).toString('utf8')).join('\n')
    expect(stored).toContain(FAZIT)
    expect(stored).not.toContain(anna.actor.participantId)
    const id = items[0]!.id
    expect(await trash.restore(id)).toEqual({ id, code: '' })
    await waitFor(fazitEverywhere([moderator, anna, ben], FAZIT), 5000, 'the restored Fazit at every client')
    expect(listOf(await trash.list())).toEqual([])
    const carla = await join()
    expect(readBericht(carla.doc).fazit).toBe(FAZIT)
    expect(await trash.restore(id)).toEqual({ id, code: 'notInTrash' })
  })

  it('a participant can neither list the kept Bericht text nor restore it', async () => {
    const { moderator, anna } = await berichtBoard()
    editBerichtPart(anna.doc, 'fazit', 'Kurz.')
    await anna.settled()
    const [entry] = listOf(await trashChannel(moderator).list())
    expect(entry).toEqual(expect.objectContaining({ kind: 'bericht', part: 'fazit', text: FAZIT }))
    const own = trashChannel(anna)
    const listed = await own.list()
    expect(listed).toEqual({ id: '', code: 'notAllowed' })
    expect(JSON.stringify(listed)).not.toContain('Jugendamt')
    expect(await own.restore(entry!.id)).toEqual({ id: entry!.id, code: 'notAllowed' })
    await moderator.settled()
    expect(readBericht(moderator.doc).fazit).toBe('Kurz.')
    expect(listOf(await trashChannel(moderator).list()).map((i) => i.id)).toEqual([entry!.id])
  })

  it('many small deletions make one entry, with the text before the first; typing alone and the moderator’s own deletions make none', async () => {
    const { moderator, anna } = await berichtBoard()
    editBerichtPart(anna.doc, 'fazit', `${FAZIT} Ergänzt.`)
    await anna.settled()
    editBerichtPart(moderator.doc, 'fazit', FAZIT.slice(0, -1))
    await moderator.settled()
    const trash = trashChannel(moderator)
    expect(listOf(await trash.list())).toEqual([])
    const before = readBericht(anna.doc).fazit!
    for (let i = 1; i <= 25; i++) {
      editBerichtPart(anna.doc, 'fazit', before.slice(0, -i))
      await anna.settled()
    }
    expect(anna.rejects).toEqual([])
    expect(listOf(await trash.list())).toEqual([expect.objectContaining({ kind: 'bericht', part: 'fazit', text: before })])
    // Another part is another run.
    editBerichtPart(anna.doc, 'intro', '')
    await anna.settled()
    expect(listOf(await trash.list()).map((i) => (i.kind === 'bericht' ? i.part : i.kind)).sort()).toEqual(['fazit', 'intro'])
  })

  it('survives Abschluss, when notes and clusters are emptied, and is restored then', async () => {
    const { moderator, anna } = await berichtBoard()
    const note = addNote(moderator.doc, { zone: 'steigen', text: 'Weg damit', author: moderator.actor.participantId })
    await moderator.settled()
    deleteNote(moderator.doc, note)
    setPhase(moderator.doc, 'abschluss')
    await moderator.settled()
    // Participants write the minutes in Abschluss.
    editBerichtPart(anna.doc, 'fazit', '')
    await anna.settled()
    const trash = trashChannel(moderator)
    const items = listOf(await trash.list())
    expect(items.map((i) => i.kind)).toEqual(['bericht'])
    expect(await trash.restore(items[0]!.id)).toEqual({ id: items[0]!.id, code: '' })
    await waitFor(fazitEverywhere([moderator, anna], FAZIT), 5000, 'the restored Fazit')
  })

  it('a Bericht entry kept before Abschluss is still there after it', async () => {
    const { moderator, anna } = await berichtBoard()
    editBerichtPart(anna.doc, 'fazit', '')
    await anna.settled()
    const trash = trashChannel(moderator)
    expect(listOf(await trash.list()).map((i) => i.kind)).toEqual(['bericht'])
    setPhase(moderator.doc, 'abschluss')
    await moderator.settled()
    expect(listOf(await trash.list())).toEqual([expect.objectContaining({ kind: 'bericht', text: FAZIT })])
  })
})
