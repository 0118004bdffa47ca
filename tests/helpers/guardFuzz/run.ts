import { performance } from 'node:perf_hooks'
import { InvalidUpdate, describeUpdate } from '../../../model/changes'
import type { UpdateDescription } from '../../../model/changes'
import { ballotFacts, boardFacts } from '../../../model/facts'
import { checkPrivateUpdate, checkUpdate } from '../../../model/rules'
import { seededRandom } from '../random'
import { OWN, fuzzBoard, fuzzPrivateDoc } from './boards'
import type { FuzzDoc } from './boards'
import { escapesReadOnly, uncoveredEffect } from './effects'
import { generate } from './generate'

/**
 * The guard's differential fuzzer: generate an update, let the reader describe it against the
 * server's doc, apply it to a copy with Yjs and compare. Counts what the reader understood
 * (described) or refused, what the rules then accepted, and every real effect the description
 * does not cover, with the seed, the update's number and its hex.
 */
export interface Failure {
  readonly index: number
  readonly kind: string
  readonly reason: string
  readonly hex: string
}

export interface FuzzStats {
  readonly seed: number
  generated: number
  /** The reader understood the update and described its writes. */
  described: number
  /** The reader refused it (InvalidUpdate), by code. */
  refused: Record<string, number>
  /** Described, and the rules let the actor apply it. */
  accepted: number
  /** Described, and the rules refused it. */
  rulesRejected: number
  uncovered: number
  failures: Failure[]
  ms: number
}

function judge(target: FuzzDoc, board: FuzzDoc, description: UpdateDescription): boolean {
  const rejection =
    target.name !== 'private'
      ? checkUpdate(OWN, description, boardFacts(target.doc))
      : checkPrivateUpdate(OWN, description, boardFacts(board.doc), ballotFacts(target.doc))
  return rejection === null
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

export interface FuzzOptions {
  readonly seed: number
  readonly count: number
  /** Stops early after this long (the time box). */
  readonly maxMs?: number
  /** Called every `every` updates with the counts so far. */
  readonly onProgress?: (stats: FuzzStats) => void
  readonly every?: number
}

export function fuzzGuard(options: FuzzOptions): FuzzStats {
  const { seed, count, maxMs = Number.POSITIVE_INFINITY, onProgress, every = 100_000 } = options
  const r = seededRandom(seed)
  const board = fuzzBoard(seededRandom(seed ^ 0x5eed))
  // Read-only for the actor (Abschluss), who may still write the Bericht there.
  const minutes = fuzzBoard(seededRandom(seed ^ 0xab5c), 'abschluss')
  const privateDoc = fuzzPrivateDoc(seededRandom(seed ^ 0xd1af))
  const stats: FuzzStats = { seed, generated: 0, described: 0, refused: {}, accepted: 0, rulesRejected: 0, uncovered: 0, failures: [], ms: 0 }
  const start = performance.now()
  const fail = (index: number, kind: string, reason: string, update: Uint8Array) => {
    stats.uncovered++
    if (stats.failures.length < 20) stats.failures.push({ index, kind, reason, hex: hexOf(update) })
  }
  for (let i = 0; i < count && performance.now() - start < maxMs; i++) {
    if (onProgress && i > 0 && i % every === 0) onProgress({ ...stats, ms: performance.now() - start })
    const roll = r.next()
    const target = roll < 0.5 ? board : roll < 0.7 ? minutes : privateDoc
    const { kind, update } = generate(r, target)
    stats.generated++
    let description: UpdateDescription
    try {
      description = describeUpdate(target.doc, update, target.schema)
    } catch (error) {
      const code = error instanceof InvalidUpdate ? error.code : `error: ${String(error)}`
      stats.refused[code] = (stats.refused[code] ?? 0) + 1
      if (kind === 'honest') fail(i, kind, `honest update refused: ${code}`, update)
      continue
    }
    stats.described++
    const accepted = judge(target, board, description)
    if (accepted) stats.accepted++
    else stats.rulesRejected++
    const reason = uncoveredEffect(target, update, description) ?? (accepted && target === minutes ? escapesReadOnly(target, update) : null)
    if (reason) fail(i, `${target.name}/${kind}`, reason, update)
  }
  stats.ms = performance.now() - start
  return stats
}

export function summary(stats: FuzzStats): string {
  const refused = Object.values(stats.refused).reduce((a, b) => a + b, 0)
  const codes = Object.entries(stats.refused)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ')
  return [
    `seed ${stats.seed}: generated ${stats.generated}, described ${stats.described} (accepted ${stats.accepted}, rejected by the rules ${stats.rulesRejected}),`,
    `refused by the reader ${refused} (${codes}), uncovered ${stats.uncovered}, ${(stats.ms / 1000).toFixed(1)} s`,
    ...stats.failures.map((f) => `  #${f.index} ${f.kind}: ${f.reason}\n    ${f.hex}`),
  ].join('\n')
}
