import { afterAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { joinIn, noteItem, writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Reflow (WCAG 1.4.10): a 320 px wide phone, and 1280 × 800 at 400 % zoom (the same 320 CSS
 * px, 200 high, four device pixels each). No horizontal scrolling, no control cut off at the
 * sides, and every zone's note box reachable and usable, in every page and phase that matters.
 */

const e2e = withServerAndBrowser({ ownClient: true })
const rows: string[] = []

const VIEWPORTS: Record<string, BrowserContextOptions> = {
  'Telefon 320 px': { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  '1280 px bei 400 %': { viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 },
}

afterAll(async () => {
  console.log(['Reflow: page | viewport | scrollWidth/innerWidth | controls inside the viewport', ...rows].join('\n'))
})

/**
 * What does not reflow: horizontal scrolling of the page, and visible controls that reach past
 * the left or right edge. A control inside its own horizontally scrolling box (a data table
 * may scroll, WCAG 1.4.10 allows it) is reachable and not counted as cut off.
 */
async function reflowProblems(page: Page, name: string, viewport: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = window.innerWidth
    const problems: string[] = []
    const scrollWidth = document.documentElement.scrollWidth
    if (scrollWidth > width) problems.push(`horizontal scrolling: scrollWidth ${scrollWidth} > innerWidth ${width}`)
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]), [role="button"]')]
    let checked = 0
    for (const el of controls) {
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      if (style.visibility === 'hidden' || rect.width <= 1 || rect.height <= 1) continue
      let scroller: Element | null = el.parentElement
      while (scroller && !(['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX) && scroller.scrollWidth > scroller.clientWidth)) scroller = scroller.parentElement
      if (scroller && scroller !== document.documentElement && scroller !== document.body) continue
      checked++
      if (rect.left < -1 || rect.right > width + 1) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
        problems.push(`cut off: <${el.tagName.toLowerCase()}> „${label}“ spans ${Math.round(rect.left)}…${Math.round(rect.right)} px of ${width}`)
      }
    }
    return { problems, scrollWidth, width, checked }
  })
  rows.push(`${name} | ${viewport} | ${found.scrollWidth}/${found.width} | ${found.checked - found.problems.filter((p) => p.startsWith('cut')).length}/${found.checked}`)
  return found.problems.map((p) => `${name} (${viewport}): ${p}`)
}

/** Each zone's note box can be scrolled to, lies inside the viewport, is wide enough, and adds a note. */
async function zonesUsable(page: Page, text: string): Promise<string[]> {
  const problems: string[] = []
  const width = page.viewportSize()!.width
  for (const title of [/Steigen/, /Unten halten/, /Einheizen/]) {
    const box = zone(page, title).getByRole('textbox', { name: /Notiz/ })
    await box.scrollIntoViewIfNeeded()
    const rect = await box.boundingBox()
    if (!rect || rect.x < 0 || rect.x + rect.width > width || rect.width < width / 2)
      problems.push(
        rect
          ? `note box of ${title.source}: ${Math.round(rect.width)} px wide (${Math.round(rect.x)}…${Math.round(rect.x + rect.width)} px) in ${width} px, needs half the width and to lie inside`
          : `note box of ${title.source}: not shown`,
      )
    await writeNote(page, title, `${text} ${title.source}`)
    await noteItem(page, title, `${text} ${title.source}`).waitFor()
  }
  return problems
}

describe('320 px and 400 % zoom', () => {
  it('reflows the landing page, joining, the board in Sammeln, Clustern, Abstimmen and Maßnahmen, the Teilnehmen dialog and the report', async () => {
    const board = await createBoard(e2e.server, { title: 'Reflexion unterwegs', settings: { privateWriting: false } })
    const problems: string[] = []
    const entries = Object.entries(VIEWPORTS)
    const pages: { page: Page; viewport: string; moderator: boolean }[] = []
    for (const [i, [viewport, options]] of entries.entries()) {
      const context = await e2e.browser.newContext(options)
      const page = await context.newPage()
      await page.goto(e2e.server.http)
      await page.getByRole('heading', { level: 1 }).waitFor()
      problems.push(...(await reflowProblems(page, 'Startseite', viewport)))
      await page.goto(i === 0 ? board.moderatorUrl : board.participantUrl)
      await page.getByRole('button', { name: 'Beitreten' }).waitFor()
      problems.push(...(await reflowProblems(page, 'Beitreten', viewport)))
      await page.close()
      pages.push({ page: await joinIn(context, i === 0 ? board.moderatorUrl : board.participantUrl, i === 0 ? 'Moderation' : 'Gast'), viewport, moderator: i === 0 })
    }
    const mod = pages[0]!.page
    const guest = pages[1]!.page

    async function checkAll(name: string): Promise<void> {
      for (const { page, viewport } of pages) problems.push(...(await reflowProblems(page, name, viewport)))
    }
    async function toPhase(phase: string): Promise<void> {
      await mod.getByRole('button', { name: phase, exact: true }).click()
      for (const { page } of pages) await page.locator('[aria-current="step"]').filter({ hasText: phase }).waitFor()
    }

    for (const { page, viewport } of pages) problems.push(...(await zonesUsable(page, viewport)).map((p) => `Sammeln (${viewport}): ${p}`))
    await noteItem(mod, /Steigen/, '1280 px bei 400 % Steigen').waitFor()
    await checkAll('Board Sammeln')

    await toPhase('Clustern')
    await mod.getByRole('button', { name: 'Aktionen zur Notiz: Telefon 320 px Steigen' }).click()
    await mod.getByRole('menuitem', { name: /In Cluster verschieben/ }).click()
    await mod.getByRole('menuitem', { name: 'Neuer Cluster mit „1280 px bei 400 % Steigen“' }).click()
    await zone(guest, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ }).waitFor()
    await checkAll('Board Clustern')

    await toPhase('Abstimmen')
    await guest.getByRole('button', { name: 'Stimme geben: Unbenannter Cluster' }).click()
    await guest.getByText('Noch 4 von 5 Stimmen').waitFor()
    await checkAll('Board Abstimmen')

    await mod.getByRole('button', { name: 'Abstimmung beenden' }).click()
    await toPhase('Maßnahmen')
    await mod.getByRole('textbox', { name: 'Was' }).fill('Ergebnisse im Netzwerk teilen')
    await mod.getByRole('textbox', { name: 'Wer' }).fill('Koordination')
    await mod.getByRole('button', { name: 'Maßnahme hinzufügen' }).click()
    await guest.getByText('Ergebnisse im Netzwerk teilen', { exact: true }).first().waitFor()
    await checkAll('Board Maßnahmen')

    // The moderator's "Teilnehmen" dialog (code, link, QR) on the small screens too.
    await mod.getByRole('button', { name: 'Teilnehmen', exact: true }).click()
    await mod.getByRole('dialog').getByRole('img', { name: /QR-Code/ }).waitFor()
    problems.push(...(await reflowProblems(mod, 'Teilnehmen-Dialog', pages[0]!.viewport)))
    await mod.keyboard.press('Escape')
    await mod.getByRole('dialog').waitFor({ state: 'hidden' })

    for (const { page } of pages) {
      await page.getByRole('link', { name: 'Ergebnis' }).click()
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.getByText('Ergebnisse im Netzwerk teilen').first().waitFor()
    }
    await checkAll('Ergebnis')
    expect(problems).toEqual([])
  }, 90_000)
})
