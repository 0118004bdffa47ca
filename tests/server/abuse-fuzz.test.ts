import * as encoding from 'lib0/encoding'
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { addNote, deleteNote, editNoteText } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { MESSAGE } from '../../protocol/messages'
import { MB, mb, authedWebSocket } from '../helpers/abuse'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { capture } from '../helpers/peers'
import { seededRandom } from '../helpers/random'
import type { Random } from '../helpers/random'
import { OPEN_BOARD } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'

/**
 * Hostile frames over real sockets against a running server, while real y-websocket clients
 * keep writing on other boards. Each fuzz socket sends frames until the server refuses one;
 * then it sends nothing more and must see the close. Replay a failure with FUZZ_SEED.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 687)
const FRAMES = 10_000
const CONCURRENCY = 24
const FRAMES_PER_SOCKET = 30

/**
 * The server runs in its own process (with --expose-gc), so that its event loop and memory are
 * measured without the fuzzer and the clients sharing them. Its young generation is capped at
 * 1 MB per semi-space: from Node 22 on, V8 grows the young generation under an allocation burst
 * (here to ~60 MB) and keeps those pages after a full collection, so RSS would measure V8's
 * sizing policy, not what our code holds (heapUsed came back either way). Its store lives on tmpfs when there
 * is one: every commit runs with synchronous = FULL on the event loop (better-sqlite3 is
 * synchronous), and on this machine's disk one fsync alone blocks for up to ~165 ms, fuzzed or
 * not; on tmpfs the delay shows the server's own work.
 */
let child: ChildProcess
let port = 0
const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'ballonfahrt-fuzz-'))
const http = () => `http://127.0.0.1:${port}`
const wsUrl = () => `ws://127.0.0.1:${port}/ws`
let fuzzBoard: CreatedBoard
const live: { board: CreatedBoard; clients: TestClient[] }[] = []

/** Sends a command to the server process and waits for its answer. */
function ask<T>(command: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T))
    child.send(command)
  })
}

async function newBoard(): Promise<CreatedBoard> {
  const res = await fetch(`${http()}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })
  return (await res.json()) as CreatedBoard
}

beforeAll(async () => {
  child = fork('tests/helpers/fuzzServer.ts', [], {
    execArgv: ['--expose-gc', '--max-semi-space-size=1', '--import', 'tsx'],
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  port = (await new Promise<{ port: number }>((resolve) => child.once('message', (m) => resolve(m as { port: number })))).port
  fuzzBoard = await newBoard()
  for (let i = 0; i < 2; i++) {
    const board = await newBoard()
    const clients = [connectClient(wsUrl(), board.boardId), connectClient(wsUrl(), board.boardId)]
    await Promise.all(clients.map((c) => c.synced()))
    live.push({ board, clients })
  }
})

afterAll(async () => {
  for (const { clients } of live) for (const c of clients) c.destroy()
  const exited = new Promise((r) => child.once('exit', r))
  child.send('close')
  await exited
  rmSync(dataDir, { recursive: true, force: true })
})

// ---- frames ---------------------------------------------------------------------------------

type Expect = 'close' | 'any'
type Reply = 'ack' | 'step2' | 'presence' | 'none'
interface Frame {
  readonly kind: string
  readonly bytes: Uint8Array
  /** 'close': the server must close after this frame; 'any': it may accept it. */
  readonly expect: Expect
  /** What an accepted frame is answered with. */
  readonly reply: Reply
}

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
const syncMessage = (step: number, payload: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE.sync)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, payload)
  })
const presence = (clientId: number, clock: number, json: string) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE.awareness)
    encoding.writeVarUint8Array(
      e,
      message((inner) => {
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, clientId)
        encoding.writeVarUint(inner, clock)
        encoding.writeVarString(inner, json)
      }),
    )
  })
const bytes = (rnd: Random, n: number) => Uint8Array.from({ length: n }, () => rnd.int(256))
/** A varint of more than 53 bits: lib0 refuses it. */
const hugeVarint = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])

/** A V1 update written by hand: groups of structs (GC or skip) per client, then delete ranges. */
function craftedUpdate(
  groups: readonly { client: number; clock: number; gcs: readonly number[] }[],
  deletes: readonly { client: number; ranges: readonly [number, number][] }[],
): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, groups.length)
    for (const g of groups) {
      encoding.writeVarUint(e, g.gcs.length)
      encoding.writeVarUint(e, g.client)
      encoding.writeVarUint(e, g.clock)
      for (const len of g.gcs) {
        encoding.writeUint8(e, 0) // GC
        encoding.writeVarUint(e, len)
      }
    }
    encoding.writeVarUint(e, deletes.length)
    for (const d of deletes) {
      encoding.writeVarUint(e, d.client)
      encoding.writeVarUint(e, d.ranges.length)
      for (const [clock, len] of d.ranges) {
        encoding.writeVarUint(e, clock)
        encoding.writeVarUint(e, len)
      }
    }
  })
}

// Inputs known to hang or exhaust Yjs's decoders and merge functions (yjs issue #687 and the
// tests of its fix: huge struct and update counts, huge GC lengths; V2 bytes sent as V1 too).
const YJS_687 = [
  [0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 22, 2, 0, 0, 1, 253, 255, 255, 255, 255, 127, 0, 0],
  [228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237, 0, 0, 0, 1, 1, 0, 254, 184, 194, 233, 173, 135, 217, 18, 0, 0, 1, 1, 255, 237, 246],
  [228, 149, 0, 0, 1, 24, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 237, 1, 190, 130, 227, 195, 28, 1, 2, 228, 149, 0, 0, 1, 24, 0, 0, 1, 24, 0, 0, 1, 0, 1, 237, 0],
  [143, 1, 128, 0, 0, 0, 1, 170, 1, 0, 1, 2, 0, 0, 22, 2, 0, 229, 196, 67, 20, 231, 166, 139, 147, 174, 181, 253, 93, 232, 38, 154, 138, 89, 0, 49, 213, 15, 18, 1, 48, 0, 0, 0],
  [0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128, 0, 65, 171, 234, 214, 0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220, 255, 0, 0, 0],
].map((b) => Uint8Array.from(b))

/** Real updates of the fuzz board, written by a doc that never sent them. */
function realUpdates(state: Uint8Array, author: string): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const ids: string[] = []
  return capture(doc, () => {
    for (let i = 0; i < 12; i++) ids.push(addNote(doc, { zone: 'steigen', text: `Fuzz ${i} äöü 🎈`, author }))
    for (let i = 0; i < 6; i++) editNoteText(doc, ids[i]!, `geändert ${i}`)
    for (let i = 6; i < 9; i++) deleteNote(doc, ids[i]!)
  })
}

interface Target {
  readonly boardId: string
  /** A client id with many structs on that board, and its clock. */
  readonly busyClient: number
  readonly busyClock: number
  readonly updates: readonly Uint8Array[]
}

function makeFrame(rnd: Random, target: Target, socket: { ownId: number; clock: number }): Frame {
  const pick = rnd.int(100)
  const update = rnd.pick(target.updates)
  if (pick < 14) {
    const b = bytes(rnd, 1 + rnd.int(64))
    // The Papierkorb's requests (104, 105) may be well-formed by chance: answered, not closed.
    const known = ([MESSAGE.sync, MESSAGE.awareness, MESSAGE.queryAwareness, MESSAGE.trash, MESSAGE.restore] as readonly number[]).includes(b[0]!)
    return { kind: 'random bytes', bytes: b, expect: known ? 'any' : 'close', reply: 'none' }
  }
  if (pick < 16) return { kind: 'empty frame', bytes: new Uint8Array(0), expect: 'close', reply: 'none' }
  if (pick < 22) {
    const type = rnd.pick([2, 4, 5, 42, 99, MESSAGE.ack, MESSAGE.reject, MESSAGE.hello, 127, 128, 300, 2 ** 31])
    const b = message((e) => {
      encoding.writeVarUint(e, type)
      encoding.writeUint8Array(e, bytes(rnd, rnd.int(16)))
    })
    return { kind: 'unknown message type', bytes: b, expect: 'close', reply: 'none' }
  }
  if (pick < 32) {
    const head = rnd.pick([[0, 0], [0, 1], [0, 2], [1], [0]])
    const b = message((e) => {
      for (const h of head) encoding.writeVarUint(e, h)
      if (rnd.chance(0.3)) encoding.writeUint8Array(e, hugeVarint)
      else encoding.writeVarUint(e, rnd.pick([2 ** 31, 2 ** 32 + 7, 2 ** 40, Number.MAX_SAFE_INTEGER, 300_000, 1_000_000]))
      encoding.writeUint8Array(e, bytes(rnd, rnd.int(32)))
    })
    return { kind: 'huge length prefix', bytes: b, expect: 'close', reply: 'none' }
  }
  if (pick < 44) {
    const cut = update.slice(0, rnd.int(update.length))
    return { kind: 'truncated update', bytes: syncMessage(rnd.pick([1, 2]), cut), expect: 'any', reply: 'ack' }
  }
  if (pick < 60) {
    const mutated = update.slice()
    for (let i = 1 + rnd.int(3); i > 0; i--) mutated[rnd.int(mutated.length)]! ^= 1 << rnd.int(8)
    return { kind: 'bit-mutated update', bytes: syncMessage(rnd.pick([1, 2]), mutated), expect: 'any', reply: 'ack' }
  }
  if (pick < 63) return { kind: 'real update', bytes: syncMessage(2, update), expect: 'any', reply: 'ack' }
  if (pick < 71) {
    const sv = rnd.chance(0.2) ? Uint8Array.from([...bytes(rnd, 3), ...hugeVarint]) : bytes(rnd, rnd.int(24))
    return { kind: 'sync step 1, garbage state vector', bytes: syncMessage(0, sv), expect: 'any', reply: 'step2' }
  }
  if (pick < 79) {
    let json = rnd.pick(['{', '{"user":', 'undefined', 'NaN', '[1,2', "{'a':1}", '{"a":1}}', '\u0000', '"x', '', '{"user":{"name":"A"}'])
    if (rnd.chance(0.4)) json = new TextDecoder().decode(bytes(rnd, 1 + rnd.int(40)))
    try {
      JSON.parse(json)
      json += '{'
    } catch {
      // garbage, as wanted
    }
    return { kind: 'presence, garbage JSON', bytes: presence(socket.ownId, ++socket.clock, json), expect: 'close', reply: 'none' }
  }
  if (pick < 82) {
    const name = rnd.chance(0.5) ? 'x'.repeat(rnd.int(5000)) : 'Fuzz'
    return { kind: 'presence, valid', bytes: presence(socket.ownId, ++socket.clock, JSON.stringify({ user: { name }, role: 'moderator' })), expect: 'any', reply: 'presence' }
  }
  // Crafted updates in the spirit of yjs #687: huge clocks, huge lengths, overlapping ranges.
  const client = 1 + rnd.int(2 ** 30)
  const crafted = rnd.pick<() => { u: Uint8Array; expect: Expect }>([
    () => ({ u: rnd.pick(YJS_687), expect: 'any' }),
    // A struct far beyond the client's clock: a gap.
    () => ({ u: craftedUpdate([{ client, clock: 2 ** 40 + rnd.int(1000), gcs: [1] }], []), expect: 'close' }),
    // A huge garbage-collected range at the start of a new client.
    () => ({ u: craftedUpdate([{ client, clock: 0, gcs: [2 ** 40] }], []), expect: 'any' }),
    // Two groups of the same client whose clocks overlap.
    () => ({ u: craftedUpdate([{ client, clock: 0, gcs: [5, 5] }, { client, clock: 2, gcs: [5] }], []), expect: 'any' }),
    // Many copies of one delete range over a busy client's structs.
    () => ({
      u: craftedUpdate([], [{ client: target.busyClient, ranges: Array.from({ length: 2000 + rnd.int(2000) }, () => [0, target.busyClock] as [number, number]) }]),
      expect: 'close',
    }),
    // Deletes far beyond anything that exists.
    () => ({ u: craftedUpdate([], [{ client: target.busyClient, ranges: [[0, 2 ** 50]] }]), expect: 'close' }),
    // A huge count of clients with nothing behind it.
    () => ({ u: Uint8Array.from([...hugeVarint.slice(0, 7), 0x0f, 1, 1]), expect: 'close' }),
  ])()
  return { kind: 'crafted update (#687)', bytes: syncMessage(2, crafted.u), expect: crafted.expect, reply: 'ack' }
}

// ---- sockets --------------------------------------------------------------------------------

class FuzzSocket {
  readonly ws: WebSocket
  readonly frames: Uint8Array[] = []
  closed: { code: number } | null = null
  /** The close code so far (a method, so that TypeScript does not narrow it across awaits). */
  closeCode(): number | null {
    return this.closed?.code ?? null
  }
  readonly ownId: number
  clock = 0
  private wake: (() => void) | null = null

  constructor(url: string, rnd: Random) {
    this.ownId = 1 + rnd.int(2 ** 30)
    // A fresh participant, its credentials in the first message.
    this.ws = authedWebSocket(url)
    this.ws.on('message', (d: Buffer) => {
      this.frames.push(new Uint8Array(d))
      this.wake?.()
    })
    this.ws.on('close', (code) => {
      this.closed = { code }
      this.wake?.()
    })
    this.ws.on('error', () => {})
  }

  /** Waits until `done` holds, or `ms` passed. */
  async until(done: () => boolean, ms: number): Promise<boolean> {
    const end = Date.now() + ms
    while (!done()) {
      const left = end - Date.now()
      if (left <= 0) return false
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left)
        this.wake = () => {
          clearTimeout(t)
          resolve()
        }
      })
      this.wake = null
    }
    return true
  }
}

const answers = (reply: Reply, frame: Uint8Array): boolean =>
  (reply === 'ack' && frame[0] === MESSAGE.ack) ||
  (reply === 'step2' && frame[0] === MESSAGE.sync && frame[1] === 1) ||
  (reply === 'presence' && frame[0] === MESSAGE.awareness)

// ---- the run --------------------------------------------------------------------------------

describe('fuzzing the websocket protocol', () => {
  it(`${FRAMES} hostile frames: every refusing socket is closed after its first bad frame, the event loop stays responsive, memory comes back, and live boards converge`, async () => {
    const rnd = seededRandom(SEED)
    const targets: Target[] = []
    const reader = connectClient(wsUrl(), fuzzBoard.boardId)
    await reader.synced()
    for (const doc of [reader.doc, ...live.map((l) => l.clients[0]!.doc)]) {
      const busyClient = [...doc.store.clients.keys()][0]!
      targets.push({
        boardId: doc === reader.doc ? fuzzBoard.boardId : live.find((l) => l.clients[0]!.doc === doc)!.board.boardId,
        busyClient,
        busyClock: Y.getState(doc.store, busyClient),
        updates: realUpdates(Y.encodeStateAsUpdate(doc), participantIdOf(newSecretId())),
      })
    }
    reader.destroy()

    // Real clients keep writing on the live boards, each a note every 100 ms, 60 notes each (a
    // fixed number, so that the heap they legitimately fill does not depend on the run's speed).
    let writing = true
    let written = 0
    const writers = live.flatMap(({ clients }) =>
      clients.map((c, i) =>
        (async () => {
          await new Promise((r) => setTimeout(r, i * 50))
          for (let n = 0; n < 60 && writing; n++) {
            addNote(c.doc, { zone: 'einheizen', text: `echt ${written++}`, author: c.actor.participantId })
            await new Promise((r) => setTimeout(r, 100))
          }
        })(),
      ),
    )

    let sent = 0
    let sockets = 0
    let closedByServer = 0
    const failures: string[] = []
    const outcomes = new Map<string, Map<string, number>>()
    const count = (kind: string, outcome: string) => {
      const row = outcomes.get(kind) ?? new Map<string, number>()
      row.set(outcome, (row.get(outcome) ?? 0) + 1)
      outcomes.set(kind, row)
    }

    const run = async (frames: number) => {
      const stop = sent + frames
      const worker = async () => {
        while (sent < stop) {
          // Three in four sockets go to the fuzz board, the rest to boards in real use.
          const target = rnd.chance(0.75) ? targets[0]! : rnd.pick(targets.slice(1))
          const s = new FuzzSocket(`${wsUrl()}/${target.boardId}`, rnd)
          sockets++
          // Hello and the server's sync step 1 come first.
          if (!(await s.until(() => s.frames.length >= 2 || s.closed !== null, 3000))) failures.push('no hello')
          for (let k = 0; k < FRAMES_PER_SOCKET && sent < stop && s.closed === null; k++) {
            const frame = makeFrame(rnd, target, s)
            const seen = s.frames.length
            sent++
            s.ws.send(frame.bytes)
            // After a refused frame the socket sends nothing more: it waits for the close.
            const answered = () => s.frames.slice(seen).some((f) => answers(frame.reply, f))
            await s.until(() => s.closed !== null || answered(), frame.expect === 'close' || frame.reply === 'none' ? 2000 : 1000)
            const code = s.closeCode()
            if (code !== null) {
              closedByServer++
              count(frame.kind, `closed ${code}`)
              if (![1003, 1009, 4422].includes(code)) failures.push(`${frame.kind}: close ${code}`)
              if (s.frames.slice(seen).some((f) => f[0] === MESSAGE.ack || (f[0] === MESSAGE.sync && f[1] === 1)))
                failures.push(`${frame.kind}: answered as accepted, then closed`)
            } else {
              count(frame.kind, answered() ? 'accepted' : 'no answer')
              if (frame.expect === 'close') failures.push(`${frame.kind}: not closed (${Buffer.from(frame.bytes.slice(0, 24)).toString('hex')})`)
            }
          }
          if (s.closeCode() === null) {
            s.ws.terminate()
            await s.until(() => s.closed !== null, 1000)
          }
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    }

    // Warm up (code paths compiled, pools allocated), then measure from a collected heap.
    await run(2000)
    const warmFrames = sent
    type Memory = { memory: NodeJS.MemoryUsage; gc: boolean }
    const before = await ask<Memory>('memory')
    await ask('start')
    const started = performance.now()
    await run(FRAMES)
    const seconds = (performance.now() - started) / 1000
    const load = loadavg()[0]!
    const loop = await ask<{ maxMs: number; p99Ms: number; meanMs: number; slowest: { ms: number; wallMs: number; hex: string } }>('stop')

    writing = false
    await Promise.all(writers)
    for (const { clients } of live) for (const c of clients) await c.settled(5000)
    // Let the server notice every closed socket, then collect.
    await new Promise((r) => setTimeout(r, 200))
    expect((await ask<{ rooms: number }>('rooms')).rooms).toBe(3)
    const after = await ask<Memory>('memory')
    const rss = after.memory.rss - before.memory.rss
    const heap = after.memory.heapUsed - before.memory.heapUsed

    const worstMs = loop.maxMs
    console.log(
      [
        `fuzz seed ${SEED}: ${sent - warmFrames} frames (+${warmFrames} warm-up) over ${sockets} sockets in ${seconds.toFixed(1)} s`,
        `sockets closed by the server: ${closedByServer}`,
        `server process, store on ${dataDir.startsWith('/dev/shm') ? 'tmpfs' : 'disk'}: event loop delay (resolution 10 ms) max ${worstMs.toFixed(1)} ms, p99 ${loop.p99Ms.toFixed(1)} ms, mean ${loop.meanMs.toFixed(1)} ms`,
        `slowest single message: ${loop.slowest.ms.toFixed(1)} ms CPU, ${loop.slowest.wallMs.toFixed(1)} ms wall (${loop.slowest.hex}…)`,
        `machine load (1 min) during the run: ${load.toFixed(1)} on ${cpus().length} cores (${load <= cpus().length ? 'calm: 50 ms and 5 MB RSS asserted' : 'overloaded: loop max held to 1 s, RSS not asserted'})`,
        `after gc (${after.gc ? 'global.gc' : 'no gc'}): RSS ${mb(before.memory.rss)} -> ${mb(after.memory.rss)} (${mb(rss)}), heap ${mb(before.memory.heapUsed)} -> ${mb(after.memory.heapUsed)} (${mb(heap)})`,
        `live boards: ${written} notes written by real clients during the run`,
        ...[...outcomes].map(([kind, row]) => `  ${kind}: ${[...row].map(([o, n]) => `${o} ×${n}`).join(', ')}`),
      ].join('\n'),
    )

    expect(failures.slice(0, 10)).toEqual([])
    expect(sent - warmFrames).toBeGreaterThanOrEqual(FRAMES)
    expect(after.gc).toBe(true)
    // No single message costs the server more than 50 ms of CPU, and the heap comes back to
    // within 5 MB (that includes the 240 notes the real clients wrote). The loop delay and RSS are
    // held to 50 ms and 5 MB only on a machine that is not overloaded by other processes: with a
    // load above its cores (other suites and sessions in parallel) the server process is
    // descheduled for longer than anything it does, and RSS follows the allocator, not our
    // objects. A hang (like the delete ranges that took minutes) is still caught at 1 s.
    const calm = load <= cpus().length
    expect(loop.slowest.ms).toBeLessThan(50)
    expect(worstMs).toBeLessThanOrEqual(calm ? 50 : 1000)
    if (calm) {
      expect(loop.p99Ms).toBeLessThanOrEqual(50)
      expect(rss).toBeLessThan(5 * MB)
    }
    expect(heap).toBeLessThan(5 * MB)

    // The live boards converged: both clients and a fresh reader of the server hold the same state.
    for (const { board, clients } of live) {
      const fresh = connectClient(wsUrl(), board.boardId)
      await fresh.synced()
      const state = Buffer.from(Y.encodeStateVector(fresh.doc))
      for (const c of clients) {
        await waitFor(() => Buffer.compare(Buffer.from(Y.encodeStateVector(c.doc)), state) === 0, 5000, 'convergence')
        expect(toBoardView(c.doc)).toEqual(toBoardView(fresh.doc))
        expect(c.closes).toEqual([])
      }
      fresh.destroy()
    }
    const notes = live.reduce((sum, { clients }) => sum + toBoardView(clients[0]!.doc).zones.einheizen.notes.filter((n) => n.text.startsWith('echt ')).length, 0)
    expect(notes).toBe(written)
  }, 60_000)
})
