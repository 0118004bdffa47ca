/**
 * The guard's differential fuzzer, long run: at least a million generated updates against the
 * reader, time-boxed, with the seed printed so that any failure can be replayed.
 *
 *   npm run fuzz:guard                              (a random seed, 1,000,000 updates, 90 minutes at most)
 *   npm run fuzz:guard -- --seed 42 --count 2000000 --minutes 120
 *
 * Prints generated / described (accepted, rejected by the rules) / refused by the reader /
 * uncovered and the run time; exits with 1 when any effect is uncovered, printing its hex.
 */
import { parseArgs } from 'node:util'
import { fuzzGuard, summary } from '../tests/helpers/guardFuzz/run'

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    count: { type: 'string', default: '1000000' },
    minutes: { type: 'string', default: '90' },
  },
})
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
const count = Number(values.count)
const minutes = Number(values.minutes)
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || !(minutes > 0)) {
  console.error('usage: npm run fuzz:guard -- [--seed <integer>] [--count <n>] [--minutes <m>]')
  process.exit(2)
}
console.log(`fuzz:guard seed ${seed}, ${count} updates, at most ${minutes} min`)
const stats = fuzzGuard({
  seed,
  count,
  maxMs: minutes * 60_000,
  onProgress: (s) => console.log(`  ${s.generated} generated, ${s.described} described, ${s.uncovered} uncovered, ${(s.ms / 1000).toFixed(0)} s`),
})
console.log(summary(stats))
if (stats.generated < count) console.log(`time box reached after ${stats.generated} of ${count} updates`)
process.exit(stats.uncovered === 0 ? 0 : 1)
