import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { expectNoAxeViolationsInThemes } from '../helpers/axe'
import { contextWith, joinIn, zone } from '../helpers/e2e'
import { bigBoardFile, importBoardFile, toPhase } from '../helpers/meeting'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13: on a phone (390 × 844) the bar for the selected notes is pinned at the window's
 * bottom: after three notes are ticked it is on the screen without scrolling, above the
 * moderator's own bottom bar (or a participant's votes left) and not over either; a note the
 * browser scrolls to stays clear of both; grouping works from it with a tap where it is.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE' }
const NOTES = 36

const e2e = withServerAndBrowser({ ownClient: true })
let board: CreatedBoard

beforeAll(async () => {
  board = await importBoardFile(e2e.server.http, { ...bigBoardFile(NOTES), settings: { participantsCluster: true } })
})

interface Rect {
  readonly top: number
  readonly bottom: number
}

/** Where the selection bar and what is fixed below it (the moderator's bar or the votes left) are on the screen. */
function bars(page: Page): Promise<{ selection: Rect | null; below: Rect | null; height: number }> {
  return page.evaluate(() => {
    const rect = (selector: string) => {
      const el = document.querySelector(selector)
      const r = el?.getBoundingClientRect()
      if (!el || !r || r.height === 0 || getComputedStyle(el).position !== 'fixed') return null
      return { top: r.top, bottom: r.bottom }
    }
    return { selection: rect('.selection-bar'), below: rect('.phase-bar--moderator') ?? rect('.votes-left'), height: innerHeight }
  })
}

/** Ticks the boxes of the first `count` notes of Einheizen (the zone furthest down); returns their texts as named. */
async function selectNotes(page: Page, count: number): Promise<string[]> {
  const boxes = zone(page, /Einheizen/).getByRole('checkbox', { name: /^Notiz auswählen: / })
  const texts: string[] = []
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i)
    await box.tap()
    texts.push((await box.getAttribute('aria-label'))!.replace('Notiz auswählen: ', ''))
  }
  return texts
}

/** The bar is wholly on the screen, directly on what is fixed below it (or on the window's bottom). */
async function expectPinned(page: Page, where: string): Promise<Rect> {
  const { selection, below, height } = await bars(page)
  expect(selection, `selection bar fixed (${where})`).not.toBeNull()
  expect(selection!.top, `selection bar on the screen (${where})`).toBeGreaterThanOrEqual(0)
  expect(Math.abs(selection!.bottom - (below?.top ?? height)), `selection bar on what is below it (${where})`).toBeLessThanOrEqual(1)
  return selection!
}

/** A note scrolled into view (as the browser does for a focused note) ends above the selection bar. */
async function expectNoteClear(page: Page, note: Locator, bar: Rect): Promise<void> {
  await note.evaluate((el) => el.scrollIntoView({ block: 'end' }))
  const box = (await note.boundingBox())!
  expect(box.y + box.height, 'note clear of the bars').toBeLessThanOrEqual(bar.top + 1)
}

/** Taps a button of the selection bar where it is on the screen (a locator's tap would scroll first). */
async function tapInBar(page: Page, name: string): Promise<void> {
  const box = (await page.locator('.selection-bar').getByRole('button', { name, exact: true }).boundingBox())!
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

/** The cluster with exactly these notes appears in Einheizen. */
async function expectGrouped(page: Page, texts: readonly string[]): Promise<void> {
  const cluster = zone(page, /Einheizen/).getByRole('list', { name: /^Notizen im Cluster/ })
  await cluster.waitFor()
  await expect.poll(() => cluster.getByRole('listitem').allTextContents()).toHaveLength(texts.length)
  const shown = (await cluster.getByRole('listitem').allTextContents()).join(' ')
  for (const text of texts) expect(shown).toContain(text.replace(/…$/, ''))
}

describe('the selection bar on a phone', () => {
  it('is pinned above the moderator’s bottom bar in Clustern, announces the count, groups with a tap, axe-clean in every theme', async () => {
    const mod = await joinIn(await contextWith(e2e.browser, { introDone: true }, PHONE), board.moderatorUrl, 'Moderation')
    await toPhase(mod, 'Clustern')
    const texts = await selectNotes(mod, 3)
    await mod.getByRole('status').filter({ hasText: /^3 Notizen ausgewählt$/ }).waitFor()
    const scrolled = await mod.evaluate(() => window.scrollY)
    const bar = await expectPinned(mod, 'moderator, Clustern')
    expect(await mod.evaluate(() => window.scrollY), 'no scrolling to find it').toBe(scrolled)
    await expectNoteClear(mod, zone(mod, /Unten halten/).getByRole('listitem').nth(4), bar)
    await expectNoAxeViolationsInThemes(mod, 'selection bar on a phone, moderator')
    // The page's end leaves room for both bars: the last note comes out above them.
    await mod.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const last = (await zone(mod, /Einheizen/).getByRole('listitem').last().boundingBox())!
    expect(last.y + last.height).toBeLessThanOrEqual((await expectPinned(mod, 'scrolled to the end')).top + 1)
    await tapInBar(mod, 'Gruppieren')
    await expectGrouped(mod, texts)
    expect((await bars(mod)).selection, 'the bar goes once the notes are grouped').toBeNull()
  })

  it('is pinned above a participant’s votes left in Abstimmen and is let go with „Auswahl aufheben“', async () => {
    const mod = await joinIn(await contextWith(e2e.browser, { introDone: true }, PHONE), board.moderatorUrl, 'Moderation')
    await toPhase(mod, 'Abstimmen')
    const anna = await joinIn(await contextWith(e2e.browser, { introDone: true }, PHONE), board.participantUrl, 'Anna Berg')
    await anna.getByText(/^Noch \d+ von \d+ Stimmen$/).waitFor()
    await selectNotes(anna, 2)
    await anna.getByRole('status').filter({ hasText: /^2 Notizen ausgewählt$/ }).waitFor()
    const bar = await expectPinned(anna, 'participant, Abstimmen')
    await expectNoteClear(anna, zone(anna, /Unten halten/).getByRole('listitem').nth(4), bar)
    await expectNoAxeViolationsInThemes(anna, 'selection bar on a phone, participant voting')
    await tapInBar(anna, 'Auswahl aufheben')
    await expect.poll(async () => (await bars(anna)).selection).toBeNull()
    expect(await zone(anna, /Einheizen/).getByRole('checkbox', { checked: true }).count()).toBe(0)
  })
})
