/**
 * Enter in one browser -> the note visible in another: the median and p95 over N notes, in
 * Debian's Chromium against the real server on loopback (bench/lib/chromium-latency.ts, also
 * used by bench/client.mts).
 *
 *   npm run bench:latency            (20 notes)
 *   NOTES=50 npm run bench:latency
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { launchBrowser } from '../tests/helpers/browser'
import { startTestServer } from '../tests/helpers/server'
import { enterToVisible } from './lib/chromium-latency'

const count = Number(process.env.NOTES ?? 20)
const server = await startTestServer()
const browser = await launchBrowser()
try {
  const samples = (await enterToVisible(browser, server, count)).sort((a, b) => a - b)
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!
  const table = [
    `# Enter -> visible in another browser`,
    ``,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
    `- date: ${new Date().toISOString()}`,
    `- command: \`NOTES=${count} npm run bench:latency\``,
    ``,
    `| notes | median ms | p95 ms | min ms | max ms |`,
    `|---|---|---|---|---|`,
    `| ${count} | ${pick(0.5).toFixed(1)} | ${pick(0.95).toFixed(1)} | ${samples[0]!.toFixed(1)} | ${samples.at(-1)!.toFixed(1)} |`,
    ``,
  ].join('\n')
  console.log(table)
  writeFileSync('bench/results/latency.md', table)
} finally {
  await browser.close()
  await server.stop()
}
