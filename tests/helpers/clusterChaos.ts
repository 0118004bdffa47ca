import { RECONNECT } from '../../client/sync/backoff'
import { PostgresBoardStore } from '../../server/store/postgres'
import { between, ChaosWriter, countTexts, prng, readOverWire, sleep, tally } from './chaos'
import type { ServerProcess, WriterOptions } from './chaos'
import { ChaosLedger, markdownTable, quantile } from './chaosLedger'
import { waitFor } from './clients'
import type { ClusterRig } from './cluster'
import { START } from './processStart'
import { storedDoc } from './storedDoc'

/**
 * Faults of a cluster while clients write through nginx: the owner of the board killed with
 * SIGKILL (or stopped with SIGTERM, a rolling restart), Redis killed, PostgreSQL restarted. After
 * every fault, PostgreSQL is read directly: every note acknowledged so far must be there exactly
 * once (an acknowledged note is committed, so it must be there whatever happens next). The time
 * from the fault to the first acknowledgement after it is the failover time.
 */
export type Fault = 'kill-owner' | 'term-owner' | 'restart-redis' | 'restart-postgres' | 'rolling-restart'

export interface ClusterChaosOptions {
  readonly faults: readonly Fault[]
  readonly seed: number
  readonly clients: number
  /** How long the clients write between two faults, ms. */
  readonly upMs: readonly [number, number]
  readonly writeMs: readonly [number, number]
  readonly notesPerBoard?: number
  readonly log?: (line: string) => void
  /** Told each recovery as it happens (ms from the fault to the first ack), so a run that fails later still has them. */
  readonly onRecovery?: (fault: Fault, ms: number) => void
}

export interface ClusterChaosResult {
  readonly seed: number
  readonly faults: Readonly<Record<string, number>>
  readonly boards: number
  readonly written: number
  readonly acknowledged: number
  readonly lost: number
  readonly duplicated: number
  readonly undelivered: number
  readonly rejects: number
  /** Per fault: ms from the fault to the first acknowledgement after it. */
  readonly recoveries: Readonly<Record<string, readonly number[]>>
  readonly dropCodes: Readonly<Record<string, number>>
  readonly seconds: number
  readonly examples: readonly string[]
}

export async function runClusterChaos(rig: ClusterRig, options: ClusterChaosOptions): Promise<ClusterChaosResult> {
  const log = options.log ?? (() => {})
  const random = prng(options.seed)
  const writerOptions: WriterOptions = { jitter: true, profile: RECONNECT, gate: true }
  const store = await PostgresBoardStore.open(rig.databaseUrl, { poolSize: 2 })
  const started = Date.now()
  const ledger = new ChaosLedger()
  const recoveries: Record<string, number[]> = {}
  const faults: Record<string, number> = {}

  const newBoard = async () => {
    const boardId = await createBoard(rig)
    ledger.startBoard(boardId, options.clients, (name) => new ChaosWriter(rig.nginx.ws, boardId, name, prng(Math.floor(random() * 2 ** 32)), writerOptions))
    for (const w of ledger.writers) w.startWriting(options.writeMs)
  }
  const stored = async (boardId: string) => countTexts(await storedDoc(store, boardId))
  const check = async (boardId: string, when: string) => ledger.record(tally(ledger.acknowledgedOf(boardId), await stored(boardId)), when)

  try {
    await newBoard()
    let restoring: Promise<void> = Promise.resolve()
    let restarting = 0
    for (const [k, fault] of options.faults.entries()) {
      await sleep(between(random, options.upMs))
      // Killed instances come back in the background; a fault waits until two of three run.
      // Each restart gives up on its own (START: while it starts, it is waited for).
      await waitFor(() => restarting <= 1, START.capMs + 10_000, 'instances back')
      // Acks already on their way when the fault hits are not a recovery.
      const faultAt = Date.now()
      const restore = await inject(rig, fault, ledger.boards.at(-1)!)
      faults[fault] = (faults[fault] ?? 0) + 1
      await sleep(50)
      const before = ledger.acknowledged()
      await waitFor(() => ledger.acknowledged() > before, 30_000, `an acknowledgement after ${fault}`)
      ;(recoveries[fault] ??= []).push(Date.now() - faultAt)
      options.onRecovery?.(fault, Date.now() - faultAt)
      restarting++
      restoring = Promise.all([restoring, restore().finally(() => restarting--)]).then(() => {})
      // Committed is committed: whatever the fault, PostgreSQL holds every acknowledged note once.
      await check(ledger.boards.at(-1)!, `${fault} ${k + 1}`)
      if ((k + 1) % 10 === 0 || k === options.faults.length - 1) log(`fault ${k + 1}/${options.faults.length} (${fault}): ${ledger.progress()}`)
      if (ledger.written(ledger.writers) >= (options.notesPerBoard ?? 1200)) await newBoard()
    }
    await restoring
    const writers = ledger.writers
    for (const w of writers) w.stopWriting()
    // Delivery: everything written, acknowledged or not, arrives once the clients resynced.
    await waitFor(() => writers.every((w) => w.provider.synced && w.unacknowledged === 0), 30_000, 'writers to deliver everything').catch(() => {})
    for (const boardId of ledger.boards) await check(boardId, 'at the end')
    const last = ledger.boards.at(-1)!
    const final = await readOverWire(rig.nginx.ws, last)
    ledger.record(tally(ledger.acknowledgedOf(last), final), 'fresh client')
    return {
      seed: options.seed,
      faults,
      boards: ledger.boards.length,
      written: ledger.written(),
      acknowledged: ledger.acknowledged(),
      lost: ledger.lost.size,
      duplicated: ledger.duplicated.size,
      undelivered: tally(writers.flatMap((w) => w.written), final).lost.length,
      rejects: ledger.rejects(),
      recoveries,
      dropCodes: ledger.codes('drops'),
      seconds: (Date.now() - started) / 1000,
      examples: ledger.examples,
    }
  } catch (error) {
    const outputs = rig.instances.map((i, n) => `--- instance ${n} ---\n${i.output().slice(-3000)}`).join('\n')
    throw new Error(`${String(error)}\n${outputs}`, { cause: error })
  } finally {
    ledger.destroy()
    await store.close()
  }
}

/**
 * A new board through nginx. nginx does not pass a POST on to another instance when the one it
 * chose has just died (it may have created the board already): it answers 502, and a person
 * would try again.
 */
async function createBoard(rig: ClusterRig): Promise<string> {
  const create = () =>
    fetch(`${rig.nginx.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Chaos', settings: { privateWriting: false } }) })
  let res = await create()
  for (let attempt = 1; res.status === 502 && attempt < 5; attempt++) {
    await sleep(200)
    res = await create()
  }
  if (res.status !== 201) throw new Error(`board not created: ${res.status}`)
  return ((await res.json()) as { boardId: string }).boardId
}

/** Does the fault; resolves with what brings the cluster back to full strength. */
async function inject(rig: ClusterRig, fault: Fault, boardId: string): Promise<() => Promise<void>> {
  switch (fault) {
    case 'kill-owner':
    case 'term-owner': {
      const owner = await ownerNow(rig, boardId)
      await owner.stop(fault === 'kill-owner' ? 'SIGKILL' : 'SIGTERM')
      return () => owner.start()
    }
    case 'restart-redis':
      await rig.redis.kill()
      await sleep(300)
      await rig.redis.start()
      return async () => {}
    case 'restart-postgres':
      await rig.postgres.kill()
      await sleep(300)
      await rig.postgres.start()
      return async () => {}
    case 'rolling-restart':
      // One after the other, each back before the next goes: what a deployment does.
      for (const instance of rig.instances) {
        await instance.stop('SIGTERM')
        await instance.start()
      }
      return async () => {}
  }
}

async function ownerNow(rig: ClusterRig, boardId: string): Promise<ServerProcess> {
  let owner: ServerProcess | null = null
  for (let i = 0; i < 600 && !owner; i++) {
    owner = await rig.ownerOf(boardId)
    if (!owner) await sleep(50)
  }
  if (!owner) throw new Error(`no instance owns the board; lease: ${await rig.leaseOf(boardId)}; instances: ${rig.instances.map((i) => `${i.pid ?? '-'}${i.running ? '' : ' (down)'}`).join(', ')}`)
  return owner
}

export function formatClusterResult(r: ClusterChaosResult): string {
  const q = (values: readonly number[], p: number) => (values.length ? `${quantile(values, p)} ms` : '–')
  return markdownTable([
    ['seed', String(r.seed)],
    ['faults', Object.entries(r.faults).map(([f, n]) => `${f}×${n}`).join(', ')],
    ['boards', String(r.boards)],
    ['notes written', String(r.written)],
    ['notes acknowledged', String(r.acknowledged)],
    ['lost (acknowledged, not stored)', String(r.lost)],
    ['duplicated', String(r.duplicated)],
    ['written, not delivered after resync', String(r.undelivered)],
    ['rejected updates', String(r.rejects)],
    ...Object.entries(r.recoveries).map(([f, v]): [string, string] => [`${f}: fault -> first ack (p50 / p99 / max)`, `${q(v, 0.5)} / ${q(v, 0.99)} / ${q(v, 1)}`]),
    ['open connections closed with', Object.entries(r.dropCodes).map(([c, n]) => `${c}×${n}`).join(', ') || '–'],
    ['duration', `${r.seconds.toFixed(1)} s`],
  ])
}
