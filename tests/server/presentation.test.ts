import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { setPresentationPage } from '../../model/presentation'
import { metaOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

function client(moderator = false): TestClient {
  const c = connectClient(server.ws, board.boardId, { secret: newSecretId(), ...(moderator && { moderatorToken: board.moderatorToken }) })
  clients.push(c)
  return c
}

beforeEach(async () => {
  server = await startTestServer()
  board = await createBoard(server, { title: 'Präsentation' })
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
})

/** A board in Clustern with a note, the moderator's page on untenHalten, as every client sees it. */
async function pagedBoard() {
  const mod = client(true)
  await mod.synced()
  setPhase(mod.doc, 'clustern')
  addNote(mod.doc, { zone: 'untenHalten', text: 'Zu wenig Zeit', author: mod.actor.participantId })
  setPresentationPage(mod.doc, { zone: 'untenHalten', page: 0 })
  await mod.settled()
  return mod
}

const state = (c: TestClient) => JSON.stringify(c.doc.getMap('meta').toJSON())

describe('the Präsentation’s page through the guard', () => {
  it('reaches every client when the moderator pages', async () => {
    await pagedBoard()
    const viewer = client()
    await viewer.synced()
    await waitFor(() => toBoardView(viewer.doc).presentation !== null)
    expect(toBoardView(viewer.doc).presentation).toEqual({ zone: 'untenHalten', page: 0 })
  })

  it('refuses a participant who pages or clears it, and nobody sees the change', async () => {
    const mod = await pagedBoard()
    for (const page of [{ zone: 'steigen' as const, page: 0 }, null]) {
      const p = client()
      await p.synced()
      await waitFor(() => toBoardView(p.doc).presentation !== null)
      const before = state(mod)
      setPresentationPage(p.doc, page)
      await waitFor(() => p.rejects.length > 0, 3000, 'reject')
      await waitFor(() => p.closes.includes(4422), 3000, 'close 4422')
      const fresh = client()
      await fresh.synced()
      expect(state(fresh)).toBe(before)
      expect(toBoardView(fresh.doc).presentation).toEqual({ zone: 'untenHalten', page: 0 })
    }
  })

  it('refuses a malformed page even from the moderator, and keeps the last good one', async () => {
    const mod = await pagedBoard()
    const hostile = client(true)
    await hostile.synced()
    metaOf(hostile.doc).set('presentation', { zone: 'untenHalten', page: -3, script: '<img>' })
    await waitFor(() => hostile.rejects.length > 0, 3000, 'reject')
    const fresh = client()
    await fresh.synced()
    expect(toBoardView(fresh.doc).presentation).toEqual({ zone: 'untenHalten', page: 0 })
    expect(state(fresh)).toBe(state(mod))
  })
})
