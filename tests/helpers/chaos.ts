import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { authSocket } from '../../client/sync/authSocket'
import { jitterReconnects, RECONNECT } from '../../client/sync/backoff'
import type { BackoffProfile } from '../../client/sync/backoff'
import { gatedSocket } from '../../client/sync/gatedSocket'
import { SaveTracker } from '../../client/sync/saveTracker'
import { participantIdOf } from '../../model/identity'
import { addNote } from '../../model/notes'
import { notesOf } from '../../model/schema'
import { isDocumentMessage, MESSAGE, SYNC_STEP2, SYNC_UPDATE } from '../../protocol/messages'
import { SqliteBoardStore } from '../../server/store/sqlite'
import { ChaosLedger, markdownTable, quantile } from './chaosLedger'
import { connectClient, waitFor } from './clients'
import { waitForStart } from './processStart'
import { freePort } from './services'
import { storedDoc } from './storedDoc'

/**
 * Crash harness for the durability promise "an acknowledged note is never lost": the real server
 * process on a temp DATA_DIR, a few stock y-websocket clients writing notes, and SIGKILL (or
 * SIGTERM) at random moments. A note counts as acknowledged only when the server's ack count
 * covers the document message that carried it. After every kill, while the server is down (so no
 * client can quietly resend what was lost), the database is read directly: every acknowledged
 * note must be there exactly once. At the end a fresh client checks the same over the wire.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same kill moments and intervals. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random number in [lo, hi). */
export const between = (random: () => number, [lo, hi]: readonly [number, number]) => lo + random() * (hi - lo)
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------
// The server process

/** The product as `npm start` runs it (without the build), restartable on the same port. */
export class ServerProcess {
  private child: ChildProcess | null = null
  private out = ''
  port = 0
  /** When the current process logged server.listening. */
  listeningAt = 0
  /** Exit code of the last stopped process (null when killed by a signal). */
  lastExit: { code: number | null; signal: NodeJS.Signals | null } | null = null
  /** Server log events other than the routine ones, with their code or reason, over all runs. */
  readonly events = new Map<string, number>()

  constructor(
    readonly dataDir: string,
    private readonly env: Readonly<Record<string, string>> = {},
    /** Node's arguments: the sources through tsx, or a fresh build (dist/server/index.js). */
    private readonly args: readonly string[] = ['--import', 'tsx', 'server/index.ts'],
  ) {}

  /**
   * Starts the server; the first start picks a free port (below the ephemeral range, see
   * freePort), later ones reuse it.
   */
  async start(): Promise<void> {
    const first = this.port === 0
    for (let attempt = 0; ; attempt++) {
      if (first && attempt < 5) this.port = await freePort()
      try {
        await this.spawnOnce()
        return
      } catch (error) {
        // The port may be taken for a moment (or, on a first start, by someone else's test).
        if (attempt >= 5) throw error
        await sleep(100)
      }
    }
  }

  private async spawnOnce(): Promise<void> {
    this.out = ''
    const child = spawn(process.execPath, [...this.args], {
      env: { ...process.env, BOARD_CREATIONS_PER_MINUTE: '100000', ...this.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    const keep = (d: Buffer) => {
      this.out = (this.out + d.toString()).slice(-20_000)
    }
    let partial = ''
    child.stdout!.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n')
      partial = lines.pop()!
      for (const line of lines) this.count(line)
    })
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    let exited = false
    child.once('exit', () => (exited = true))
    try {
      await waitForStart(child.pid, () => exited || /"event":"server.listening"/.test(this.out), 'server start')
    } catch (error) {
      // A start given up (see waitForStart): it must not start listening later, holding the
      // port (and perhaps boards) while the next attempt runs.
      if (!exited) {
        child.kill('SIGKILL')
        await waitFor(() => exited, 5000, 'the slow server to exit')
      }
      this.child = null
      throw error
    }
    if (exited) {
      this.child = null
      throw new Error(`server exited on start:\n${this.out}`)
    }
    this.listeningAt = Date.now()
    this.port = Number(/"event":"server.listening","port":(\d+)/.exec(this.out)![1])
  }

  private count(line: string): void {
    let entry: Record<string, unknown>
    try {
      entry = JSON.parse(line) as Record<string, unknown>
    } catch {
      return
    }
    const event = String(entry.event)
    if (['server.listening', 'server.stopping', 'board.unloaded', 'board.created'].includes(event)) return
    const detail = entry.code ?? entry.reason ?? entry.error
    const key = detail === undefined ? event : `${event} (${String(detail)})`
    this.events.set(key, (this.events.get(key) ?? 0) + 1)
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null
  }

  /** Sends the signal and resolves once the process is gone. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.child
    if (!child) return
    this.child = null
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server died by itself:\n${this.out}`)
    const exited = new Promise<void>((resolve) =>
      child.once('exit', (code, sig) => {
        this.lastExit = { code, signal: sig }
        resolve()
      }),
    )
    child.kill(signal)
    await exited
  }

  output(): string {
    return this.out
  }

  /** The running process's id (the cluster names an instance by host, pid and a random part). */
  get pid(): number | undefined {
    return this.child?.pid
  }

  /** SIGSTOP or SIGCONT: a process that stops answering without dying, and wakes again. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child?.kill(signal)
  }

  async createBoard(): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Chaos', settings: { privateWriting: false } }),
    })
    if (res.status !== 201) throw new Error(`board not created: ${res.status}`)
    return ((await res.json()) as { boardId: string }).boardId
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/ws`
  }
}

// ---------------------------------------------------------------------------------------------
// A writing client

/**
 * A stock y-websocket provider that writes notes with unique texts and knows, per note, which
 * document message carried it: the update sent while the note was added, or (written while no
 * update could be sent, or unacked when the connection dropped) the next sync step 2. It also
 * runs the browser's SaveTracker alongside, to check what "gespeichert" claims.
 */
export interface WriterOptions {
  /** Reconnect with client/sync/backoff.ts (else y-websocket's own backoff). */
  readonly jitter: boolean
  readonly profile: BackoffProfile
  /** Send through client/sync/gatedSocket.ts, as the browser does (else plain ws). */
  readonly gate: boolean
}

export class ChaosWriter {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly written: string[] = []
  readonly acknowledged = new Set<string>()
  /** Close codes of every failed or ended connection (1006: refused or broken). */
  readonly closes: number[] = []
  /** Close codes of connections that had been open (1006 for a killed server, 1001 for a graceful stop). */
  readonly drops: number[] = []
  readonly rejects: string[] = []
  /** Times of every successful connection (status connected). */
  readonly connectedAt: number[] = []
  readonly tracker = new SaveTracker(() => {}, false)
  private sent = 0
  private acked = 0
  /** The note being added right now, until a message carries it. */
  private writing: string | null = null
  /** Notes no message of the current connection carried yet. */
  private pending: string[] = []
  /** Notes per carrying message of the current connection. */
  private carried = new Map<number, string[]>()
  private stopJitter: (() => void) | null = null
  private writeTimer: NodeJS.Timeout | null = null
  private readonly author: string

  constructor(
    wsUrl: string,
    readonly boardId: string,
    readonly name: string,
    private readonly random: () => number,
    private readonly options: WriterOptions,
  ) {
    const secret = `chaos-${name}-${Math.floor(random() * 1e12).toString(36)}-secret`
    this.author = participantIdOf(secret)
    // The browser's socket (client/sync/gatedSocket.ts), or plain ws to show what it prevents.
    const onSend = (data: Uint8Array) => {
      if (isDocumentMessage(data)) this.sending(data)
    }
    class CountingSocket extends WebSocket {
      override send(data: unknown, ...rest: unknown[]): void {
        if (data instanceof Uint8Array) onSend(data)
        ;(super.send as (...args: unknown[]) => void)(data, ...rest)
      }
    }
    // Credentials in the first message, as the browser sends them.
    this.provider = new WebsocketProvider(wsUrl, boardId, this.doc, {
      disableBc: true,
      WebSocketPolyfill: authSocket(options.gate ? gatedSocket(WebSocket, onSend) : CountingSocket, secret, null) as unknown as typeof globalThis.WebSocket,
    })
    const p = this.provider
    if (options.jitter) this.stopJitter = jitterReconnects(p, random, options.profile)
    p.messageHandlers[MESSAGE.ack] = (_e, decoder) => this.ack(decoding.readVarUint(decoder))
    p.messageHandlers[MESSAGE.reject] = (_e, decoder) => {
      decoding.readVarUint(decoder)
      this.rejects.push(decoding.readVarString(decoder))
    }
    p.messageHandlers[MESSAGE.hello] = () => {}
    p.on('connection-close', (event) => {
      if (event) this.closes.push(event.code)
      if (event && p.wsconnected) this.drops.push(event.code)
      this.connectionLost()
    })
    p.on('status', ({ status }) => {
      if (status === 'connecting') this.connectionLost()
      if (status === 'connected') this.connectedAt.push(Date.now())
      if (status === 'disconnected') this.tracker.disconnected()
    })
    // After the provider's own listener, as in client/sync/connection.ts.
    this.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== p) this.tracker.localChange(this.carriedNow)
      this.carriedNow = false
    })
  }

  /** Whether the provider sent the change being handled (as in client/sync/connection.ts). */
  private carriedNow = false

  private sending(message: Uint8Array): void {
    this.sent++
    if (message[1] === SYNC_UPDATE) this.carriedNow = true
    this.tracker.sending(message)
    if (message[1] === SYNC_UPDATE && this.writing !== null) {
      this.carried.set(this.sent, [this.writing])
      this.writing = null
    } else if (message[1] === SYNC_STEP2 && this.pending.length > 0) {
      // Sync step 2 holds everything the server's state vector lacks, written before now.
      this.carried.set(this.sent, this.pending)
      this.pending = []
    }
  }

  private ack(count: number): void {
    this.acked = Math.max(this.acked, count)
    this.tracker.ack(count)
    for (const [seq, texts] of this.carried) {
      if (seq > this.acked) continue
      for (const t of texts) this.acknowledged.add(t)
      this.carried.delete(seq)
    }
  }

  /** The server counts afresh on a new connection; unacked notes wait for the next step 2. */
  private connectionLost(): void {
    const unacked = [...this.carried.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, texts]) => texts)
    this.pending = [...unacked, ...this.pending]
    this.carried.clear()
    this.sent = 0
    this.acked = 0
  }

  /** Adds one note; false when the board is full. */
  write(text: string): boolean {
    if (notesOf(this.doc).size >= 1900) return false
    this.writing = text
    addNote(this.doc, { zone: (['steigen', 'untenHalten', 'einheizen'] as const)[this.written.length % 3]!, text, author: this.author })
    this.written.push(text)
    if (this.writing !== null) {
      this.pending.push(text)
      this.writing = null
    }
    return true
  }

  /** Writes `burst` notes every interval until stopped or `max` notes are written. */
  startWriting(interval: readonly [number, number], burst = 1, max = Number.POSITIVE_INFINITY, offline = true): void {
    const tick = () => {
      for (let i = 0; i < burst && this.written.length < max && (offline || this.provider.synced); i++) {
        if (!this.write(`${this.name}-${this.boardId.slice(0, 4)}-${this.written.length}`)) break
      }
      this.writeTimer = this.written.length < max ? setTimeout(tick, between(this.random, interval)) : null
    }
    tick()
  }

  stopWriting(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer)
    this.writeTimer = null
  }

  /** Notes written but not acknowledged yet. */
  get unacknowledged(): number {
    return this.written.length - this.acknowledged.size
  }

  /** Stops reconnecting (as if the browser went away), keeping its doc. */
  pause(): void {
    this.stopWriting()
    this.stopJitter?.()
    this.stopJitter = null
    this.provider.disconnect()
  }

  resume(): void {
    if (this.options.jitter && !this.stopJitter) this.stopJitter = jitterReconnects(this.provider, this.random, this.options.profile)
    this.provider.connect()
  }

  destroy(): void {
    this.stopWriting()
    this.stopJitter?.()
    this.provider.destroy()
    this.doc.destroy()
  }
}

// ---------------------------------------------------------------------------------------------
// Reading what is stored

/** Note texts of a stored doc, with how often each occurs. */
export function countTexts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>()
  for (const note of notesOf(doc).values()) {
    const text = note.get('text')
    const value = text instanceof Y.Text ? text.toString() : String(text)
    counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}

/** Reads boards straight from the database of a stopped server. */
export async function readStored(dataDir: string, boardIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const store = new SqliteBoardStore(dataDir)
  try {
    const result = new Map<string, Map<string, number>>()
    for (const id of boardIds) {
      const doc = await storedDoc(store, id)
      result.set(id, countTexts(doc))
      doc.destroy()
    }
    return result
  } finally {
    await store.close()
  }
}

/** Reads a board over the wire with a fresh stock client. */
export async function readOverWire(wsUrl: string, boardId: string): Promise<Map<string, number>> {
  const client = connectClient(wsUrl, boardId)
  try {
    await waitFor(() => client.provider.synced, 15_000, 'fresh client sync')
    return countTexts(client.doc)
  } finally {
    client.destroy()
  }
}

export interface Tally {
  lost: string[]
  duplicated: string[]
}

export function tally(expected: Iterable<string>, stored: ReadonlyMap<string, number>): Tally {
  const lost: string[] = []
  const duplicated: string[] = []
  for (const text of expected) {
    const n = stored.get(text) ?? 0
    if (n === 0) lost.push(text)
    else if (n > 1) duplicated.push(text)
  }
  return { lost, duplicated }
}

// ---------------------------------------------------------------------------------------------
// The run

export interface ChaosOptions {
  readonly kills: number
  readonly seed: number
  readonly clients: number
  /** How long the server runs before the next kill (from server.listening), ms. */
  readonly upMs: readonly [number, number]
  /** Pause between a client's notes, ms. */
  readonly writeMs: readonly [number, number]
  /** Notes per write. */
  readonly burst?: number
  /** Notes per client and board at most (default: no limit but the board's). */
  readonly maxPerWriter?: number
  /** Whether clients write while disconnected too (default true). */
  readonly writeOffline?: boolean
  /** Whether upMs counts from server.listening (default) or from every client being back. */
  readonly upFrom?: 'listening' | 'connected'
  readonly signal?: 'SIGKILL' | 'SIGTERM'
  /** A new board after this many notes (a board holds at most 2,000). */
  readonly notesPerBoard?: number
  readonly jitter?: boolean
  /** Send through client/sync/gatedSocket.ts (default), or plain ws. */
  readonly gate?: boolean
  readonly profile?: BackoffProfile
  /** Server environment (e.g. COMPACT_AFTER, to compact often). */
  readonly env?: Readonly<Record<string, string>>
  readonly log?: (line: string) => void
}

export interface ChaosResult {
  readonly seed: number
  readonly kills: number
  readonly boards: number
  readonly written: number
  readonly acknowledged: number
  /** Acknowledged notes missing in the database after some kill, or from the fresh client. */
  readonly lost: number
  readonly duplicated: number
  /** Clients whose SaveTracker said "saved" at a kill while one of their notes was not stored. */
  readonly falseSaved: number
  /** Written notes missing after the writers reconnected at the end (delivery, not a promise). */
  readonly undelivered: number
  readonly rejects: number
  /** SIGTERM runs: stops that did not exit with code 0; SIGKILL runs: exits not by the signal. */
  readonly uncleanExits: number
  readonly closeCodes: Readonly<Record<string, number>>
  /** Close codes of open connections only: what the kills looked like to the clients. */
  readonly dropCodes: Readonly<Record<string, number>>
  /** Server log events beyond the routine (rejections, malformed messages, store errors). */
  readonly serverEvents: Readonly<Record<string, number>>
  /** Per restart where every client came back: max - min of their reconnect times, ms. */
  readonly spreads: readonly number[]
  /** Per restart: first and last reconnect after server.listening, ms. */
  readonly returns: ReadonlyArray<readonly [number, number]>
  readonly seconds: number
  readonly examples: readonly string[]
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.log ?? (() => {})
  const random = prng(options.seed)
  const signal = options.signal ?? 'SIGKILL'
  const notesPerBoard = options.notesPerBoard ?? 1200
  const writerOptions: WriterOptions = { jitter: options.jitter ?? true, profile: options.profile ?? RECONNECT, gate: options.gate ?? true }
  const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-chaos-'))
  const server = new ServerProcess(dataDir, options.env)
  const started = Date.now()
  const ledger = new ChaosLedger()
  const spreads: number[] = []
  const returns: Array<readonly [number, number]> = []
  let falseSaved = 0
  let undelivered = 0
  let uncleanExits = 0
  let kills = 0

  const newBoard = async () => {
    const boardId = await server.createBoard()
    ledger.startBoard(boardId, options.clients, (name) => new ChaosWriter(server.wsUrl, boardId, name, prng(Math.floor(random() * 2 ** 32)), writerOptions))
    for (const w of ledger.writers) w.startWriting(options.writeMs, options.burst ?? 1, options.maxPerWriter, options.writeOffline ?? true)
  }

  try {
    await server.start()
    log(`chaos: seed ${options.seed}, ${options.kills} kills (${signal}), ${options.clients} clients, port ${server.port}`)
    await newBoard()
    for (let k = 1; k <= options.kills; k++) {
      const writers = ledger.writers
      const restartedAt = server.listeningAt
      const killAfter = between(random, options.upMs)
      let from = restartedAt
      if (options.upFrom === 'connected') {
        await waitFor(() => writers.every((w) => w.provider.synced), 15_000, 'every client back')
        from = Date.now()
      }
      await sleep(Math.max(0, from + killAfter - Date.now()))
      // What each client claims right now: saved means every note it wrote is stored.
      const claims = writers.filter((w) => w.tracker.saved).map((w) => ({ w, upto: w.written.length }))
      const killedAt = Date.now()
      await server.stop(signal)
      kills++
      if (server.lastExit?.code !== (signal === 'SIGTERM' ? 0 : null)) uncleanExits++
      // Spread of the returns after the previous restart.
      const back = writers.map((w) => w.connectedAt.find((t) => t >= restartedAt)).filter((t): t is number => t !== undefined)
      if (k > 1 && back.length > 0) returns.push([Math.min(...back) - restartedAt, Math.max(...back) - restartedAt])
      if (k > 1 && back.length === writers.length && writers.length > 1) spreads.push(Math.max(...back) - Math.min(...back))

      const last = k === options.kills
      if (last) {
        // Let every client see its connection end (close code), then hold them back.
        await waitFor(() => writers.every((w) => !w.provider.wsconnected), 5000, 'clients to notice').catch(() => {})
        for (const w of writers) w.pause()
      }
      // The server is down: nobody can resend, so this is exactly what survived.
      const current = ledger.boards.at(-1)!
      const stored = (await readStored(dataDir, [current])).get(current)!
      ledger.record(tally(ledger.acknowledgedOf(current), stored), `kill ${k}`)
      for (const { w, upto } of claims) {
        const missing = w.written.slice(0, upto).filter((t) => !stored.has(t))
        if (missing.length === 0) continue
        falseSaved++
        ledger.example(`${w.name} showed saved at kill ${k} but ${missing.length} note(s) were not stored, e.g. ${missing[0]}`)
      }
      if (k % 25 === 0 || last) log(`kill ${k}/${options.kills} after ${killedAt - restartedAt} ms: ${ledger.progress()}`)
      await server.start()
      if (!last && ledger.written(writers) >= notesPerBoard) await newBoard()
    }

    // Restarted once more: a fresh client must find every acknowledged note exactly once.
    for (const boardId of ledger.boards) ledger.record(tally(ledger.acknowledgedOf(boardId), await readOverWire(server.wsUrl, boardId)), 'fresh client')
    // Delivery (beyond the promise): the last writers come back and resend what was unacked.
    const writers = ledger.writers
    for (const w of writers) w.resume()
    await waitFor(() => writers.every((w) => w.provider.synced && w.unacknowledged === 0), 20_000, 'writers to deliver everything').catch(() => {})
    const final = await readOverWire(server.wsUrl, ledger.boards.at(-1)!)
    undelivered = tally(writers.flatMap((w) => w.written), final).lost.length
    ledger.record(tally(writers.flatMap((w) => [...w.acknowledged]), final), 'after resync')
  } catch (error) {
    throw new Error(`${String(error)}\n--- server output ---\n${server.output()}`, { cause: error })
  } finally {
    ledger.destroy()
    if (server.running) await server.stop('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }

  return {
    seed: options.seed,
    kills,
    boards: ledger.boards.length,
    written: ledger.written(),
    acknowledged: ledger.acknowledged(),
    lost: ledger.lost.size,
    duplicated: ledger.duplicated.size,
    falseSaved,
    undelivered,
    rejects: ledger.rejects(),
    uncleanExits,
    closeCodes: ledger.codes('closes'),
    dropCodes: ledger.codes('drops'),
    serverEvents: Object.fromEntries(server.events),
    spreads,
    returns,
    seconds: (Date.now() - started) / 1000,
    examples: ledger.examples,
  }
}

/** The result as a small Markdown table. */
export function formatResult(r: ChaosResult): string {
  const ms = (v: number) => (Number.isNaN(v) ? '–' : `${Math.round(v)} ms`)
  const codes = (c: Readonly<Record<string, number>>) => Object.entries(c).map(([k, n]) => `${k}×${n}`).join(', ') || '–'
  return markdownTable([
    ['seed', String(r.seed)],
    ['kills', String(r.kills)],
    ['boards', String(r.boards)],
    ['notes written', String(r.written)],
    ['notes acknowledged', String(r.acknowledged)],
    ['lost (acknowledged, not stored)', String(r.lost)],
    ['duplicated', String(r.duplicated)],
    ['"gespeichert" shown while not stored', String(r.falseSaved)],
    ['written, not delivered after resync', String(r.undelivered)],
    ['rejected updates', String(r.rejects)],
    ['unclean exits', String(r.uncleanExits)],
    ['open connections closed with', codes(r.dropCodes)],
    ['all close codes (incl. refused attempts)', codes(r.closeCodes)],
    ['server log events (not routine)', codes(r.serverEvents)],
    ['restarts with every client back', String(r.spreads.length)],
    ['reconnect spread across clients (median / p90 / max)', `${ms(quantile(r.spreads, 0.5))} / ${ms(quantile(r.spreads, 0.9))} / ${ms(quantile(r.spreads, 1))}`],
    ['restarts where all clients returned within 5 ms', String(r.spreads.filter((s) => s < 5).length)],
    ['first return after restart (median)', ms(quantile(r.returns.map((x) => x[0]), 0.5))],
    ['last return after restart (median / max)', `${ms(quantile(r.returns.map((x) => x[1]), 0.5))} / ${ms(quantile(r.returns.map((x) => x[1]), 1))}`],
    ['duration', `${r.seconds.toFixed(1)} s`],
  ])
}
