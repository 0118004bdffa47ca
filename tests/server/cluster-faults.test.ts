import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { startCluster } from '../helpers/cluster'
import type { ClusterRig } from '../helpers/cluster'
import type { ServerProcess } from '../helpers/chaos'
import { formatClusterResult, runClusterChaos } from '../helpers/clusterChaos'

/**
 * The cluster's other faults: an owner paused past its lease (fencing), Redis and PostgreSQL
 * killed and restarted, a rolling restart of every instance, while clients write.
 */
const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))
let rig: ClusterRig
const clients: TestClient[] = []

beforeAll(async () => {
  rig = await startCluster(3, { LEASE_MS: '1000' })
}, 90_000)
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await rig.stop()
})

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

async function epochOf(boardId: string): Promise<number> {
  const client = new pg.Client({ connectionString: rig.databaseUrl })
  await client.connect()
  try {
    return Number((await client.query<{ epoch: string }>('SELECT epoch FROM board_epochs WHERE board = $1', [boardId])).rows[0]?.epoch)
  } finally {
    await client.end()
  }
}

describe('fencing', () => {
  it('refuses in PostgreSQL the append of an owner that was paused past its lease while another took over', async () => {
    const res = await fetch(`${rig.nginx.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Fencing', settings: { privateWriting: false } }) })
    const { boardId } = (await res.json()) as { boardId: string }
    const [old, next] = [rig.instances[0]!, rig.instances[1]!]
    // X on instance 0 makes it the owner.
    const x = connectClient(old.wsUrl, boardId)
    clients.push(x)
    await x.synced()
    addNote(x.doc, { zone: 'steigen', text: 'vorher', author: x.actor.participantId })
    await x.settled()
    expect(await rig.ownerOf(boardId)).toBe(old)
    const oldEpoch = await epochOf(boardId)
    // The owner's next append gets as far as BEGIN: the database stops answering, then the owner stops.
    rig.postgres.pause()
    let ackedAtClose = -1
    x.provider.on('connection-close', () => {
      if (ackedAtClose < 0) ackedAtClose = x.acked()
    })
    addNote(x.doc, { zone: 'steigen', text: 'vom alten Besitzer', author: x.actor.participantId })
    const sentByX = x.sent()
    await new Promise((r) => setTimeout(r, 300))
    old.signal('SIGSTOP')
    rig.postgres.resume()
    // Y on instance 1: once the lease ran out, instance 1 takes the board with a newer epoch.
    const y = connectClient(next.wsUrl, boardId)
    clients.push(y)
    await waitFor(() => y.provider.synced && texts(y.doc).includes('vorher'), 15_000, 'the takeover')
    addNote(y.doc, { zone: 'einheizen', text: 'vom neuen Besitzer', author: y.actor.participantId })
    await y.settled(10_000)
    expect(await rig.ownerOf(boardId)).toBe(next)
    expect(await epochOf(boardId)).toBeGreaterThan(oldEpoch)
    // The old owner wakes: its transaction goes on, and PostgreSQL refuses the stale epoch.
    old.signal('SIGCONT')
    await waitFor(() => /"event":"store.appendFailed".*is stale/.test(old.output()), 10_000, 'the refusal in the old owner\'s log')
    await waitFor(() => ackedAtClose >= 0, 10_000, 'X to be closed by the old owner')
    expect(ackedAtClose).toBeLessThan(sentByX)
    // X reconnects (through the old instance, now relaying) and its note arrives once.
    await x.settled(15_000)
    await waitFor(() => texts(y.doc).length === 3, 10_000, 'everything on Y')
    expect(texts(y.doc)).toEqual(['vom alten Besitzer', 'vom neuen Besitzer', 'vorher'])
  }, 60_000)
})

describe('presence when an instance dies', () => {
  it('removes the people whose sockets were on a killed instance from everyone else\'s presence', async () => {
    const res = await fetch(`${rig.nginx.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Anwesenheit', settings: { privateWriting: false } }) })
    const { boardId } = (await res.json()) as { boardId: string }
    const [owning, watching, dying] = rig.instances as [ServerProcess, ServerProcess, ServerProcess]
    const owner = connectClient(owning.wsUrl, boardId)
    clients.push(owner)
    await owner.synced()
    expect(await rig.ownerOf(boardId)).toBe(owning)
    const watcher = connectClient(watching.wsUrl, boardId)
    const person = connectClient(dying.wsUrl, boardId)
    clients.push(watcher, person)
    await Promise.all([watcher.synced(), person.synced()])
    person.provider.awareness.setLocalState({ user: { name: 'Herr Brandt' } })
    const present = (c: TestClient) => c.provider.awareness.getStates().has(person.doc.clientID)
    await waitFor(() => present(owner) && present(watcher), 5000, 'the person on both other instances')
    // kill -9: nobody says goodbye; the owner notices that the instance stopped saying it is alive.
    await dying.stop('SIGKILL')
    await waitFor(() => !present(owner) && !present(watcher), 10_000, 'the person gone from presence')
    person.destroy()
    await dying.start()
  }, 60_000)
})

describe('faults of the services and a rolling restart', () => {
  it('loses nothing acknowledged when Redis and PostgreSQL are killed and restarted, or all three instances restart one by one', async () => {
    const result = await runClusterChaos(rig, {
      faults: ['restart-redis', 'restart-postgres', 'rolling-restart', 'restart-redis', 'restart-postgres'],
      seed,
      clients: 3,
      upMs: [300, 800],
      writeMs: [30, 90],
      log: (line) => console.log(line),
    })
    console.log(formatClusterResult(result))
    expect(result.examples).toEqual([])
    expect(result.faults).toEqual({ 'restart-redis': 2, 'restart-postgres': 2, 'rolling-restart': 1 })
    expect(result.lost).toBe(0)
    expect(result.duplicated).toBe(0)
    expect(result.rejects).toBe(0)
    expect(result.undelivered).toBe(0)
    // A rolling restart closes every connection gracefully, never as broken.
    expect(result.dropCodes['1006'] ?? 0).toBe(0)
  }, 120_000)
})
