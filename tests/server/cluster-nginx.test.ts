import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { addDraft, ballotOf, castVote, votesUsed } from '../../model/privateDoc'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { startCluster } from '../helpers/cluster'
import type { ClusterRig } from '../helpers/cluster'
import { OPEN_BOARD } from '../helpers/server'
import { authedWebSocket } from '../helpers/abuse'

/**
 * Three real instances behind a real nginx (round robin, websockets proxied, the project's
 * deploy/nginx-cluster.conf) on one PostgreSQL and one Redis.
 */
let rig: ClusterRig
const clients: TestClient[] = []
const sockets: WebSocket[] = []

const texts = (doc: Y.Doc) =>
  Object.values(toBoardView(doc).zones)
    .flatMap((z) => z.notes.map((n) => n.text))
    .sort()

beforeAll(async () => {
  rig = await startCluster(3)
}, 90_000)
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const s of sockets.splice(0)) s.terminate()
  await rig.stop()
})

async function newBoard(body: unknown = OPEN_BOARD): Promise<{ boardId: string; moderatorToken: string }> {
  const res = await fetch(`${rig.nginx.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(res.status).toBe(201)
  return (await res.json()) as { boardId: string; moderatorToken: string }
}

function direct(instance: number, boardId: string, options: Parameters<typeof connectClient>[2] = {}): TestClient {
  const client = connectClient(rig.instances[instance]!.wsUrl, boardId, options)
  clients.push(client)
  return client
}

/** Websockets open on an instance, from its /metrics. */
async function openSockets(instance: { port: number }): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${instance.port}/metrics`)).text()
  return Number(/^ballonfahrt_connections (\d+)$/m.exec(text)?.[1])
}

/** A participant on one instance: its board connection and its private doc connection. */
async function participant(instance: number, boardId: string, moderatorToken?: string) {
  const secret = newSecretId()
  const options = { secret, ...(moderatorToken ? { moderatorToken } : {}) }
  const board = direct(instance, boardId, options)
  const mine = direct(instance, `${boardId}/private`, options)
  await Promise.all([board.synced(), mine.synced()])
  return { board, mine, secret }
}

/** A raw participant socket on one instance that records every frame it receives. */
function rawListener(instance: number, boardId: string): { frames: Uint8Array[]; opened: Promise<void> } {
  const ws = authedWebSocket(`${rig.instances[instance]!.wsUrl}/${boardId}`, {})
  sockets.push(ws)
  const frames: Uint8Array[] = []
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)))
  ws.on('open', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
    ws.send(encoding.toUint8Array(e))
  })
  return { frames, opened: new Promise((r) => ws.once('open', () => r())) }
}

const containsText = (frames: readonly Uint8Array[], text: string) => frames.some((f) => Buffer.from(f).includes(Buffer.from(text, 'utf8')))

describe('three instances behind nginx', () => {
  it('round-robins websockets over the instances; a note typed on A appears on B and C', async () => {
    const { boardId } = await newBoard()
    // Through nginx: six sockets land on the three instances in turn.
    const viaNginx = Array.from({ length: 6 }, () => {
      const c = connectClient(rig.nginx.ws, boardId)
      clients.push(c)
      return c
    })
    await Promise.all(viaNginx.map((c) => c.synced()))
    const [a, b, c] = [direct(0, boardId), direct(1, boardId), direct(2, boardId)]
    await Promise.all([a.synced(), b.synced(), c.synced()])
    addNote(a.doc, { zone: 'steigen', text: 'Auf A getippt', author: a.actor.participantId })
    await a.settled()
    await waitFor(() => [b, c, ...viaNginx].every((x) => texts(x.doc).length === 1), 5000, 'the note everywhere')
    expect(texts(b.doc)).toEqual(['Auf A getippt'])
    expect(texts(c.doc)).toEqual(['Auf A getippt'])
    expect(await rig.ownerOf(boardId)).not.toBeNull()
    // Round robin: each instance holds two of the six sockets from nginx, and its direct one.
    expect(await Promise.all(rig.instances.map(openSockets))).toEqual([3, 3, 3])
  })

  it('keeps private drafts off every other participant\'s wire on every instance until the reveal', async () => {
    const { boardId, moderatorToken } = await newBoard({ title: 'Privat' })
    const mod = await participant(0, boardId, moderatorToken)
    const anna = await participant(1, boardId)
    const listeners = [0, 1, 2].map((i) => rawListener(i, boardId))
    await Promise.all(listeners.map((l) => l.opened))
    addDraft(anna.mine.doc, { zone: 'steigen', text: 'GEHEIM-Anna-über-B' })
    await anna.mine.settled()
    // The others see the count, from whichever instance they are on.
    await waitFor(() => toBoardView(mod.board.doc).progress.drafts.steigen === 1, 5000, 'the count')
    for (const l of listeners) expect(containsText(l.frames, 'GEHEIM')).toBe(false)
    expect(containsText([Y.encodeStateAsUpdate(mod.board.doc)], 'GEHEIM')).toBe(false)
    setPhase(mod.board.doc, 'aufdecken')
    await waitFor(() => listeners.every((l) => containsText(l.frames, 'GEHEIM-Anna-über-B')), 5000, 'the reveal on every instance')
  })

  it('never lets votes raced from two instances past the limit', async () => {
    const { boardId, moderatorToken } = await newBoard({ title: 'Abstimmung', settings: { privateWriting: false } })
    const mod = await participant(0, boardId, moderatorToken)
    const notes = ['eins', 'zwei', 'drei', 'vier'].map((text) => addNote(mod.board.doc, { zone: 'steigen', text, author: mod.board.actor.participantId }))
    setPhase(mod.board.doc, 'abstimmen')
    await mod.board.settled()
    // One participant, two tabs on two instances, each spending the whole budget at once.
    const secret = newSecretId()
    const tabs = [1, 2].map((i) => direct(i, `${boardId}/private`, { secret }))
    await Promise.all(tabs.map((t) => t.synced()))
    const limits = { votesPerPerson: 5, maxVotesPerItem: 3 }
    for (const [t, tab] of tabs.entries()) {
      const mine = t === 0 ? [notes[0]!, notes[1]!] : [notes[2]!, notes[3]!]
      for (let v = 0; v < 5; v++) castVote(tab.doc, mine[v % 2]!, 1, limits)
    }
    await waitFor(() => tabs.every((t) => t.rejects.length > 0 || (t.provider.synced && t.acked() >= t.sent())), 10_000, 'both tabs answered')
    // A fresh look at the stored ballot: never more than the limit, and somebody was refused.
    const fresh = direct(0, `${boardId}/private`, { secret })
    await fresh.synced()
    await new Promise((r) => setTimeout(r, 200))
    expect(votesUsed(fresh.doc)).toBeLessThanOrEqual(5)
    expect(votesUsed(fresh.doc)).toBeGreaterThan(0)
    expect([...ballotOf(fresh.doc).values()].every((n) => n <= 3)).toBe(true)
    expect(tabs.flatMap((t) => t.rejects)).toContain('voteLimit')
  })
})
