import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import type { TestClient } from '../helpers/clients'
import { contextWith, joinIn, zone } from '../helpers/e2e'
import { bigBoardFile, crowd, importBoardFile, screensForNotes, toPhase } from '../helpers/meeting'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13 at its real size: 26 people present and 125 notes. The first screen shows notes
 * (desktop 1280 × 800 and phone 390 × 844, on the first visit with the introduction), and the
 * 125 notes fit in at most four screens at 1280 × 800. Prints the figures; pictures go to
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1, else to test-results/.
 */

const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots'
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

const e2e = withServerAndBrowser({ ownClient: true })
let board: CreatedBoard
let people: TestClient[] = []

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  board = await importBoardFile(e2e.server.http, bigBoardFile(125))
  people = await crowd(e2e.server.ws, board.boardId, 24)
})

afterAll(() => {
  for (const person of people) person.destroy()
})

/** Where the first zone and its first note start on the first screen (y in CSS pixels). */
async function firstScreen(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0))
  const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity
  return { zone: await top('main section.zone'), note: await top('main li.note'), height: page.viewportSize()!.height }
}

describe('the first screen and 125 notes', () => {
  it('starts the zones on the first screen of a first visit, desktop and phone; notes once the introduction folded away', async () => {
    const mod = await joinIn(await contextWith(e2e.browser, {}, DESKTOP), board.moderatorUrl, 'Moderation')
    await toPhase(mod, 'Aufdecken')
    const phone = await joinIn(await contextWith(e2e.browser, {}, PHONE), board.participantUrl, 'Gül Hahn')
    for (const [page, name] of [
      [mod, 'first-screen-after-desktop'],
      [phone, 'first-screen-after-phone'],
    ] as const) {
      await zone(page, /Steigen/).getByRole('listitem').first().waitFor()
      const at = await firstScreen(page)
      console.log(`${name}: first zone at y = ${Math.round(at.zone)}, first note at y = ${Math.round(at.note)} of ${at.height}`)
      writeFileSync(join(OUT, `${name}.png`), await page.screenshot({ animations: 'disabled', caret: 'hide' }))
      // The zone's title line is on the screen.
      expect.soft(at.zone, name).toBeLessThan(at.height - 60)
    }
    // The desktop opened the introduction by itself, the phone did not (its first screen is the board).
    await mod.getByRole('heading', { name: 'Kurze Einführung' }).waitFor()
    expect(await phone.getByRole('heading', { name: 'Kurze Einführung' }).count()).toBe(0)
    await mod.getByRole('button', { name: 'Überspringen' }).click()
    await mod.getByRole('button', { name: 'Einführung' }).waitFor()
    const folded = await firstScreen(mod)
    console.log(`first-screen-desktop, introduction folded: first note at y = ${Math.round(folded.note)} of ${folded.height}`)
    expect.soft(folded.note, 'desktop, introduction folded').toBeLessThan(folded.height - 60)
    // Whoever wants it again opens it from the header.
    await mod.getByRole('button', { name: 'Einführung' }).click()
    await mod.getByRole('heading', { name: 'Kurze Einführung' }).waitFor()
  }, 60_000)

  it('fits 125 notes in at most four screens at 1280 × 800 (Clustern, moderator)', async () => {
    const mod = await joinIn(await contextWith(e2e.browser, { introDone: true }, DESKTOP), board.moderatorUrl, 'Moderation')
    await toPhase(mod, 'Clustern')
    await zone(mod, /Einheizen/).getByRole('listitem').nth(40).waitFor()
    const measured = await screensForNotes(mod)
    console.log(`125 notes at 1280×800: ${measured.notes} notes in ${measured.screens} screens`)
    expect(measured.notes).toBe(125)
    expect(measured.screens).toBeLessThanOrEqual(4)
  }, 60_000)
})
