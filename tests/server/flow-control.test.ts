import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { initBoard } from '../../model/board'
import { toBoardFile } from '../../model/export/json'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { CLOSE, MESSAGE, SYNC_STEP1, SYNC_STEP2 } from '../../protocol/messages'
import { fullGc, joinSocket, MB, mb, settleMemory } from '../helpers/abuse'
import type { RawSocket } from '../helpers/abuse'
import { waitFor } from '../helpers/clients'
import { startTestServer, testConfig } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let server: TestServer | null = null
const raws: RawSocket[] = []

afterEach(async () => {
  for (const r of raws.splice(0)) r.ws.terminate()
  await server?.stop()
  server = null
})

const FLOW = testConfig('').flow

/** A board with `count` notes, imported through the API (anyone can make one). */
async function boardWithNotes(count: number): Promise<string> {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Flut' })
  for (let i = 0; i < count; i++) addNote(doc, { zone: ZONE_IDS[i % 3]!, text: `Notiz ${i}: ${'Wir brauchen mehr Zeit für Abstimmungen. '.repeat(2)}`, author: `p${i % 20}` })
  const res = await fetch(`${server!.http}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(toBoardFile(toBoardView(doc))),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { boardId: string }).boardId
}

function join(boardId: string, options: WebSocket.ClientOptions = {}): RawSocket {
  const r = joinSocket(`ws://127.0.0.1:${server!.app.port}/ws/${boardId}`, {}, {}, options)
  raws.push(r)
  return r
}

/** A sync step 1 with a state vector that is not empty (one made-up client at `clock`): never answered from the cache. */
function syncStep1(clock = 0, stateVector?: Uint8Array): Uint8Array {
  const sv = encoding.createEncoder()
  encoding.writeVarUint(sv, 1)
  encoding.writeVarUint(sv, 424242)
  encoding.writeVarUint(sv, clock)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, SYNC_STEP1)
  encoding.writeVarUint8Array(encoder, stateVector ?? encoding.toUint8Array(sv))
  return encoding.toUint8Array(encoder)
}

const isSyncStep2 = (frame: Uint8Array) => frame[0] === MESSAGE.sync && frame[1] === SYNC_STEP2

async function roomMembers(boardId: string): Promise<number> {
  const room = await server!.app.rooms.open(boardId)
  return room.members.size
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

async function healthzLatency(since = performance.now()): Promise<number> {
  const res = await fetch(`${server!.http}/healthz`)
  await res.arrayBuffer()
  expect(res.status).toBe(200)
  return performance.now() - since
}

/**
 * /healthz asked every `everyMs` for `count` times, each timed from the moment it was due, not
 * from when the blocked event loop got round to sending it: a freeze counts for every request
 * that should have gone out during it, as it does for the many clients of a real server.
 */
async function healthzSchedule(count: number, everyMs: number): Promise<number[]> {
  const start = performance.now()
  const answers: Promise<number>[] = []
  for (let i = 0; i < count; i++) {
    const due = start + i * everyMs
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    answers.push(healthzLatency(due))
  }
  return Promise.all(answers)
}

/** The state vector in the server's own sync step 1. */
function serverStateVector(frames: readonly Uint8Array[]): Uint8Array {
  const frame = frames.find((f) => f[0] === MESSAGE.sync && f[1] === SYNC_STEP1)!
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

describe('the flood of issue 11, hole 4', () => {
  it('300 sync step 1 from a socket that does not read, on a 1,000-note board: /healthz p99 under 100 ms, RSS growth under 20 MB', async () => {
    server = await startTestServer({ maxBoardBytes: 64 * MB })
    const boardId = await boardWithNotes(1000)
    const attacker = join(boardId)
    await attacker.opened
    // One honest sync first: the board is loaded and decoded before the baseline is taken.
    attacker.ws.send(syncStep1())
    await waitFor(() => attacker.frames.some(isSyncStep2), 10_000, 'first answer')
    const gc = fullGc()
    const before = await settleMemory(gc)
    // The machine's own answer time, measured the same way just before: the test machine is
    // shared, and with a load of 30 on two cores an idle server's /healthz p99 alone was 140 ms.
    const idle = percentile(await healthzSchedule(200, 10), 0.99)
    attacker.ws.pause()
    for (let i = 0; i < 300; i++) attacker.ws.send(syncStep1())
    const latencies = await healthzSchedule(200, 10)
    const after = await settleMemory(gc)

    const p99 = percentile(latencies, 0.99)
    const growth = after.rss - before.rss
    console.log(`flood: /healthz p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (200 requests, one every 10 ms; without the flood just before: p99 ${idle.toFixed(1)} ms); RSS ${mb(before.rss)} -> ${mb(after.rss)} (${growth >= 0 ? '+' : ''}${mb(growth)})`)
    // The flood may add at most 100 ms to the p99 (on an idle machine: p99 under 100 ms).
    expect(p99 - idle).toBeLessThan(100)
    expect(growth).toBeLessThan(20 * MB)
  }, 60_000)

  it('answers a burst of sync step 1 from one socket far fewer times than asked, the last one included', async () => {
    server = await startTestServer({ maxBoardBytes: 64 * MB })
    const boardId = await boardWithNotes(200)
    const s = join(boardId)
    await s.opened
    await waitFor(() => s.frames.some((f) => f[0] === MESSAGE.sync && f[1] === SYNC_STEP1), 10_000, "the server's own step 1")
    const full = serverStateVector(s.frames)
    const big = () => s.frames.filter((f) => isSyncStep2(f) && f.byteLength > 1000).length
    for (let i = 0; i < 60; i++) s.ws.send(syncStep1())
    // The last question names everything the server has: its answer is tiny, and it comes last.
    s.ws.send(syncStep1(0, full))
    await waitFor(() => s.frames.some((f) => isSyncStep2(f) && f.byteLength < 100), 10_000, 'the answer to the last question')
    console.log(`60 sync step 1 asking for the whole board, then one asking for nothing: ${big()} whole-board answers`)
    expect(big()).toBeLessThanOrEqual(5)
    const last = s.frames.at(-1)!
    expect(isSyncStep2(last) && last.byteLength < 100).toBe(true)
  }, 30_000)
})

describe('budgets per socket', () => {
  it('closes a socket that sends more messages per second than its budget with 4029; another socket on the board stays', async () => {
    server = await startTestServer({ flow: { ...FLOW, messagesPerSecond: 20 } })
    const boardId = await boardWithNotes(3)
    const calm = join(boardId)
    const noisy = join(boardId)
    await calm.opened
    await noisy.opened
    const query = new Uint8Array([MESSAGE.queryAwareness])
    for (let i = 0; i < 100; i++) noisy.ws.send(query)
    expect(await noisy.closed).toEqual({ code: CLOSE.tooFast, reason: 'Zu viele Nachrichten' })
    calm.ws.send(query)
    await waitFor(() => calm.frames.some((f) => f[0] === MESSAGE.awareness), 5000, 'an answer to the calm socket')
    expect(calm.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('closes a socket that sends more bytes per second than its budget with 4029', async () => {
    server = await startTestServer({ maxPayload: 16 * 1024, flow: { ...FLOW, bytesPerSecond: 8 * 1024 } })
    const boardId = await boardWithNotes(3)
    const s = join(boardId)
    await s.opened
    // Four presence messages of 6 KiB each: valid, but 24 KiB is more than two seconds' worth.
    for (let i = 0; i < 4; i++) s.ws.send(presence(7, i, 'x'.repeat(6 * 1024)))
    expect(await s.closed).toEqual({ code: CLOSE.tooFast, reason: 'Zu viele Nachrichten' })
  })
})

describe('slow readers and silent peers', () => {
  it('ends a socket whose unread answers pass maxBufferedBytes; the board and its other sockets go on', async () => {
    server = await startTestServer({ maxBoardBytes: 64 * MB, flow: { ...FLOW, maxBufferedBytes: 256 * 1024 } })
    const boardId = await boardWithNotes(1000)
    const calm = join(boardId)
    const slow = join(boardId)
    await calm.opened
    await slow.opened
    slow.ws.pause()
    // Each answer is ~200 KB; once the kernel's buffers are full, answers stay in the server.
    let asked = 0
    while ((await roomMembers(boardId)) === 2 && asked < 400) {
      slow.ws.send(syncStep1(asked++))
      await new Promise((r) => setTimeout(r, 15))
    }
    console.log(`slow reader ended after ${asked} sync step 1`)
    expect(await roomMembers(boardId)).toBe(1)
    slow.ws.resume()
    await slow.closed
    calm.ws.send(syncStep1())
    await waitFor(() => calm.frames.some(isSyncStep2), 10_000, 'the calm socket is answered')
  }, 60_000)

  it('pings every interval and ends a peer that answered none of the last two pings; a peer that answers stays', async () => {
    server = await startTestServer({ flow: { ...FLOW, pingIntervalMs: 200 } })
    const boardId = await boardWithNotes(1)
    const answering = join(boardId)
    const silent = join(boardId, { autoPong: false })
    let pings = 0
    answering.ws.on('ping', () => pings++)
    await answering.opened
    await silent.opened
    const closed = await silent.closed
    expect(closed.code).toBe(1006)
    expect(pings).toBeGreaterThanOrEqual(2)
    expect(answering.ws.readyState).toBe(WebSocket.OPEN)
    expect(await roomMembers(boardId)).toBe(1)
  })
})

/** An awareness message with one state for `clientId`: a user with name `name`. */
function presence(clientId: number, clock: number, name: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify({ user: { name } }))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
  return encoding.toUint8Array(encoder)
}
