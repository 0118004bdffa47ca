import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { contextWith, importFixtureBoard, joinIn, noteItem, writeNote, zone } from '../helpers/e2e'
import type { Theme } from '../helpers/e2e'
import { decodePng } from '../helpers/png'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * The README's pictures, taken in Chromium: the landing page, a board in each phase on a
 * desktop (1280 × 800) and a phone (390 × 844), the report, the presentation and one dark
 * board. Written to docs/screenshots/ with UPDATE_SCREENSHOTS=1, else to test-results/.
 * Each picture must have the viewport's size and show a picture, not an empty page.
 */

const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots'
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

const e2e = withServerAndBrowser({ ownClient: true })
const written: string[] = []

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
})

afterAll(async () => {
  console.log([`Screenshots in ${OUT}/:`, ...written].join('\n'))
})

/** A page in the given theme, introduction already seen (the pictures show the board itself). */
async function open(options: BrowserContextOptions, theme: Theme = 'light') {
  return contextWith(e2e.browser, { theme, introDone: true }, options)
}

/** Scrolls so that `anchor` is near the top (or to the top of the page without one). */
async function scrollTo(page: Page, anchor: Locator | null): Promise<void> {
  if (anchor) await anchor.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12))
  else await page.evaluate(() => window.scrollTo(0, 0))
}

/**
 * Takes the picture and checks it: the viewport's size, and not blank (many colours, no
 * single colour covering 97 % or more).
 */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.mouse.move(0, 0)
  const bytes = await page.screenshot({ animations: 'disabled', caret: 'hide' })
  const image = decodePng(bytes)
  const size = page.viewportSize()!
  expect([image.width, image.height], name).toEqual([size.width, size.height])
  const counts = new Map<number, number>()
  for (let i = 0; i < image.data.length; i += 4) {
    const key = ((image.data[i]! >> 4) << 8) | ((image.data[i + 1]! >> 4) << 4) | (image.data[i + 2]! >> 4)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const pixels = image.width * image.height
  const top = Math.max(...counts.values())
  expect(counts.size, `${name}: colours`).toBeGreaterThan(40)
  expect(top / pixels, `${name}: share of the commonest colour`).toBeLessThan(0.97)
  writeFileSync(join(OUT, `${name}.png`), bytes)
  written.push(`${name}.png  ${image.width}×${image.height}  ${Math.round(bytes.length / 1024)} KB  ${counts.size} colours, commonest ${Math.round((top / pixels) * 100)} %`)
}

async function toPhase(mod: Page, others: readonly Page[], phase: string): Promise<void> {
  await mod.getByRole('button', { name: phase, exact: true }).click()
  // Leaving an open vote, or going back before a counted one, asks first.
  const current = (page: Page) => page.locator('[aria-current="step"]').filter({ hasText: phase })
  const confirm = mod.getByRole('button', { name: `Weiter zu ${phase}` })
  await current(mod).or(confirm).first().waitFor()
  if (await confirm.isVisible()) await confirm.click()
  for (const page of [mod, ...others]) await current(page).waitFor()
}

/** The page as it opens (not scrolled), with the top of the first zone on it: the first screen shows the board. */
async function shootFirstScreen(page: Page, name: string): Promise<void> {
  await scrollTo(page, null)
  const top = (await page.locator('main section.zone').first().boundingBox())?.y ?? Infinity
  expect(top, `${name}: first zone starts on the first screen`).toBeLessThan(page.viewportSize()!.height - 60)
  await shoot(page, name)
}

describe('screenshots', () => {
  it('takes the landing page, a board in every phase (its first screen) and the report', async () => {
    for (const [options, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await open(options)
      const page = await context.newPage()
      await page.goto(e2e.server.http)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await shoot(page, `landing-${suffix}`)
      await context.close()
    }

    // Sammeln and Aufdecken on a fresh board: private drafts first, then everybody's notes.
    const fresh = await createBoard(e2e.server, { title: 'Teamtreffen Frühjahr', topic: 'Kooperation im Sozialraum' })
    const mod = await joinIn(await open(DESKTOP), fresh.moderatorUrl, 'Moderation')
    const anna = await joinIn(await open(PHONE), fresh.participantUrl, 'Anna')
    await writeNote(mod, /Steigen/, 'Gute Absprachen mit dem Jugendamt')
    await writeNote(mod, /Unten halten/, 'Zu wenig Zeit für Netzwerkarbeit')
    await writeNote(anna, /Steigen/, 'Offene Sprechstunde im Familienzentrum')
    await writeNote(anna, /Unten halten/, 'Personalwechsel bei freien Trägern')
    await writeNote(anna, /Einheizen/, 'Eltern früher beteiligen')
    await zone(mod, /Einheizen/).getByText(/verdeckte Notiz/).waitFor()
    await shootFirstScreen(mod, 'board-1-sammeln-desktop')
    await shootFirstScreen(anna, 'board-1-sammeln-phone')
    await toPhase(mod, [anna], 'Aufdecken')
    await noteItem(mod, /Einheizen/, 'Eltern früher beteiligen').waitFor()
    await shootFirstScreen(mod, 'board-2-aufdecken-desktop')
    await shootFirstScreen(anna, 'board-2-aufdecken-phone')

    // Abstimmen while the vote runs, on the same board.
    await toPhase(mod, [anna], 'Abstimmen')
    await anna.getByRole('button', { name: 'Stimme geben: Offene Sprechstunde im Familienzentrum' }).click()
    await anna.getByRole('button', { name: 'Stimme geben: Eltern früher beteiligen' }).click()
    await anna.getByText('Noch 3 von 5 Stimmen').waitFor()
    await shootFirstScreen(mod, 'board-4-abstimmen-desktop')
    await shootFirstScreen(anna, 'board-4-abstimmen-phone')

    // Clustern and the later phases on the example board (clusters, votes and actions of a
    // real meeting).
    const example = await importFixtureBoard(e2e.server.http)
    const host = await joinIn(await open(DESKTOP), example.moderatorUrl, 'Moderation')
    const guest = await joinIn(await open(PHONE), example.participantUrl, 'Gast')
    await toPhase(host, [guest], 'Clustern')
    await shootFirstScreen(host, 'board-3-clustern-desktop')
    await shootFirstScreen(guest, 'board-3-clustern-phone')

    await toPhase(host, [guest], 'Maßnahmen')
    const actions = (page: Page) => page.getByRole('heading', { name: 'Maßnahmen', exact: true })
    await scrollTo(host, actions(host))
    await shoot(host, 'board-5-massnahmen-desktop')
    await scrollTo(guest, actions(guest))
    await shoot(guest, 'board-5-massnahmen-phone')

    await toPhase(host, [guest], 'Abschluss')
    await guest.getByText('Das Board ist schreibgeschützt.').waitFor()
    await scrollTo(host, null)
    await shoot(host, 'board-6-abschluss-desktop')
    await scrollTo(guest, null)
    await shoot(guest, 'board-6-abschluss-phone')

    for (const [page, suffix] of [
      [host, 'desktop'],
      [guest, 'phone'],
    ] as const) {
      await page.getByRole('link', { name: 'Ergebnis' }).click()
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.getByRole('img', { name: /Heißluftballon/ }).first().waitFor()
      await scrollTo(page, null)
      await shoot(page, `report-${suffix}`)
    }

    const dark = await joinIn(await open(DESKTOP, 'dark'), example.moderatorUrl, 'Moderation')
    await toPhase(dark, [], 'Clustern')
    await scrollTo(dark, zone(dark, /Steigen/))
    await shoot(dark, 'board-dark-clustern-desktop')
    expect(written).toHaveLength(17)
  }, 90_000)

  it('takes the Präsentation at 1280 × 720: the overview after the vote and a page of notes in Clustern', async () => {
    const example = await importFixtureBoard(e2e.server.http)
    const host = await joinIn(await open(DESKTOP), example.moderatorUrl, 'Moderation')
    // The Präsentation on a shared screen of 1280 × 720, in a second tab of the moderator: the
    // overview after the vote, then a page of notes the moderator turned to in Clustern.
    const show = await host.context().newPage()
    await show.setViewportSize({ width: 1280, height: 720 })
    await show.goto(`${e2e.server.http}/b/${example.boardId}/praesentation`)
    await show.getByText('Vernetzung & Strukturen').first().waitFor()
    await show.getByText(/^Steighöhe: der Ballon/).waitFor()
    await shoot(show, 'presentation-desktop')
    await toPhase(host, [], 'Clustern')
    await host.getByRole('button', { name: 'Nächste Seite' }).click()
    await show.getByRole('heading', { name: /^Steigen – Seite 1 von / }).waitFor()
    await shoot(show, 'presentation-page-desktop')
    expect(written.filter((line) => line.startsWith('presentation'))).toHaveLength(2)
  }, 90_000)
})
