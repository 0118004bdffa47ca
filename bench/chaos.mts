/**
 * Crash harness, long run: the real server process is killed with SIGKILL at random moments while
 * a few clients keep writing notes; after every kill the database must hold every acknowledged
 * note exactly once. See tests/helpers/chaos.ts.
 *
 *   npm run chaos                  (KILLS=500, CLIENTS=3, SEED=random)
 *   GATE=0 npm run chaos           clients send updates before their sync step 2 (plain ws)
 *   JITTER=0 npm run chaos         y-websocket's own reconnect backoff, for comparison
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { formatResult, runChaos } from '../tests/helpers/chaos'

const kills = Number(process.env.KILLS ?? 500)
const clients = Number(process.env.CLIENTS ?? 3)
const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31))
console.log(`seed ${seed} (SEED=${seed} repeats the kill moments)`)

const result = await runChaos({
  kills,
  seed,
  clients,
  upMs: [200, 2000],
  writeMs: [20, 80],
  gate: process.env.GATE !== '0',
  jitter: process.env.JITTER !== '0',
  env: { COMPACT_AFTER: '200' },
  log: (line) => console.log(line),
})
console.log()
console.log(formatResult(result))
for (const line of result.examples) console.log(`  ${line}`)
console.log()
console.log(`lost notes: ${result.lost}`)
const variant = [process.env.GATE === '0' ? '-gate0' : '', process.env.JITTER === '0' ? '-jitter0' : ''].join('')
writeFileSync(
  `bench/results/chaos${variant}.md`,
  [
    '# Crash harness',
    '',
    `- machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, node ${process.version}`,
    `- date: ${new Date().toISOString()}`,
    `- command: \`${[process.env.GATE === '0' ? 'GATE=0' : '', process.env.JITTER === '0' ? 'JITTER=0' : '', `KILLS=${kills} CLIENTS=${clients} SEED=${seed}`].filter(Boolean).join(' ')} npm run chaos\``,
    '- SIGKILL at a random moment 200–2000 ms after the server listens; each client writes a note every 20–80 ms',
    '  (also while disconnected); after each kill the database is read while the server is down.',
    '',
    formatResult(result),
    '',
    ...result.examples.map((line) => `- ${line}`),
    `lost notes: ${result.lost}`,
    '',
  ].join('\n'),
)
process.exitCode = result.lost === 0 && result.duplicated === 0 && result.rejects === 0 ? 0 : 1
