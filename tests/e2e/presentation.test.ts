import { describe, expect, it } from 'vitest'
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { expectNoAxeViolationsInThemes } from '../helpers/axe'
import { contextWith, importFixtureBoard, joinIn } from '../helpers/e2e'
import { bigBoardFile, importBoardFile } from '../helpers/meeting'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13's shared screen in Chromium: the moderator pages the Präsentation through the notes
 * from the bar (Aufdecken, Clustern), the overview fits at 1280 × 720 with the Steighöhe in words,
 * the Präsentation tab is no second person; the timer sits in the bar; Besprechen moves every
 * follower and the Präsentation, and an action added there is linked to the item.
 */

const e2e = withServerAndBrowser({ ownClient: true })
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } }
const SHARED_SCREEN = { width: 1280, height: 720 }

async function open(options: BrowserContextOptions = DESKTOP): Promise<BrowserContext> {
  return contextWith(e2e.browser, { introDone: true }, options)
}

/** The moderator's Präsentation: a second tab of the moderator's browser, at the shared screen's size. */
async function presentation(context: BrowserContext, boardId: string): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize(SHARED_SCREEN)
  await page.goto(`${e2e.server.http}/b/${boardId}/praesentation`)
  await page.getByRole('main', { name: 'Präsentation' }).waitFor()
  return page
}

/** Moves to `phase` with the bar's phase button, confirming where the bar asks first. */
async function toPhase(mod: Page, phase: string): Promise<void> {
  await mod.getByRole('button', { name: phase, exact: true }).click()
  const current = mod.locator('[aria-current="step"]').filter({ hasText: phase })
  const confirm = mod.getByRole('button', { name: `Weiter zu ${phase}` })
  await current.or(confirm).first().waitFor()
  if (await confirm.isVisible()) await confirm.click()
  await current.waitFor()
}

/** Whether the element lies wholly inside the page's viewport (as it is scrolled now). */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()!
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
}

const pageHeading = (show: Page) => show.getByRole('heading', { level: 2, name: /– Seite \d+ von \d+/ })
const cards = (show: Page) => show.getByRole('list', { name: 'Notizen auf dieser Seite' }).getByRole('listitem')

describe('the Präsentation', () => {
  it('pages the notes zone by zone from the bar, fits the overview at 1280×720, says the Steighöhe in words and is no second person', async () => {
    // 20 notes: Steigen 7, Unten halten 7, Einheizen 6, so Steigen and Unten halten take two pages of six.
    const board = await importBoardFile(e2e.server.http, bigBoardFile(20))
    const modContext = await open()
    const mod = await joinIn(modContext, board.moderatorUrl, 'Moderation')
    const anna = await joinIn(await open(), board.participantUrl, 'Anna Berg')
    const show = await presentation(modContext, board.boardId)
    await toPhase(mod, 'Aufdecken')

    // The overview: all three zones and the balloon on the one screen, the Steighöhe in words, no idle box.
    for (const title of ['Steigen', 'Unten halten', 'Einheizen']) {
      const region = show.getByRole('region', { name: title, exact: true })
      await region.waitFor()
      expect(await onScreen(show, region), `${title} on the 1280×720 screen`).toBe(true)
    }
    const lift = show.getByText('Steighöhe: steht nach dem Ende der Abstimmung fest.')
    expect(await onScreen(show, lift)).toBe(true)
    expect(await show.getByText(/hebt gerade nichts hervor/).count()).toBe(0)

    // Two people, however many tabs the moderator has open (the Präsentation is a second tab).
    for (const page of [mod, anna]) await expect.poll(() => page.getByRole('button', { name: /anwesend/ }).textContent()).toMatch(/^\D*2 anwesend$/)
    await show.waitForTimeout(1500)
    for (const page of [mod, anna]) expect(await page.getByRole('button', { name: /anwesend/ }).textContent()).toMatch(/^\D*2 anwesend$/)

    // The moderator pages from the bar; the screen follows, six notes in large type, then the rest.
    const bar = mod.getByRole('group', { name: 'Präsentation blättern' })
    await bar.getByText('Präsentation: Übersicht').waitFor()
    expect(await anna.getByRole('group', { name: 'Präsentation blättern' }).count()).toBe(0)
    await bar.getByRole('button', { name: 'Nächste Seite' }).click()
    await pageHeading(show).filter({ hasText: 'Steigen – Seite 1 von 2' }).waitFor()
    await bar.getByText('Präsentation: Steigen 1/2').waitFor()
    expect(await cards(show).count()).toBe(6)
    for (const card of await cards(show).all()) expect(await onScreen(show, card)).toBe(true)
    const size = await cards(show).first().locator('.presentation__card-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size, 'note text in large type (px)').toBeGreaterThanOrEqual(24)
    await expectNoAxeViolationsInThemes(show, 'Präsentation, a page of notes')

    await bar.getByRole('button', { name: 'Nächste Seite' }).click()
    await pageHeading(show).filter({ hasText: 'Steigen – Seite 2 von 2' }).waitFor()
    expect(await cards(show).allTextContents()).toHaveLength(1)
    await bar.getByRole('button', { name: 'Nächste Seite' }).click()
    await pageHeading(show).filter({ hasText: 'Unten halten – Seite 1 von 2' }).waitFor()
    await bar.getByRole('button', { name: 'Vorige Seite' }).click()
    await pageHeading(show).filter({ hasText: 'Steigen – Seite 2 von 2' }).waitFor()

    // Clustern keeps the page; each note says its cluster once it is in one.
    await toPhase(mod, 'Clustern')
    await pageHeading(show).filter({ hasText: 'Steigen – Seite 2 von 2' }).waitFor()
    await bar.getByRole('button', { name: 'Zur Übersicht' }).click()
    await show.getByRole('region', { name: 'Einheizen', exact: true }).waitFor()
    expect(await pageHeading(show).count()).toBe(0)
    await expectNoAxeViolationsInThemes(show, 'Präsentation, overview')
    await expectNoAxeViolationsInThemes(mod, 'board with the Präsentation and timer in the bar (moderator)')
    await modContext.close()
    await anna.context().close()
  }, 180_000)

  it('keeps the timer in the bar: the moderator starts it there by keyboard, participants and the Präsentation see the time left', async () => {
    const board = await importBoardFile(e2e.server.http, bigBoardFile(6))
    const modContext = await open()
    const mod = await joinIn(modContext, board.moderatorUrl, 'Moderation')
    const anna = await joinIn(await open(), board.participantUrl, 'Anna Berg')
    const show = await presentation(modContext, board.boardId)
    const minutes = mod.locator('.phase-bar').getByRole('textbox', { name: 'Minuten' })
    await minutes.fill('3')
    await minutes.press('Enter')
    // The start button gave way to the running controls: the keyboard is on "Pause".
    await expect.poll(() => mod.evaluate(() => document.activeElement?.textContent)).toBe('Pause')
    for (const page of [mod, anna]) await page.locator('.phase-bar').getByRole('timer', { name: 'Verbleibende Zeit' }).waitFor()
    expect(await anna.locator('.phase-bar').getByRole('timer').textContent()).toMatch(/^0[23]:\d\d$/)
    await show.getByRole('timer').waitFor()
    // No announcement every second: the timer role is not live, and the live region stays quiet while it runs.
    expect(await anna.getByRole('timer').getAttribute('aria-live')).toBeNull()
    expect(await anna.locator('[data-testid="announcer"]').textContent()).not.toMatch(/\d\d:\d\d/)
    await expectNoAxeViolationsInThemes(anna, 'board with the timer in the bar (participant)')
    await mod.keyboard.press('Enter')
    await mod.locator('.phase-bar').getByText('pausiert').waitFor()
    await anna.locator('.phase-bar').getByText('pausiert').waitFor()
    await modContext.close()
    await anna.context().close()
  }, 120_000)
})

describe('Besprechen', () => {
  it('moves every follower and the Präsentation through the top-voted clusters, and links an action added there', async () => {
    // The example: clusters with votes, phase Abschluss. Ressourcen (8) comes first, then Vernetzung & Strukturen (7).
    const board = await importFixtureBoard(e2e.server.http)
    const modContext = await open()
    const mod = await joinIn(modContext, board.moderatorUrl, 'Moderation')
    const followers = [await joinIn(await open(), board.participantUrl, 'Anna Berg'), await joinIn(await open(), board.participantUrl, 'Ben Kraus')]
    for (const page of followers) {
      const follow = page.getByRole('button', { name: 'Folgen' })
      await follow.click()
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true')
    }
    const show = await presentation(modContext, board.boardId)
    await toPhase(mod, 'Maßnahmen')
    await mod.getByRole('button', { name: /^Besprechen starten/ }).click()

    const items: [number, string, string[]][] = [
      [1, 'Ressourcen', ['Fehlende finanzielle Ressourcen', 'Verschärfte Haushaltslagen in den Kommunen', 'Fehlende zeitliche Ressourcen der Netzwerkpartner*innen']],
      [2, 'Vernetzung & Strukturen', ['Gelungene Vernetzungs- und Strukturarbeit', 'Abbau von Doppelstrukturen durch die Präventionsketten', '„Wir konnten an bestehende Netzwerke andocken und diese ausbauen“']],
    ]
    for (const [n, title, texts] of items) {
      if (n > 1) await mod.getByRole('button', { name: 'Nächster Punkt' }).click()
      for (const page of [mod, ...followers, show]) {
        const region = page.getByRole('region', { name: `Besprechen: Punkt ${n} von 8` })
        await region.waitFor()
        await region.getByText(title, { exact: true }).first().waitFor()
        // The cluster's notes, all of them and only them.
        const notes = region.getByRole('list', { name: `Notizen zu „${title}“` }).getByRole('listitem')
        await expect.poll(() => notes.allTextContents()).toEqual(texts)
        // Followers and the shared screen are taken there: the item is on their screen.
        if (page !== mod) await expect.poll(() => onScreen(page, region.getByRole('heading', { level: 2 }))).toBe(true)
      }
    }
    await expectNoAxeViolationsInThemes(show, 'Präsentation, Besprechen')
    await expectNoAxeViolationsInThemes(followers[0]!, 'board in Besprechen (follower)')

    // An action added right there is linked to the item under discussion, for everyone.
    const discussed = mod.getByRole('region', { name: 'Besprechen: Punkt 2 von 8' })
    await discussed.getByRole('textbox', { name: 'Was' }).fill('Steuerungsgruppe zur Verstetigung einberufen')
    await discussed.getByRole('button', { name: 'Maßnahme hinzufügen' }).click()
    for (const page of [mod, ...followers]) {
      const linked = page.getByRole('region', { name: 'Besprechen: Punkt 2 von 8' }).getByRole('list', { name: 'Maßnahmen zu diesem Punkt' })
      await linked.getByText('Steuerungsgruppe zur Verstetigung einberufen').waitFor()
      const row = page.getByRole('row').filter({ hasText: 'Steuerungsgruppe zur Verstetigung einberufen' })
      await row.getByText('Cluster „Vernetzung & Strukturen“').waitFor()
    }
    await modContext.close()
    for (const page of followers) await page.context().close()
  }, 180_000)
})
