/**
 * One load generator process (forked by bench/load/pool.ts): it holds many simulated clients
 * and does what the runner asks over IPC. Readers hold no Y.Doc: they find the writer's
 * send-time marker in the raw bytes; writers edit a real Y.Doc with model/notes.ts, so every
 * update is one ours accepts. It exits when the runner goes away.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { addNote, editNoteText } from '../../model/notes'
import { MESSAGE } from '../../protocol/messages'
import { now, sleep } from '../lib/proc'
import type { Target } from '../peers/servers'
import { Conn, authorOf, markerText, scanMarkers } from './conn'
import { dialectFor } from './dialect'
import type { Request, Role } from './protocol'

interface Group {
  role: Role
  conns: Conn[]
  /** Reader state: distinct writer updates seen per connection, latencies after warm-up. */
  seen: Set<number>[]
  /** Per writer id: send → receive of its timed updates, over every reader. */
  latencies: Map<number, number[]>
  warmup: number
  /** Writer / burst state. */
  noteIds: string[]
  frames: Uint8Array[][]
  sent: number
  sentTimes: number[]
  timers: NodeJS.Timeout[]
  measuring: boolean
  received: number
  ackedAtStart: number[]
  ackedAtStop: number[]
  ackTimes: number[]
  /** Burst clients: the next precomputed edit to send, and where this window started. */
  next: number[]
  base: number[]
  /** Closed loop: updates each client may have unconfirmed (0: fixed rate instead). */
  inflight: number
  /** Peers' confirmation: the client's own updates echoed back (sent by it, echoed to it). */
  sentBy: number[]
  echoed: number[]
  joinTimes: number[]
  /** Connections opened again because the server asked them to come again (1012) before they synced. */
  reopened: number
  verified: number
  sampled: number
  errors: string[]
}

const groups = new Map<string, Group>()

function group(name: string): Group {
  const g = groups.get(name)
  if (!g) throw new Error(`no group ${name}`)
  return g
}

function newGroup(role: Role): Group {
  return {
    role, conns: [], seen: [], latencies: new Map(), warmup: 0, noteIds: [], frames: [], sent: 0, sentTimes: [], timers: [],
    measuring: false, received: 0, ackedAtStart: [], ackedAtStop: [], ackTimes: [], next: [], base: [], inflight: 0, sentBy: [], echoed: [], joinTimes: [], reopened: 0, verified: 0, sampled: 0, errors: [],
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await sleep(10)
  }
  return true
}

/**
 * Waits until `done`, as long as `progress` (a count of what is awaited) keeps growing: gives up
 * only after `stallMs` without any. So a loaded machine that delivers slowly is waited for, and
 * one that stopped delivering is not.
 */
async function waitWhileProgress(done: () => boolean, progress: () => number, stallMs: number): Promise<boolean> {
  let last = progress()
  let lastAt = Date.now()
  while (!done()) {
    const current = progress()
    if (current !== last) [last, lastAt] = [current, Date.now()]
    else if (Date.now() - lastAt > stallMs) return false
    await sleep(10)
  }
  return true
}

/** 1012: the server asks the client to come again (a cluster's board changed owner, or its lease could not be proven). */
const COME_AGAIN = 1012
const REOPENS = 3

/**
 * Opens connections at most `parallel` at a time, each synced before the next slot frees. A
 * connection the server asked to come again before it synced is opened again, as y-websocket
 * would reconnect (at most REOPENS times; counted in `reopened`, so the run reports it).
 */
async function openAll(g: Group, targets: Target[], make: (target: Target, i: number) => Conn, parallel: number, timeoutMs: number): Promise<Conn[]> {
  const conns: Conn[] = new Array(targets.length)
  let next = 0
  const worker = async () => {
    while (next < targets.length) {
      const i = next++
      for (let attempt = 0; ; attempt++) {
        const conn = make(targets[i]!, i)
        conns[i] = conn
        await waitUntil(() => conn.synced || conn.closed, timeoutMs)
        if (conn.synced || conn.closeCode !== COME_AGAIN || attempt === REOPENS) break
        g.reopened++
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, targets.length) }, worker))
  return conns
}

function readerHandlers(g: Group, index: number) {
  const seen = new Set<number>()
  g.seen[index] = seen
  return {
    onUpdate: (data: Buffer, off: number, at: number) =>
      scanMarkers(data, off, (writer, seq, sentAt) => {
        const key = writer * 1_000_000 + seq
        if (seen.has(key)) return
        seen.add(key)
        if (seq < g.warmup) return
        const list = g.latencies.get(writer) ?? []
        g.latencies.set(writer, list)
        list.push(at - sentAt)
      }),
  }
}

/** How many of writer `writer`'s first `count` updates connection `i` has seen. */
function seenOf(g: Group, i: number, writer: number, count: number): number {
  let n = 0
  const seen = g.seen[i]!
  for (let seq = 0; seq < count; seq++) if (seen.has(writer * 1_000_000 + seq)) n++
  return n
}

/** Each writer's own note: created once, acknowledged (ours) before the timed edits. */
async function createOwnNotes(g: Group, secrets: string[]): Promise<void> {
  for (const [i, conn] of g.conns.entries()) {
    if (conn.synced) g.noteIds[i] = addNote(conn.doc!, { zone: 'steigen', text: 'Messpunkt', author: participantIdOf(secrets[i]!) })
  }
  const live = g.conns.filter((c) => c.synced)
  if (live.some((c) => c.dialect.secret) && !(await waitUntil(() => live.every((c) => c.acked >= c.docSent || c.closed), 15_000))) {
    g.errors.push('notes not acknowledged')
  }
  for (const c of live) if (c.rejects.length) g.errors.push(`rejected: ${c.rejects.join(',')}`)
}

const handlers: Record<string, (req: Request) => Promise<unknown>> = {
  async open(req) {
    const { group: name, role, targets, opts } = req.args
    const g = newGroup(role)
    groups.set(name, g)
    g.warmup = opts.warmup ?? 0
    if (role === 'joiner') {
      g.conns = []
      return { opened: 0 }
    }
    const withDoc = role === 'writer' || role === 'burst'
    const secrets: string[] = []
    g.conns = await openAll(
      g,
      targets,
      (target, i) => {
        const secret = newSecretId()
        secrets[i] = secret
        const dialect = dialectFor(target, secret)
        const doc = withDoc ? new Y.Doc() : null
        const conn = new Conn(dialect, doc, role === 'reader' ? readerHandlers(g, i) : role === 'burst' ? burstHandlers(g, i) : {})
        conn.ws.on('open', () => {
          if (opts.presenceName) conn.sendAwareness({ user: { name: `${opts.presenceName} ${i}` } })
        })
        return conn
      },
      opts.parallel ?? 32,
      opts.timeoutMs ?? 15_000,
    )
    const synced = g.conns.filter((c) => c.synced).length
    if (withDoc) {
      await createOwnNotes(g, secrets)
      if (role === 'burst') for (const [i, conn] of g.conns.entries()) if (g.noteIds[i]) g.frames[i] = precompute(conn, g.noteIds[i]!, opts.perClient ?? 0)
    }
    return { opened: g.conns.length, synced, reopened: g.reopened, failed: g.conns.filter((c) => !c.synced).map((c) => c.closeCode), errors: g.errors }
  },

  async start(req) {
    const g = group(req.args.group)
    const opts = req.args.opts
    g.measuring = true
    g.ackedAtStart = g.conns.map((c) => c.acked)
    if (g.role === 'writer') startWriter(g, opts.rate ?? 20, opts.writer ?? 0)
    if (g.role === 'reader' && opts.presenceHz) startPresence(g, opts.presenceHz, opts.presenceName ?? 'Gast')
    if (g.role === 'burst') {
      // Counts per timed window; the edits continue where the last window stopped.
      g.sent = 0
      g.received = 0
      g.ackTimes = []
      for (const c of g.conns) c.ackTimes = g.ackTimes
      if (opts.inflight) {
        g.inflight = opts.inflight
        // Whatever the last window left unconfirmed counts as confirmed (the pause let it come).
        g.echoed = g.conns.map((_, i) => g.sentBy[i] ?? 0)
        g.conns.forEach((_, i) => pump(g, i))
      } else startBurst(g, opts.rate ?? 25)
    }
    if (g.role === 'joiner') startJoins(g, req.args.targets, opts)
    return { at: now() }
  },

  async stop(req) {
    const g = group(req.args.group)
    for (const t of g.timers) clearTimeout(t)
    g.timers = []
    g.measuring = false
    g.ackedAtStop = g.conns.map((c) => c.acked)
    return { sent: g.sent, at: now() }
  },

  /** Readers: resolves when every connection has seen the writer's first `count` updates, or after `timeoutMs` in which none arrived. */
  async drain(req) {
    const g = group(req.args.group)
    const { count, writer = 0 } = req.args
    const delivered = () => g.conns.reduce((n, c, i) => n + (c.closed ? count : seenOf(g, i, writer, count)), 0)
    const complete = await waitWhileProgress(() => delivered() >= g.conns.length * count, delivered, req.args.timeoutMs)
    return { complete }
  },

  /** Writers: resolves when everything sent is acknowledged (ours), or after `timeoutMs` in which no ack arrived. */
  async settle(req) {
    const g = group(req.args.group)
    const acked = () => g.conns.reduce((n, c) => n + c.acked, 0)
    const complete = await waitWhileProgress(() => g.conns.every((c) => c.acked >= c.docSent || c.closed), acked, req.args.timeoutMs)
    return { complete, ackedAfter: g.conns.map((c) => c.acked) }
  },

  /** Readers: per sequence number of the writer, how many connections have not seen it. */
  async missing(req) {
    const g = group(req.args.group)
    const { count, writer = 0 } = req.args
    const out = new Array<number>(count).fill(0)
    for (const seen of g.seen) for (let seq = 0; seq < count; seq++) if (!seen.has(writer * 1_000_000 + seq)) out[seq]!++
    return out
  },

  async stats(req) {
    const g = group(req.args.group)
    const conns = g.conns
    return {
      role: g.role,
      conns: conns.length,
      synced: conns.filter((c) => c.synced).length,
      closed: conns.filter((c) => c.closed).map((c) => c.closeCode),
      rejects: conns.flatMap((c) => c.rejects),
      seen: g.conns.map((_, i) => seenOf(g, i, req.args.writer ?? 0, req.args.count ?? 0)),
      latencies: g.latencies.get(req.args.writer ?? 0) ?? [],
      sent: g.sent,
      sentTimes: g.sentTimes,
      received: g.received,
      acked: conns.map((c, i) => (g.ackedAtStop[i] ?? c.acked) - (g.ackedAtStart[i] ?? 0)),
      ackTimes: g.ackTimes,
      joinTimes: g.joinTimes,
      exhausted: g.frames.filter((f, i) => f && (g.next[i] ?? 0) >= f.length).length,
      verified: g.verified,
      sampled: g.sampled,
      messagesIn: conns.reduce((n, c) => n + c.messagesIn, 0),
      awarenessIn: conns.reduce((n, c) => n + c.awarenessIn, 0),
      bytesIn: conns.reduce((n, c) => n + c.bytesIn, 0),
      errors: g.errors,
    }
  },

  async close(req) {
    const g = groups.get(req.args.group)
    if (!g) return {}
    for (const t of g.timers) clearTimeout(t)
    for (const c of g.conns) c.close()
    // A flooded connection closes only after its backlog: not worth waiting for long.
    await waitUntil(() => g.conns.every((c) => c.closed), 1000)
    for (const c of g.conns) if (!c.closed) c.ws.terminate()
    for (const c of g.conns) c.doc?.destroy()
    groups.delete(req.args.group)
    return {}
  },

  async cpu() {
    const u = process.cpuUsage()
    return { seconds: (u.user + u.system) / 1e6 }
  },
}

/** A writer edits its note at `rate` per second on a fixed schedule, marker and send time in the text. */
function startWriter(g: Group, rate: number, writer: number): void {
  const period = 1000 / rate
  for (const c of g.conns) c.ackTimes = g.ackTimes
  const t0 = now()
  const tick = () => {
    const at = now()
    for (const [i, conn] of g.conns.entries()) {
      if (!g.noteIds[i] || conn.closed) continue
      editNoteText(conn.doc!, g.noteIds[i]!, markerText(writer + i, g.sent, at))
    }
    g.sentTimes.push(at)
    g.sent++
    g.timers[0] = setTimeout(tick, Math.max(0, t0 + g.sent * period - now()))
  }
  tick()
}

/** Presence at `hz` per client, spread evenly over the period (a pointer that moves). */
function startPresence(g: Group, hz: number, name: string): void {
  const period = 1000 / hz
  const slots = 10
  let tick = 0
  const t0 = now()
  const step = () => {
    const slot = tick % slots
    for (let i = slot; i < g.conns.length; i += slots) {
      const x = Math.round(500 + 400 * Math.sin(tick / 7 + i))
      g.conns[i]!.sendAwareness({ user: { name: `${name} ${i}` }, pointer: { x, y: Math.round(300 + 200 * Math.cos(tick / 5 + i)) } })
    }
    tick++
    g.timers[0] = setTimeout(step, Math.max(0, t0 + (tick * period) / slots - now()))
  }
  step()
}

/**
 * Many-boards clients: counting updates by others; edits precomputed before the clock starts.
 * In the closed loop a client sends its next edit as soon as fewer than `inflight` of its edits
 * are unconfirmed: on ours confirmed means acknowledged (committed to SQLite), on the peers
 * echoed back (they send every applied update to every connection, the sender's included).
 */
function burstHandlers(g: Group, index: number) {
  return {
    onUpdate(data: Buffer, off: number) {
      if (data[off - 1] !== 2) return
      const conn = g.conns[index]
      if (!conn) return
      if (authorOf(data, off) === conn.doc!.clientID) {
        g.echoed[index] = (g.echoed[index] ?? 0) + 1
        pump(g, index)
      } else if (g.measuring) g.received++
    },
    onAck() {
      pump(g, index)
    },
  }
}

function pump(g: Group, i: number): void {
  if (!g.measuring || g.inflight === 0) return
  const conn = g.conns[i]
  const frames = g.frames[i]
  if (!conn || !frames) return
  const ours = conn.dialect.secret !== ''
  while ((g.next[i] ?? 0) < frames.length) {
    const unconfirmed = ours ? conn.docSent - conn.acked : (g.sentBy[i] ?? 0) - (g.echoed[i] ?? 0)
    if (unconfirmed >= g.inflight) return
    const k = g.next[i] ?? 0
    conn.sendFramed(frames[k]!)
    g.next[i] = k + 1
    g.sentBy[i] = (g.sentBy[i] ?? 0) + 1
    g.sent++
  }
}

function precompute(conn: Conn, noteId: string, count: number): Uint8Array[] {
  conn.captured = []
  for (let k = 0; k < count; k++) editNoteText(conn.doc!, noteId, `Notiz ${k} von ${conn.doc!.clientID}`)
  const frames = conn.captured.map((update) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MESSAGE.sync)
    syncProtocol.writeUpdate(e, update)
    return conn.dialect.frame(encoding.toUint8Array(e))
  })
  conn.captured = null
  return frames
}

function startBurst(g: Group, rate: number): void {
  const period = 1000 / rate
  g.next = g.conns.map((_, i) => g.next[i] ?? 0)
  g.base = [...g.next]
  const t0 = now()
  const next = g.next
  const slotMs = 5
  let ticks = 0
  const step = () => {
    const elapsed = now() - t0
    for (const [i, conn] of g.conns.entries()) {
      const frames = g.frames[i]
      if (!frames) continue
      // Each client's sends are offset by its index so that the load is spread evenly.
      const due = g.base[i]! + Math.floor((elapsed + (i * period) / g.conns.length) / period)
      while (next[i]! < due && next[i]! < frames.length) {
        conn.sendFramed(frames[next[i]!]!)
        next[i]!++
        g.sentBy[i] = (g.sentBy[i] ?? 0) + 1
        g.sent++
      }
    }
    ticks++
    g.timers[0] = setTimeout(step, Math.max(0, t0 + ticks * slotMs - now()))
  }
  step()
}

/** Join storm: connection i opens at t0 + i × spacing; time to synced from its own start. */
function startJoins(g: Group, targets: Target[], opts: Request['args']['opts']): void {
  const t0 = now()
  const spacing = opts.spacingMs ?? 5
  const sampleEvery = opts.sampleEvery ?? 25
  targets.forEach((target, i) => {
    const timer = setTimeout(() => {
      const sample = i % sampleEvery === 0
      const conn: Conn = new Conn(dialectFor(target), null, {
        onSynced(data, off, at) {
          g.joinTimes.push(at - conn.startedAt)
          if (!sample) return
          // A sample of the clients checks that the sync carried the whole board.
          g.sampled++
          const doc = new Y.Doc()
          const reply = encoding.createEncoder()
          const d = decoding.createDecoder(data)
          d.pos = off - 1
          syncProtocol.readSyncMessage(d, reply, doc, null)
          if (doc.getMap('notes').size === opts.expectNotes) g.verified++
          doc.destroy()
        },
      })
      conn.ws.on('open', () => conn.sendAwareness({ user: { name: `Gast ${i}` } }))
      g.conns.push(conn)
    }, Math.max(0, t0 + i * spacing - now()))
    g.timers.push(timer)
  })
}

process.on('message', (req: Request) => {
  const handler = handlers[req.op]
  if (!handler) return process.send?.({ id: req.id, error: `unknown op ${req.op}` })
  handler(req).then(
    (result) => process.send?.({ id: req.id, result }),
    (error: unknown) => process.send?.({ id: req.id, error: String(error instanceof Error ? error.stack : error) }),
  )
})
process.on('disconnect', () => process.exit(0))
process.send?.({ id: 0, result: 'ready' })
