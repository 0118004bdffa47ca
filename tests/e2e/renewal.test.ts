import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, moveNote } from '../../model/notes'
import { lastRenewal } from '../../model/renewal'
import { notesOf } from '../../model/schema'
import { ZONE_IDS } from '../../model/zones'
import { connectClient, waitFor } from '../helpers/clients'
import { editOwnNote, joinBehindSwitch, writeNote } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { storedDoc } from '../helpers/storedDoc'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// Boards nobody is connected to leave memory after 300 ms, and are renewed then.
const e2e = withServerAndBrowser({ config: { idleUnloadMs: 300 } })
const RISE = /Steigen/

function textsOf(doc: Y.Doc): string[] {
  return [...notesOf(doc).values()].map((note) => String(note.get('text'))).sort()
}

describe('a board renewed while a browser was offline', () => {
  it("keeps the browser's offline edit of a renewed note", async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Lange Sitzung' })
    const ben = await joinBehindSwitch(e2e.browser, board.participantUrl, 'Ben')
    await writeNote(ben.page, RISE, 'Bens Notiz')
    await ben.page.getByText('gespeichert', { exact: true }).waitFor()

    // The moderation moves every note many times: Ben's and twenty of its own, one update a round.
    const moderator = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    await moderator.synced()
    await waitFor(() => notesOf(moderator.doc).size === 1, 5000, "Ben's note")
    const { doc } = moderator
    doc.transact(() => {
      for (let i = 0; i < 20; i++) addNote(doc, { zone: 'einheizen', text: `Notiz ${i}`, author: moderator.actor.participantId })
    })
    for (let round = 0; round < 30; round++) {
      doc.transact(() => [...notesOf(doc).keys()].forEach((id, i) => moveNote(doc, id, { zone: ZONE_IDS[(i + round) % 3]! })))
      await moderator.settled(10_000)
    }
    await ben.page.getByText('gespeichert', { exact: true }).waitFor()
    const before = textsOf(doc)
    moderator.destroy()

    // Ben loses his network and edits his note; meanwhile the board leaves memory, renewed.
    await ben.sockets.cut()
    await ben.page.getByText('offline', { exact: true }).waitFor()
    await editOwnNote(ben.page, 'Bens Notiz', 'Bens Notiz, offline überarbeitet')
    await waitFor(() => !e2e.server.app.rooms.isLoaded(board.boardId), 10_000, 'the board to leave memory')
    const renewed = await storedDoc(e2e.server.app.store, board.boardId)
    expect(lastRenewal(renewed)).not.toBeNull()
    expect(textsOf(renewed)).toEqual(before)

    // Back online: his page sends the edit again, into the renewed note.
    ben.sockets.heal()
    await ben.page.getByText('gespeichert', { exact: true }).waitFor({ timeout: 20_000 })
    const reader = connectClient(e2e.server.ws, board.boardId)
    await reader.synced()
    await waitFor(() => textsOf(reader.doc).includes('Bens Notiz, offline überarbeitet'), 10_000, "Ben's edit at the server")
    expect(textsOf(reader.doc)).not.toContain('Bens Notiz')
    // On his page too (in whichever zone the moderation left it).
    await ben.page.getByText('Bens Notiz, offline überarbeitet', { exact: true }).waitFor()
    reader.destroy()
    await ben.context.close()
  })
})
