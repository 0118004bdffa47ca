import { describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { axeViolations } from '../helpers/axe'
import { contextWith, importFixtureBoard, joinOn } from '../helpers/e2e'
import type { Theme } from '../helpers/e2e'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// The look in real Chromium: contrast per theme (axe-core), reflow at 320 px, reduced motion.

const THEMES = ['light', 'dark', 'contrast'] as const
const PHASES = ['Sammeln', 'Aufdecken', 'Clustern', 'Abstimmen', 'Maßnahmen', 'Abschluss'] as const

const e2e = withServerAndBrowser()

/** A page in a fresh context whose stored theme choice is `theme` (the documented localStorage key). */
async function pageWith(theme: Theme | 'system', options: BrowserContextOptions = {}): Promise<Page> {
  return (await contextWith(e2e.browser, { theme }, options)).newPage()
}

/** Moves to a phase; `confirm`: the move asks first (it ends the vote or keeps counted votes). */
async function toPhase(page: Page, phase: string, confirm = false): Promise<void> {
  await page.getByRole('button', { name: phase, exact: true }).click()
  if (confirm) await page.getByRole('alertdialog').getByRole('button', { name: `Weiter zu ${phase}` }).click()
  await page.getByRole('button', { name: phase, exact: true }).and(page.locator('[aria-current="step"]')).waitFor()
}

async function contrastViolations(page: Page): Promise<string[]> {
  const violations = await axeViolations(page)
  return violations.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.target.join(' ')))
}

/** How far the page is wider than the viewport (0 = no horizontal scrolling). */
function overflow(page: Page): Promise<{ scrollWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    // Inside a visually hidden box (1×1 px, clipped: e.g. a stacked table's header row kept
    // for screen readers) nothing shows, so nothing is lost.
    const hidden = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const r = a.getBoundingClientRect()
        if (r.width <= 1 && r.height <= 1 && getComputedStyle(a).overflow !== 'visible') return true
      }
      return false
    }
    // The widest culprits, to say what to fix when this fails.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !hidden(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
    return { scrollWidth: document.documentElement.scrollWidth, wide }
  })
}

/** How a table's first data cell shows: a grid with its column's name in front (alt text "", not read twice) when the rows are stacked. */
function stacked(page: Page, table: string): Promise<{ display: string; label: string }> {
  return page.locator(`${table} td[data-label]`).first().evaluate((td) => ({
    display: getComputedStyle(td).display,
    label: getComputedStyle(td, '::before').content,
  }))
}

function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => (a as CSSAnimation).animationName ?? a.constructor.name),
  )
}

describe('themes', () => {
  it.each(THEMES)('%s: the board with notes, clusters and ended vote, the report, landing and privacy pages have no contrast violation', async (theme) => {
    const board = await importFixtureBoard(e2e.server.http)
    const mod = await pageWith(theme)
    await joinOn(mod, board.moderatorUrl, 'Moderation')
    expect(await mod.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
    // The balloon says the Steighöhe in words: 7 + 4 + 3 votes on Steigen, 8 + 5 on Unten halten.
    await mod.getByRole('img', { name: /Steighöhe: der Ballon steigt \(14 Stimmen für Auftrieb, 13 Stimmen für Ballast\)/ }).waitFor()
    await mod.getByRole('img', { name: /Sandsäcke: Ressourcen, Personal/ }).waitFor()
    await mod.getByRole('cell', { name: 'Erfolge der Präventionskette in der nächsten Ausschusssitzung vorstellen', exact: true }).waitFor()
    expect(await contrastViolations(mod), `${theme}, Abschluss (moderator)`).toEqual([])

    await toPhase(mod, 'Abstimmen')
    expect(await contrastViolations(mod), `${theme}, Abstimmen (moderator)`).toEqual([])
    await mod.getByRole('button', { name: 'Einstellungen' }).click()
    expect(await contrastViolations(mod), `${theme}, settings open`).toEqual([])
    await mod.getByRole('button', { name: 'Einstellungen schließen' }).click()
    // The vote opened again (the imported totals stay, as one more ballot), then leaving it:
    // the bar's vote action and the question before leaving are checked too.
    await mod.getByRole('button', { name: 'Abstimmung wieder öffnen' }).click()
    await mod.getByRole('button', { name: 'Abstimmung beenden' }).waitFor()
    expect(await contrastViolations(mod), `${theme}, vote open again`).toEqual([])
    await mod.getByRole('button', { name: 'Abschluss', exact: true }).click()
    await mod.getByRole('alertdialog', { name: 'Abstimmung beenden?' }).waitFor()
    expect(await contrastViolations(mod), `${theme}, leaving the open vote`).toEqual([])
    await mod.getByRole('button', { name: 'Weiter zu Abschluss' }).click()
    await mod.getByRole('button', { name: 'Abschluss', exact: true }).and(mod.locator('[aria-current="step"]')).waitFor()

    const anna = await pageWith(theme)
    await joinOn(anna, board.participantUrl, 'Anna Berg')
    expect(await contrastViolations(anna), `${theme}, Abschluss (participant)`).toEqual([])
    await anna.context().close()

    await mod.goto(`${e2e.server.http}/`)
    await mod.getByRole('combobox', { name: 'Farbschema' }).waitFor()
    expect(await contrastViolations(mod), `${theme}, landing`).toEqual([])
    for (const path of [`/b/${board.boardId}/ergebnis`, '/datenschutz']) {
      await mod.goto(`${e2e.server.http}${path}`)
      await mod.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await contrastViolations(mod), `${theme}, ${path}`).toEqual([])
    }
    await mod.context().close()
  })

  it('the Farbschema switch changes the theme at once and is remembered after a reload; "system" follows the browser', async () => {
    const context = await e2e.browser.newContext({ colorScheme: 'light' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.http}/`)
    const select = page.getByRole('combobox', { name: 'Farbschema' })
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await select.selectOption({ label: 'Dunkel' })
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundImage)).toContain('rgb(12, 18, 25)')
    await select.selectOption({ label: 'Hoher Kontrast' })
    await page.reload()
    await select.waitFor()
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, localStorage.getItem('ballonfahrt:theme')])).toEqual(['contrast', 'contrast'])
    expect(await select.inputValue()).toBe('contrast')
    await context.close()

    // The stored choice is on <html> in the very first frame (no light flash before the app loads).
    for (const theme of THEMES) {
      const first = await pageWith(theme, { colorScheme: theme === 'light' ? 'dark' : 'light' })
      await first.addInitScript(() => {
        requestAnimationFrame(() => document.documentElement.setAttribute('data-first-frame', document.documentElement.dataset.theme ?? 'none'))
      })
      await first.goto(`${e2e.server.http}/datenschutz`)
      await first.getByRole('heading', { level: 1 }).waitFor()
      expect(await first.evaluate(() => document.documentElement.getAttribute('data-first-frame')), theme).toBe(theme)
      await first.context().close()
    }

    const system = await pageWith('system', { colorScheme: 'dark' })
    await system.goto(`${e2e.server.http}/`)
    expect(await system.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await system.emulateMedia({ forcedColors: 'active' })
    await system.waitForFunction(() => document.documentElement.dataset.theme === 'contrast')
    await system.context().close()
  })
})

describe('reflow at 320 px (1280 px at 400 %)', () => {
  it('no page and no phase of the board needs horizontal scrolling', async () => {
    const board = await importFixtureBoard(e2e.server.http)
    const page = await pageWith('light', { viewport: { width: 320, height: 640 } })
    await joinOn(page, board.moderatorUrl, 'Moderation mit einem langen Namen')
    for (const phase of PHASES) {
      // The example board is past its vote: going back to Sammeln asks first.
      await toPhase(page, phase, phase === 'Sammeln')
      expect(await overflow(page), phase).toEqual({ scrollWidth: 320, wide: [] })
      if (phase === 'Maßnahmen') expect(await stacked(page, '.actions-table')).toEqual({ display: 'grid', label: '"Was" / ""' })
    }
    await page.getByRole('button', { name: 'Einstellungen' }).click()
    expect(await overflow(page), 'settings').toEqual({ scrollWidth: 320, wide: [] })
    await page.getByRole('button', { name: 'Einstellungen schließen' }).click()

    for (const path of [`/b/${board.boardId}/ergebnis`, '/', '/datenschutz']) {
      await page.goto(`${e2e.server.http}${path}`)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await overflow(page), path).toEqual({ scrollWidth: 320, wide: [] })
      if (path.endsWith('/ergebnis')) expect(await stacked(page, '.report-table')).toEqual({ display: 'grid', label: '"Was" / ""' })
    }
    await page.context().close()
  })
})

describe('reduced motion', () => {
  /** A moderator on the demo board whose 1-minute timer has just run out (the page's clock fast-forwarded). */
  async function endedTimer(reducedMotion: 'reduce' | 'no-preference'): Promise<Page> {
    const board = await importFixtureBoard(e2e.server.http)
    const page = await pageWith('light', { reducedMotion })
    await page.clock.install()
    await joinOn(page, board.moderatorUrl, 'Moderation')
    await page.getByRole('img', { name: /Heißluftballon/ }).waitFor()
    await page.getByRole('textbox', { name: 'Minuten' }).fill('1')
    await page.getByRole('button', { name: 'Timer starten' }).click()
    await page.getByRole('button', { name: 'Timer stoppen' }).waitFor()
    await page.clock.fastForward('01:05')
    await page.getByText('Zeit ist um').first().waitFor()
    return page
  }

  it('with prefers-reduced-motion: reduce nothing runs, not even the timer cue; without it the flame and the cue move (so the check can fail)', async () => {
    const still = await endedTimer('reduce')
    expect(await runningAnimations(still)).toEqual([])
    await still.context().close()

    const moving = await endedTimer('no-preference')
    const running = await runningAnimations(moving)
    expect(running).toContain('flicker')
    expect(running).toContain('timer-pulse')
    await moving.context().close()
  })
})
