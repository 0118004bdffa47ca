import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../model/errors'
import { newItemId, newSecretId } from '../../model/ids'
import { LIMITS } from '../../model/limits'
import { addDraft, draftsOf } from '../../model/privateDoc'
import { privateDocName } from '../../server/rooms'
import { CLOSE } from '../../protocol/messages'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'
import { storedDoc } from '../helpers/storedDoc'
import { participantIdOf } from '../../model/identity'

// Issue 11: private docs are bounded by a byte cap of their own (MAX_PRIVATE_BYTES) and a number
// of drafts per participant (LIMITS.draftsPerParticipant). The honest client is refused by the
// model before it sends anything; a client that writes past the limits anyway is refused by the
// server and nothing of it is stored.

let server: TestServer | null = null
const clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
})

function client(name: string, secret: string): TestClient {
  const c = connectClient(server!.ws, name, { secret })
  clients.push(c)
  return c
}

/** A participant on the board and on its private doc (a board member, so its private doc is its own). */
async function participant(board: CreatedBoard, secret = newSecretId()): Promise<{ mine: TestClient; secret: string }> {
  await client(board.boardId, secret).synced()
  const mine = client(`${board.boardId}/private`, secret)
  await mine.synced()
  return { mine, secret }
}

/** The private doc as the server stores it, read afresh from the store. */
async function storedDrafts(board: CreatedBoard, secret: string): Promise<number> {
  await server!.app.store.flushed()
  const doc = await storedDoc(server!.app.store, privateDocName(board.boardId, participantIdOf(secret)))
  return draftsOf(doc).size
}

/** A draft written straight into the doc, past the model's check (as a hostile client would). */
function forceDraft(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const d = new Y.Map<unknown>()
    d.set('zone', 'steigen')
    d.set('text', new Y.Text(text))
    d.set('createdAt', Date.now())
    draftsOf(doc).set(newItemId(), d)
  })
}

describe('drafts per participant', () => {
  it('the model refuses the draft past the limit before anything is sent (draftLimit); the server refuses one forced past it (privateFull) and stores none of it', async () => {
    server = await startTestServer()
    const board = await createBoard(server, { title: 'Privat sammeln' })
    const honest = await participant(board)
    for (let i = 0; i < LIMITS.draftsPerParticipant; i++) addDraft(honest.mine.doc, { zone: 'einheizen', text: `Notiz ${i}` })
    await honest.mine.settled(20_000)
    const sent = honest.mine.sent()
    let refusal: unknown = null
    try {
      addDraft(honest.mine.doc, { zone: 'einheizen', text: 'Eine zu viel' })
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(ModelError)
    expect((refusal as ModelError).code).toBe('draftLimit')
    // Nothing changed, nothing sent, nothing refused: the honest client keeps its connection and its drafts.
    expect(draftsOf(honest.mine.doc).size).toBe(LIMITS.draftsPerParticipant)
    expect(honest.mine.sent()).toBe(sent)
    expect([honest.mine.rejects, honest.mine.closes]).toEqual([[], []])
    expect(await storedDrafts(board, honest.secret)).toBe(LIMITS.draftsPerParticipant)

    // A client that writes the 101st draft past the model: refused, closed with 4422, not stored.
    const hostile = await participant(board)
    for (let i = 0; i < LIMITS.draftsPerParticipant; i++) addDraft(hostile.mine.doc, { zone: 'steigen', text: `H ${i}` })
    await hostile.mine.settled(20_000)
    forceDraft(hostile.mine.doc, 'Über dem Limit')
    await waitFor(() => hostile.mine.rejects.length > 0, 5000, 'the refusal')
    expect(hostile.mine.rejects).toEqual(['privateFull'])
    await waitFor(() => hostile.mine.closes.includes(CLOSE.rejected), 5000, 'close 4422')
    expect(await storedDrafts(board, hostile.secret)).toBe(LIMITS.draftsPerParticipant)
  }, 60_000)
})

describe('bytes per private doc', () => {
  it('refuses a private doc that grows past MAX_PRIVATE_BYTES (privateFull) and keeps it at most that big; others and the board go on', async () => {
    const cap = 48 * 1024
    server = await startTestServer({ maxPrivateBytes: cap })
    const board = await createBoard(server, { title: 'Privat sammeln' })
    const hostile = await participant(board)
    // One draft, its text rewritten whole again and again: every change is legal, the stored log grows.
    addDraft(hostile.mine.doc, { zone: 'steigen', text: 'a' })
    await hostile.mine.settled()
    const text = [...draftsOf(hostile.mine.doc).values()][0]!.get('text') as Y.Text
    for (let i = 0; i < 40 && hostile.mine.rejects.length === 0; i++) {
      hostile.mine.doc.transact(() => {
        text.delete(0, text.length)
        text.insert(0, `${i} ${'ä'.repeat(990)}`)
      })
      await new Promise((r) => setTimeout(r, 30))
    }
    await waitFor(() => hostile.mine.rejects.length > 0, 10_000, 'the refusal')
    expect(hostile.mine.rejects).toEqual(['privateFull'])
    const name = privateDocName(board.boardId, participantIdOf(hostile.secret))
    await server.app.store.flushed()
    const stored = await server.app.store.load(name)
    const bytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0)
    expect(bytes).toBeLessThanOrEqual(cap)
    // Another participant's private doc and the board are not affected.
    const other = await participant(board)
    addDraft(other.mine.doc, { zone: 'untenHalten', text: 'Geht weiter' })
    await other.mine.settled()
    expect(other.mine.rejects).toEqual([])
  }, 60_000)

  it('the default cap holds every draft the model allows: the limit of drafts at the longest text in 3-byte characters is acknowledged', async () => {
    server = await startTestServer({ maxPrivateBytes: 1024 * 1024 })
    const board = await createBoard(server, { title: 'Privat sammeln' })
    const honest = await participant(board)
    for (let i = 0; i < LIMITS.draftsPerParticipant; i++) addDraft(honest.mine.doc, { zone: 'steigen', text: '€'.repeat(LIMITS.noteLength) })
    await honest.mine.settled(30_000)
    expect([honest.mine.rejects, honest.mine.closes]).toEqual([[], []])
    expect(await storedDrafts(board, honest.secret)).toBe(LIMITS.draftsPerParticipant)
  }, 60_000)
})
