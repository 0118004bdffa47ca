import { describe, expect, it } from 'vitest'
import { describeUpdate } from '../../../model/changes'
import { fuzzBoard } from '../../helpers/guardFuzz/boards'
import { uncoveredEffect } from '../../helpers/guardFuzz/effects'
import { fuzzGuard, summary } from '../../helpers/guardFuzz/run'
import { seededRandom } from '../../helpers/random'
import { currentItemId, encodeUpdate } from '../../helpers/structs'
import { metaOf } from '../../../model/schema'

/**
 * The differential fuzzer with a fixed seed: every real effect of every update the reader
 * describes must be covered by its writes. `npm run fuzz:guard` runs a million and more.
 */
const SEED = Number(process.env.GUARD_FUZZ_SEED ?? 20261206)
const COUNT = 20_000

describe('guard: differential fuzzing of the reader', () => {
  it(`covers every real effect of ${COUNT} generated updates (seed ${SEED})`, () => {
    const stats = fuzzGuard({ seed: SEED, count: COUNT })
    console.log(summary(stats))
    expect(stats.generated).toBe(COUNT)
    expect(stats.failures.map((f) => `#${f.index} ${f.kind}: ${f.reason} ${f.hex}`)).toEqual([])
    expect(stats.uncovered).toBe(0)
    // The run reaches every outcome: described and accepted, described and refused by the
    // rules, refused by the reader for each of its reasons; no reader error but InvalidUpdate.
    expect(stats.accepted).toBeGreaterThan(COUNT / 20)
    expect(stats.rulesRejected).toBeGreaterThan(COUNT / 20)
    expect(Object.keys(stats.refused).sort()).toEqual(['malformed', 'missing', 'schema'])
  }, 120_000)

  it('fails when a description leaves an effect out (the check can fail)', () => {
    const board = fuzzBoard(seededRandom(1))
    const update = encodeUpdate([
      { client: 4242, clock: 0, structs: [{ kind: 'item', origin: currentItemId(metaOf(board.doc), 'phase'), content: { kind: 'deleted', len: 1 } }] },
    ])
    const description = describeUpdate(board.doc, update, board.schema)
    expect(description.writes).toEqual([{ kind: 'value', root: 'meta', key: 'phase', value: undefined, deleted: true }])
    expect(uncoveredEffect(board, update, description)).toBeNull()
    expect(uncoveredEffect(board, update, { ...description, writes: [] })).toBe('value meta.phase removed not described')
  })
})
