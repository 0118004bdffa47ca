/**
 * Enter in one browser -> the note visible in another: the median and p95 over N notes, in
 * Debian's Chromium against the real server on loopback. Both pages share the machine's clock
 * (performance.timeOrigin + now), so the two timestamps compare directly.
 *
 *   npm run bench:latency            (20 notes)
 *   NOTES=50 npm run bench:latency
 */
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { launchBrowser } from '../tests/helpers/browser'
import { joinAs, zone } from '../tests/helpers/e2e'
import { createBoard, startTestServer } from '../tests/helpers/server'

const count = Number(process.env.NOTES ?? 20)
const server = await startTestServer()
const browser = await launchBrowser()
try {
  const board = await createBoard(server, { title: 'Latenz', settings: { privateWriting: false } })
  const writer = await joinAs(browser, board.moderatorUrl, 'Schreiberin')
  const reader = await joinAs(browser, board.participantUrl, 'Leser')
  await reader.page.evaluate(() => {
    const seen: Record<string, number> = {}
    ;(window as unknown as { seen: Record<string, number> }).seen = seen
    new MutationObserver(() => {
      for (const li of document.querySelectorAll('li')) {
        const text = li.textContent ?? ''
        const match = /Messung (\d+)/.exec(text)
        if (match && !(match[1]! in seen)) seen[match[1]!] = performance.timeOrigin + performance.now()
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  const box = zone(writer.page, /Steigen/).getByRole('textbox', { name: /Notiz/ })
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    await box.fill(`Messung ${i}`)
    await writer.page.evaluate(() => {
      const w = window as unknown as { pressedAt: number }
      document.addEventListener('keydown', () => (w.pressedAt = performance.timeOrigin + performance.now()), { once: true, capture: true })
    })
    await box.press('Enter')
    const pressedAt = await writer.page.evaluate(() => (window as unknown as { pressedAt: number }).pressedAt)
    await reader.page.waitForFunction((n) => n in (window as unknown as { seen: Record<string, number> }).seen, String(i))
    const seenAt = await reader.page.evaluate((n) => (window as unknown as { seen: Record<string, number> }).seen[n]!, String(i))
    samples.push(seenAt - pressedAt)
  }
  samples.sort((a, b) => a - b)
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
