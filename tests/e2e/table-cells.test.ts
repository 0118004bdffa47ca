import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { parseBoardFile } from '../../model/export/json'
import { contextWith, joinIn } from '../helpers/e2e'
import { importBoardFile } from '../helpers/meeting'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13: table cells never break inside a date or a word (the Maßnahmen table once showed
 * "31.03.2/026"). The Maßnahmen table on the board and the Ergebnis page's tables (Maßnahmen,
 * Rückblick) are rendered in Chromium at 390 px and 1280 px with long owners, long German
 * compounds and every date; each word and each date is measured: its text's client rects must
 * lie on one line, inside its cell.
 */

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  '390 px': { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE' },
  '1280 px': { viewport: { width: 1280, height: 800 }, locale: 'de-DE' },
}

/** Long owners and compounds as a network meeting writes them (each word narrower than a phone). */
const ACTIONS = [
  {
    what: 'Ergebnisse der Präventionskettenarbeit in der nächsten Sitzung des Jugendhilfeausschusses vorstellen',
    who: 'Dr. Maximiliane Schwarzenberg-Leutheusser (Koordinierungsstelle Präventionsketten)',
    until: '2026-03-31',
    link: 'Vernetzung & Strukturen',
  },
  { what: 'Netzwerkkoordinatorinnentreffen organisieren', who: 'Koordinierungsstelle Frühe Hilfen', until: '2026-12-31', done: true },
  { what: 'Datenschutzvereinbarung zwischen Jugendamt und Schulverwaltung abstimmen', who: 'Jugendamtsleitung', until: '2027-01-15' },
]

const e2e = withServerAndBrowser({ ownClient: true })
let board: CreatedBoard

beforeAll(async () => {
  const file = parseBoardFile({
    title: 'Austauschtreffen Präventionsketten',
    date: '2026-03-31',
    zones: { steigen: [{ cluster: 'Vernetzung & Strukturen', votes: 3, notes: ['Gelungene Vernetzungs- und Strukturarbeit'] }] },
    actions: ACTIONS,
  })
  // A follow-up's Rückblick: the previous meeting's actions, marked, with a note.
  const review = ACTIONS.map((a, i) => ({ id: `r${i + 1}`, what: a.what, who: a.who, until: a.until, status: 'laeuft', note: 'Abstimmung mit der Schulverwaltungsamtsleitung läuft noch' }))
  board = await importBoardFile(e2e.server.http, { ...file, review })
})

/**
 * Every word (a run between spaces and hyphens) and every whole date cell of the tables in
 * `selector` that lies on more than one line: a Range over its characters, its client rects'
 * distinct tops. Cells stacked as cards show their column's name by CSS (::before), not text.
 */
function brokenWords(page: Page, selector: string, dateColumn: number): Promise<{ tables: number; words: number; broken: string[] }> {
  return page.evaluate(
    ([selector, dateColumn]) => {
      const lines = (range: Range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
      const broken: string[] = []
      let words = 0
      const tables = [...document.querySelectorAll<HTMLTableElement>(selector)]
      for (const cell of tables.flatMap((t) => [...t.querySelectorAll<HTMLTableCellElement>('tbody td')])) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? ''
          for (const match of text.matchAll(/[^\s-]+/g)) {
            const range = document.createRange()
            range.setStart(node, match.index)
            range.setEnd(node, match.index + match[0].length)
            words++
            if (lines(range) > 1) broken.push(`word „${match[0]}“`)
            // Not broken because it runs out of its cell instead.
            const box = cell.getBoundingClientRect()
            if ([...range.getClientRects()].some((r) => r.left < box.left - 1 || r.right > box.right + 1)) broken.push(`word „${match[0]}“ out of its cell`)
          }
        }
        // The date as a whole (its text, without the boxes of the elements around it).
        const date = cell.cellIndex === dateColumn ? document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode() : null
        if (date?.textContent?.trim()) {
          const range = document.createRange()
          range.selectNodeContents(date)
          if (lines(range) > 1) broken.push(`date „${date.textContent}“`)
        }
      }
      return { tables: tables.length, words, broken }
    },
    [selector, dateColumn] as const,
  )
}

describe('table cells', () => {
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it(`break neither a date nor a word at ${name}: Maßnahmen on the board, Maßnahmen and Rückblick on the Ergebnis page`, async () => {
      const page = await joinIn(await contextWith(e2e.browser, { introDone: true }, options), board.moderatorUrl, 'Moderation')
      await page.getByRole('table', { name: 'Vereinbarte Maßnahmen' }).getByText('Jugendamtsleitung').waitFor()
      const onBoard = await brokenWords(page, '.actions-table', 2)
      expect(onBoard.tables).toBe(1)
      expect(onBoard.words).toBeGreaterThan(30)
      expect(onBoard.broken, `board at ${name}`).toEqual([])

      await page.getByRole('link', { name: 'Ergebnis' }).click()
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.locator('.report-table').nth(1).waitFor()
      const report = await brokenWords(page, '.report-table', 2)
      expect(report.tables).toBe(2)
      expect(report.broken, `Ergebnis at ${name}`).toEqual([])
      await page.context().close()
    })
  }
})
