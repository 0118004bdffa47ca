import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addNote, editNoteText } from '../../model/notes'
import { setLocked } from '../../model/phases'
import { declarePrivateRoots } from '../../model/privateDoc'
import { LOCAL, notesOf } from '../../model/schema'
import { createUndo } from '../../model/undo'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

function join(moderator = false): TestClient {
  const client = connectClient(server.ws, board.boardId, moderator ? { moderatorToken: board.moderatorToken } : {})
  clients.push(client)
  return client
}

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

describe('an undo is an ordinary update the server checks', () => {
  it('is accepted while the rules allow it, and everyone sees the change taken back', async () => {
    const anna = join()
    const ben = join()
    await Promise.all([anna.synced(), ben.synced()])
    const privateDoc = new Y.Doc()
    declarePrivateRoots(privateDoc)
    const undo = createUndo(anna.doc, privateDoc)
    const id = addNote(anna.doc, { zone: 'steigen', text: 'Erster Entwurf', author: anna.actor.participantId })
    editNoteText(anna.doc, id, 'Versehentlich überschrieben')
    await waitFor(() => texts(ben.doc).includes('Versehentlich überschrieben'))
    expect(undo.undo()).toBe(true)
    await anna.settled()
    await waitFor(() => texts(ben.doc).includes('Erster Entwurf'))
    expect(undo.undo()).toBe(true)
    await anna.settled()
    await waitFor(() => texts(ben.doc).length === 0)
    expect(undo.redo()).toBe(true)
    await anna.settled()
    await waitFor(() => texts(ben.doc).includes('Erster Entwurf'))
    expect(anna.rejects).toEqual([])
  })

  it('is refused once the board is locked, and the board stays as it was for everyone', async () => {
    const anna = join()
    const ben = join()
    const moderator = join(true)
    await Promise.all([anna.synced(), ben.synced(), moderator.synced()])
    // A client that kept its undo stack across the lock (ours empties it): Yjs's own manager.
    const manager = new Y.UndoManager(notesOf(anna.doc), { trackedOrigins: new Set([LOCAL]) })
    addNote(anna.doc, { zone: 'steigen', text: 'Bleibt stehen', author: anna.actor.participantId })
    await anna.settled()
    setLocked(moderator.doc, true)
    await moderator.settled()
    await waitFor(() => toBoardView(anna.doc).locked)
    manager.undo()
    await waitFor(() => anna.rejects.length > 0, 5000, 'reject')
    await moderator.settled()
    expect(texts(ben.doc)).toEqual(['Bleibt stehen'])
    expect(texts(moderator.doc)).toEqual(['Bleibt stehen'])
    // A newcomer loads the stored board: the note is there.
    const carla = join()
    await carla.synced()
    expect(texts(carla.doc)).toEqual(['Bleibt stehen'])
  })
})
