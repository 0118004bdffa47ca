import type { Browser } from 'playwright-core'
import { joinAs, zone } from '../../tests/helpers/e2e'
import { createBoard } from '../../tests/helpers/server'
import type { TestServer } from '../../tests/helpers/server'

/**
 * Enter in one browser -> the note visible in another, `count` times, in milliseconds. Both
 * pages share the machine's clock (performance.timeOrigin + now), so the two timestamps compare
 * directly. A writer (moderator) and a reader (participant) in their own contexts on a fresh
 * open board.
 */
export async function enterToVisible(browser: Browser, server: TestServer, count: number): Promise<number[]> {
  const board = await createBoard(server, { title: 'Latenz', settings: { privateWriting: false } })
  const writer = await joinAs(browser, board.moderatorUrl, 'Schreiberin')
  const reader = await joinAs(browser, board.participantUrl, 'Leser')
  try {
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
    return samples
  } finally {
    await writer.context.close()
    await reader.context.close()
  }
}
