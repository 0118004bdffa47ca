import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote, editNoteText, moveNote } from '../../model/notes'
import { keepUnsentAcrossRenewals, lastRenewal } from '../../model/renewal'
import { metaOf, notesOf } from '../../model/schema'
import { ZONE_IDS } from '../../model/zones'
import { CLOSE } from '../../protocol/messages'
import { toBoardView } from '../../model/view'
import { startApp } from '../../server/app'
import type { App } from '../../server/app'
import { setQuiet } from '../../server/log'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, testConfig } from '../helpers/server'
import { storedDoc } from '../helpers/storedDoc'
import { startPostgres, startRedis } from '../helpers/services'
import type { PgServer, RedisServer } from '../helpers/services'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Three instances in one process on one PostgreSQL and one Redis: one owns a board, the others
 * relay their sockets to it through Redis (real services, real sockets).
 */
let postgres: PgServer
let redis: RedisServer
let apps: App[] = []
const clients: TestClient[] = []

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

beforeAll(async () => {
  setQuiet(true)
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const url = await postgres.createDatabase('relay')
  const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-relay-'))
  // Pings every second (the fewest flow control allows): relayed connections are pinged too.
  const flow = { ...testConfig(dir).flow, pingIntervalMs: 1000 }
  for (let i = 0; i < 3; i++) apps.push(await startApp(testConfig(join(dir, String(i)), { flow, cluster: { databaseUrl: url, redisUrl: redis.url, leaseMs: 1500 } })))
}, 60_000)

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const app of apps) await app.close()
  apps = []
  await redis.destroy()
  await postgres.destroy()
})

async function newBoard(app: App): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${app.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
  expect(res.status).toBe(201)
  return ((await res.json()) as { boardId: string }).boardId
}

function join_(app: App, boardId: string): TestClient {
  return connect(app, boardId)
}

function connect(app: App, boardId: string, moderatorToken?: string): TestClient {
  const client = connectClient(`ws://127.0.0.1:${app.port}/ws`, boardId, moderatorToken ? { moderatorToken } : {})
  clients.push(client)
  return client
}

describe('three instances, one owner per board', () => {
  it('shows a note typed on one instance to clients of the other two, acknowledged through the relay', async () => {
    const boardId = await newBoard(apps[0]!)
    const [a, b, c] = apps.map((app) => join_(app, boardId))
    await Promise.all([a!.synced(), b!.synced(), c!.synced()])
    addNote(b!.doc, { zone: 'steigen', text: 'Über B geschrieben', author: b!.actor.participantId })
    await b!.settled()
    await waitFor(() => texts(a!.doc).length === 1 && texts(c!.doc).length === 1, 5000, 'the note on A and C')
    expect(texts(a!.doc)).toEqual(['Über B geschrieben'])
    expect(texts(c!.doc)).toEqual(['Über B geschrieben'])
    const owners = apps.filter((app) => app.rooms.isLoaded(boardId))
    expect(owners).toHaveLength(1)
  })

  it('shows presence across instances: stamped by the owner, updated, and gone when the person leaves', async () => {
    const boardId = await newBoard(apps[0]!)
    const [a, b, c] = apps.map((app) => join_(app, boardId))
    await Promise.all([a!.synced(), b!.synced(), c!.synced()])
    type Seen = { user?: { name?: string }; role?: string; pid?: string }
    const seenBy = (watcher: TestClient, person: TestClient) => watcher.provider.awareness.getStates().get(person.doc.clientID) as Seen | undefined
    // A person on C (which does not own the board) claims to be the moderator.
    c!.provider.awareness.setLocalState({ user: { name: 'Frau Kaya' }, role: 'moderator' })
    await waitFor(() => seenBy(a!, c!)?.user?.name === 'Frau Kaya' && seenBy(b!, c!)?.user?.name === 'Frau Kaya', 5000, 'C on A and B')
    // The owner stamped who C is, whichever instance C's socket is on.
    expect(seenBy(a!, c!)?.role).toBe('participant')
    expect(seenBy(b!, c!)?.pid).toBe(c!.actor.participantId)
    c!.provider.awareness.setLocalStateField('user', { name: 'Frau Dr. Kaya' })
    await waitFor(() => seenBy(a!, c!)?.user?.name === 'Frau Dr. Kaya' && seenBy(b!, c!)?.user?.name === 'Frau Dr. Kaya', 5000, 'the new name on A and B')
    // A late joiner on B is told everyone's presence at once.
    const late = join_(apps[1]!, boardId)
    await late.synced()
    await waitFor(() => seenBy(late, c!)?.user?.name === 'Frau Dr. Kaya', 5000, 'C for the late joiner')
    c!.destroy()
    await waitFor(() => seenBy(a!, c!) === undefined && seenBy(b!, c!) === undefined && seenBy(late, c!) === undefined, 5000, 'C gone on A and B')
  })

  it('closes every socket of a board deleted on an instance that does not own it with 4410, relayed ones too', async () => {
    const res = await fetch(`http://127.0.0.1:${apps[0]!.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
    const { boardId, moderatorToken } = (await res.json()) as { boardId: string; moderatorToken: string }
    const owner = join_(apps[0]!, boardId)
    await owner.synced()
    const relayed = join_(apps[1]!, boardId)
    await relayed.synced()
    expect(apps.filter((app) => app.rooms.isLoaded(boardId))).toEqual([apps[0]])
    // Deleted through instance C, which holds nothing of the board.
    const deleted = await fetch(`http://127.0.0.1:${apps[2]!.port}/api/boards/${boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${moderatorToken}` } })
    expect(deleted.status).toBe(204)
    await waitFor(() => owner.closes.includes(4410) && relayed.closes.includes(4410), 5000, 'both closed with 4410')
    expect(apps[0]!.rooms.isLoaded(boardId)).toBe(false)
  })

  it('closes a revoked co-moderator link\'s sockets on every instance, revoked through one that holds none of them', async () => {
    const res = await fetch(`http://127.0.0.1:${apps[0]!.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
    const { boardId, moderatorToken } = (await res.json()) as { boardId: string; moderatorToken: string }
    const moderation = (app: App, path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${app.port}/api/boards/${boardId}/moderators${path}`, { ...init, headers: { authorization: `Bearer ${moderatorToken}`, 'content-type': 'application/json' } })
    const created = await moderation(apps[1]!, '', { method: 'POST', body: JSON.stringify({ label: 'Vertretung' }) })
    const link = (await created.json()) as { id: string; moderatorToken: string }
    const kept = (await (await moderation(apps[2]!, '', { method: 'POST', body: JSON.stringify({ label: 'Bleibt' }) })).json()) as { moderatorToken: string }
    // The board's own token first; whichever instance took the board (the one that made a link
    // may have) is the owner.
    const own = connect(apps[0]!, boardId, moderatorToken)
    await own.synced()
    const owners = apps.filter((app) => app.rooms.isLoaded(boardId))
    expect(owners).toHaveLength(1)
    const owner = owners[0]!
    const [relay, bystander] = apps.filter((app) => app !== owner) as [App, App]
    // The link on the owner and relayed through another instance; another link stays.
    const onOwner = connect(owner, boardId, link.moderatorToken)
    const relayed = connect(relay, boardId, link.moderatorToken)
    const other = connect(relay, boardId, kept.moderatorToken)
    await Promise.all([onOwner, relayed, other].map((c) => c.synced()))
    expect(apps.filter((app) => app.rooms.isLoaded(boardId))).toEqual([owner])
    // Revoked through the third, which holds no socket of the board: only the Redis bus reaches the others.
    expect((await moderation(bystander, `/${link.id}`, { method: 'DELETE' })).status).toBe(204)
    await waitFor(() => onOwner.closes.includes(CLOSE.revoked) && relayed.closes.includes(CLOSE.revoked), 5000, 'both sockets of the link closed with 4401')
    // The others keep working: the second link's client still writes through the relay.
    metaOf(other.doc).set('title', 'Nach dem Zurücknehmen')
    await other.settled()
    await waitFor(() => metaOf(own.doc).get('title') === 'Nach dem Zurücknehmen', 5000, 'the title on the owner')
    expect([other.closes, own.closes]).toEqual([[], []])
    // And the revoked token is refused on every instance from then on.
    onOwner.destroy()
    relayed.destroy()
    const again = apps.map((app) => connect(app, boardId, link.moderatorToken))
    await waitFor(() => again.every((c) => c.closes.includes(CLOSE.forbidden)), 5000, 'the revoked token refused (4403) everywhere')
  })

  it('seats people who join through all three instances one after another: once each, 0 … n-1, in the order they joined', async () => {
    const boardId = await newBoard(apps[0]!)
    // A crowd at once through all three: every seat once, none skipped.
    const crowd = Array.from({ length: 12 }, (_, i) => join_(apps[i % 3]!, boardId))
    await Promise.all(crowd.map((c) => c.synced()))
    const seatsOn = (c: TestClient) => toBoardView(c.doc).seats
    await waitFor(() => Object.keys(seatsOn(crowd[0]!)).length === 12, 10_000, 'twelve seats')
    expect(Object.values(seatsOn(crowd[0]!)).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i))
    // Then one by one, each through the next instance: seats in that order.
    const late: TestClient[] = []
    for (let i = 0; i < 3; i++) {
      const c = join_(apps[(i + 1) % 3]!, boardId)
      late.push(c)
      await waitFor(() => seatsOn(c)[c.actor.participantId] !== undefined, 10_000, 'the late one seated')
    }
    expect(late.map((c) => seatsOn(c)[c.actor.participantId])).toEqual([12, 13, 14])
    await waitFor(() => Object.keys(seatsOn(crowd[11]!)).length === 15, 10_000, 'fifteen seats everywhere')
    for (const c of [...crowd, ...late]) expect(seatsOn(c)).toEqual(seatsOn(late[2]!))
  })

  it('loads a board afresh when it takes it over, not from a copy it read while another owned it', async () => {
    const [a, b] = [apps[0]!, apps[1]!]
    const boardId = await newBoard(a)
    const writer = join_(a, boardId)
    await writer.synced()
    // B reads the board (as for its title) while A owns it: B now holds a copy in memory.
    expect((await fetch(`http://127.0.0.1:${b.port}/api/boards/${boardId}`)).status).toBe(200)
    expect(b.rooms.isLoaded(boardId)).toBe(true)
    addNote(writer.doc, { zone: 'steigen', text: 'Nach dem Lesen geschrieben', author: writer.actor.participantId })
    await writer.settled()
    // A stops (handing its boards over); a newcomer on B makes B the owner.
    await a.close()
    const late = join_(b, boardId)
    await late.synced()
    expect(texts(late.doc)).toEqual(['Nach dem Lesen geschrieben'])
  })

  it('keeps a relayed connection through the owner\'s pings', async () => {
    const boardId = await newBoard(apps[1]!)
    const owner = join_(apps[1]!, boardId)
    await owner.synced()
    const relayed = join_(apps[2]!, boardId)
    await relayed.synced()
    // Three ping intervals: the owner pings the relayed socket, the relay answers for it.
    await new Promise((r) => setTimeout(r, 3500))
    addNote(relayed.doc, { zone: 'einheizen', text: 'Nach den Pings', author: relayed.actor.participantId })
    await relayed.settled()
    await waitFor(() => texts(owner.doc).includes('Nach den Pings'), 5000, 'the note on the owner')
    expect(relayed.closes).toEqual([])
  })


  it("renews a board its owner unloads, and a client offline across it keeps its edit, whichever instance it comes back to", async () => {
    // Three more instances on a database of their own that unload idle boards after 200 ms.
    const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-renewal-'))
    const url = await postgres.createDatabase('renewal')
    const quick: App[] = []
    try {
      for (let i = 0; i < 3; i++) quick.push(await startApp(testConfig(join(dir, String(i)), { idleUnloadMs: 200, cluster: { databaseUrl: url, redisUrl: redis.url, leaseMs: 1500 } })))
      const res = await fetch(`http://127.0.0.1:${quick[0]!.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
      const { boardId, moderatorToken } = (await res.json()) as { boardId: string; moderatorToken: string }
      const writer = connect(quick[1]!, boardId, moderatorToken)
      keepUnsentAcrossRenewals(writer.doc)
      await writer.synced()
      const { doc } = writer
      const ids = doc.transact(() => Array.from({ length: 20 }, (_, i) => addNote(doc, { zone: 'steigen', text: `Notiz ${i}`, author: writer.actor.participantId })))
      for (let round = 0; round < 30; round++) {
        doc.transact(() => ids.forEach((id, i) => moveNote(doc, id, { zone: ZONE_IDS[(i + round) % 3]! })))
        await writer.settled(10_000)
      }
      writer.provider.disconnect()
      editNoteText(doc, ids[0]!, 'Notiz 0, offline ergänzt')
      await waitFor(() => quick.every((app) => !app.rooms.isLoaded(boardId)), 10_000, 'the board to leave memory on every instance')
      expect(lastRenewal(await storedDoc(quick[2]!.store, boardId))).not.toBeNull()

      writer.provider.connect()
      await writer.settled(10_000)
      const reader = connect(quick[2]!, boardId)
      await reader.synced()
      await waitFor(() => String(notesOf(reader.doc).get(ids[0]!)?.get('text')) === 'Notiz 0, offline ergänzt', 10_000, 'the offline edit on another instance')
      expect(notesOf(reader.doc).toJSON()).toEqual(notesOf(writer.doc).toJSON())
    } finally {
      for (const c of clients.splice(0)) c.destroy()
      for (const app of quick) await app.close()
    }
  })
})
