import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { measureContrast } from '../helpers/contrast'
import { axeRun, describeViolations } from '../helpers/axe'
import { contextWith, importFixtureBoard, joinIn, noteItem, shownTheme, writeNote, zone } from '../helpers/e2e'
import type { Theme } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * axe-core (WCAG 2.1 A/AA and the WCAG 2.2 AA rule axe has, target-size) on every page and
 * phase, as moderator and participant, in every colour scheme the product offers. Prints a
 * table of violating elements per page × theme, then fails on any.
 */

const e2e = withServerAndBrowser({ ownClient: true })
/** The themes the page shows when asked (html[data-theme]); all three are required below. */
const themes: Theme[] = ['light']
/** Per page and theme: axe violations, texts measured from pixels, of those below AA. */
interface Cell {
  readonly axe: number
  readonly measured: number
  readonly low: number
}
const results = new Map<string, Map<Theme, Cell>>()
const details: string[] = []

beforeAll(async () => {
  for (const theme of ['dark', 'contrast'] as const) {
    const context = await contextWith(e2e.browser, { theme })
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.getByRole('heading', { level: 1 }).waitFor()
    if ((await shownTheme(page)) === theme) themes.push(theme)
    await context.close()
  }
})

afterAll(async () => {
  printTable()
})

function printTable(): void {
  const width = Math.max(...[...results.keys()].map((k) => k.length), 4)
  const cell = (c: Cell | undefined) => (c ? `${c.axe} (${c.low}/${c.measured})` : '–').padStart(12)
  const lines = [
    'axe-core 4.14 (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): violating elements per page and theme,',
    '(in brackets: texts below AA contrast / texts axe could not decide, measured here: on gradients, SVG shapes)',
    `${'page'.padEnd(width)} | ${themes.map((t) => t.padStart(12)).join(' | ')}`,
    `${'-'.repeat(width)}-|-${themes.map(() => '-'.repeat(12)).join('-|-')}`,
  ]
  for (const [page, row] of results) lines.push(`${page.padEnd(width)} | ${themes.map((t) => cell(row.get(t))).join(' | ')}`)
  if (themes.length < 3) lines.push(`(themes not offered by the product when this ran: ${['dark', 'contrast'].filter((t) => !themes.includes(t as Theme)).join(', ')})`)
  if (details.length > 0) lines.push('', ...details)
  console.log(lines.join('\n'))
}

/**
 * Runs axe on `page` and measures from pixels the contrast axe left undecided; records the
 * counts and returns one line per failing element.
 */
async function check(page: Page, name: string, theme: Theme): Promise<string[]> {
  if (themes.length > 1) expect(await shownTheme(page), `${name}: theme`).toBe(theme)
  const { violations, contrastUndecided } = await axeRun(page, { wcag22: true })
  const contrast = await measureContrast(page, contrastUndecided)
  const row = results.get(name) ?? new Map<Theme, Cell>()
  row.set(theme, { axe: violations.reduce((n, v) => n + v.nodes.length, 0), measured: contrast.measured, low: contrast.failures.length })
  results.set(name, row)
  const lines = [
    ...describeViolations(violations),
    ...contrast.failures.map((f) => `color-contrast (measured on the ${f.how}) ${f.target} „${f.text}“ ${f.ratio}:1 < ${f.required}:1 (${f.color} on ${f.background})`),
  ].map((line) => `${name} [${theme}]: ${line}`)
  details.push(...lines)
  return lines
}

/**
 * Shows `theme` on `page` through its own "Farbschema" select, as a person switches it (no reload),
 * once the colours have stopped changing.
 */
async function showTheme(page: Page, theme: Theme): Promise<void> {
  await page.getByRole('combobox', { name: 'Farbschema' }).selectOption(theme)
  await page.waitForFunction(
    (wanted) => document.documentElement.dataset.theme === wanted && document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
    theme,
  )
}

/** Checks each page (a role on the board) in every theme, one after another on the same view. */
async function checkAll(pages: readonly { page: Page; role: string }[], name: string): Promise<string[]> {
  // Rows in a stable order, whichever page finishes first.
  for (const p of pages) if (!results.has(`${name} (${p.role})`)) results.set(`${name} (${p.role})`, new Map())
  const inThemes = async ({ page, role }: { page: Page; role: string }) => {
    const lines: string[] = []
    for (const theme of themes) {
      await showTheme(page, theme)
      lines.push(...(await check(page, `${name} (${role})`, theme)))
    }
    return lines
  }
  return (await Promise.all(pages.map(inThemes))).flat()
}

describe('axe on every page and theme', () => {
  it('measures contrast where axe cannot decide (a grey text on the page gradient, a pale label on an SVG shape)', async () => {
    const context = await contextWith(e2e.browser, { theme: 'light' })
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.getByRole('heading', { level: 1 }).waitFor()
    // Made through the DOM (the CSP allows that, not inline markup): one text of each kind.
    await page.evaluate(() => {
      const faint = document.createElement('p')
      faint.id = 'probe-faint'
      faint.textContent = 'Kaum lesbar auf dem Verlauf'
      faint.style.color = 'rgb(190, 196, 204)'
      document.querySelector('main')?.prepend(faint)
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
      svg.setAttribute('width', '200')
      svg.setAttribute('height', '40')
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
      rect.setAttribute('width', '200')
      rect.setAttribute('height', '40')
      rect.setAttribute('fill', 'rgb(215, 73, 45)')
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text')
      text.id = 'probe-svg'
      text.setAttribute('x', '10')
      text.setAttribute('y', '26')
      text.setAttribute('fill', 'rgb(240, 120, 90)')
      text.setAttribute('font-size', '16')
      text.textContent = 'Blass auf Rot'
      svg.append(rect, text)
      document.querySelector('main')?.prepend(svg)
    })
    const { contrastUndecided } = await axeRun(page)
    const measured = await measureContrast(page, contrastUndecided)
    expect(measured.failures.map((f) => [f.target, f.how])).toEqual(
      expect.arrayContaining([
        ['#probe-faint', 'gradient'],
        ['#probe-svg', 'pixels'],
      ]),
    )
    await context.close()
  })

  it('finds nothing on the landing page, the join dialog, the privacy notice and the accessibility statement', async () => {
    expect(themes, 'the colour schemes the page offers').toEqual(['light', 'dark', 'contrast'])
    const board = await createBoard(e2e.server, { title: 'Barrierefrei beitreten' })
    const found: string[] = []
    for (const theme of themes) {
      const context = await contextWith(e2e.browser, { theme })
      const page = await context.newPage()
      await page.goto(e2e.server.http)
      await page.getByRole('heading', { level: 1 }).waitFor()
      found.push(...(await check(page, 'Startseite', theme)))

      await page.goto(board.participantUrl)
      await page.getByRole('button', { name: 'Beitreten' }).waitFor()
      await page.getByText('Barrierefrei beitreten').waitFor()
      found.push(...(await check(page, 'Beitreten (Name)', theme)))

      await page.goto(`${e2e.server.http}/datenschutz`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      found.push(...(await check(page, 'Datenschutz', theme)))

      await page.goto(`${e2e.server.http}/barrierefreiheit`)
      await page.getByRole('main').waitFor()
      found.push(...(await check(page, 'Barrierefreiheit', theme)))
      await context.close()
    }
    expect(found).toEqual([])
  }, 90_000)

  // One moderator and one participant are checked, each view in every theme (switched in place);
  // a second participant writes and votes beside them, so others' notes and votes are on the board.
  it('finds nothing on a board in every phase, as moderator and as participant', async () => {
    const board = await createBoard(e2e.server, { title: 'Reflexion barrierefrei', settings: { privateWriting: true } })
    const contexts = [await e2e.browser.newContext(), await e2e.browser.newContext(), await e2e.browser.newContext()]
    const [mod, anna, ben] = [
      await joinIn(contexts[0]!, board.moderatorUrl, 'Moderation'),
      await joinIn(contexts[1]!, board.participantUrl, 'Teilnehmend'),
      await joinIn(contexts[2]!, board.participantUrl, 'Ben'),
    ]
    const pages = [
      { page: mod, role: 'Moderation' },
      { page: anna, role: 'Teilnehmend' },
    ]
    const everyone = [mod, anna, ben]
    const participants = [anna, ben]
    const found: string[] = []

    async function toPhase(phase: string): Promise<void> {
      await mod.getByRole('button', { name: phase, exact: true }).click()
      await Promise.all(everyone.map((page) => page.locator('[aria-current="step"]').filter({ hasText: phase }).waitFor()))
    }

    // Sammeln, privately: each participant sees its own drafts and only counts of the others'.
    await writeNote(anna, /Steigen/, 'Gelungene Vernetzungsarbeit')
    await writeNote(anna, /Steigen/, 'Abbau von Doppelstrukturen')
    await writeNote(anna, /Unten halten/, 'Fehlende finanzielle Ressourcen')
    await writeNote(anna, /Einheizen/, 'Mehr Öffentlichkeitsarbeit')
    for (const [i, page] of participants.slice(1).entries()) await writeNote(page, /Unten halten/, `Personalwechsel ${i + 1}`)
    await noteItem(anna, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()
    await anna.getByRole('button', { name: 'Ich bin fertig' }).click()
    await mod.getByText(/^1 von \d+ fertig$/).waitFor()
    await zone(mod, /Steigen/).getByText('2 verdeckte Notizen der anderen').waitFor()
    // A first visit: the short introduction is part of what is checked.
    for (const { page } of pages) await page.getByRole('heading', { name: 'Kurze Einführung' }).waitFor()
    found.push(...(await checkAll(pages, 'Board Sammeln')))

    await toPhase('Aufdecken')
    await Promise.all(everyone.map((page) => noteItem(page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()))
    found.push(...(await checkAll(pages, 'Board Aufdecken')))

    await toPhase('Clustern')
    await mod.getByRole('button', { name: 'Aktionen zur Notiz: Gelungene Vernetzungsarbeit' }).click()
    await mod.getByRole('menuitem', { name: /In Cluster verschieben/ }).click()
    await mod.getByRole('menuitem', { name: 'Neuer Cluster mit „Abbau von Doppelstrukturen“' }).click()
    await mod.getByRole('button', { name: /Cluster umbenennen/ }).click()
    await mod.getByRole('textbox', { name: 'Clustertitel' }).fill('Vernetzung & Strukturen')
    await mod.getByRole('textbox', { name: 'Clustertitel' }).press('Enter')
    await Promise.all(everyone.map((page) => zone(page, /Steigen/).getByRole('heading', { name: /Vernetzung & Strukturen/ }).waitFor()))
    found.push(...(await checkAll(pages, 'Board Clustern')))

    await toPhase('Abstimmen')
    for (const page of participants) {
      await page.getByRole('button', { name: 'Stimme geben: Vernetzung & Strukturen' }).click()
      await page.getByRole('button', { name: 'Stimme geben: Mehr Öffentlichkeitsarbeit' }).click()
      await page.getByText('Noch 3 von 5 Stimmen').waitFor()
    }
    found.push(...(await checkAll(pages, 'Board Abstimmen')))
    await mod.getByRole('button', { name: 'Abstimmung beenden' }).click()
    await Promise.all(everyone.map((page) => page.getByRole('region', { name: 'Abstimmung' }).getByText('Die Abstimmung ist beendet; die Ergebnisse sind sichtbar.').waitFor()))
    found.push(...(await checkAll(pages, 'Board Abstimmen, beendet')))

    await toPhase('Maßnahmen')
    await mod.getByRole('textbox', { name: 'Was' }).fill('Erfolge im Ausschuss vorstellen')
    await mod.getByRole('textbox', { name: 'Wer' }).fill('Koordination')
    await mod.getByLabel('Bis wann').fill('2025-03-31')
    await mod.getByRole('button', { name: 'Maßnahme hinzufügen' }).click()
    await Promise.all(everyone.map((page) => page.getByRole('cell', { name: 'Erfolge im Ausschuss vorstellen', exact: true }).waitFor()))
    found.push(...(await checkAll(pages, 'Board Maßnahmen')))

    await toPhase('Abschluss')
    await anna.getByText('Das Board ist schreibgeschützt.').waitFor()
    found.push(...(await checkAll(pages, 'Board Abschluss')))

    // The "Teilnehmen" dialog (code and QR for the shared screen).
    for (const theme of themes) {
      await showTheme(mod, theme)
      await mod.getByRole('button', { name: 'Teilnehmen', exact: true }).click()
      await mod.getByRole('dialog').getByRole('img').first().waitFor()
      found.push(...(await check(mod, 'Teilnehmen-Dialog (Moderation)', theme)))
      await mod.keyboard.press('Escape')
      await mod.getByRole('dialog').waitFor({ state: 'hidden' })
    }
    for (const context of contexts) await context.close()
    expect(found).toEqual([])
  }, 150_000)

  it('finds nothing on the example board, its report and its presentation', async () => {
    const board: CreatedBoard = await importFixtureBoard(e2e.server.http)
    const found: string[] = []
    for (const theme of themes) {
      const context = await contextWith(e2e.browser, { theme })
      const page = await joinIn(context, board.moderatorUrl, 'Moderation')
      await zone(page, /Steigen/).getByRole('heading', { name: /Vernetzung & Strukturen/ }).waitFor()
      found.push(...(await check(page, 'Beispielboard Abschluss (Moderation)', theme)))

      await page.getByRole('link', { name: 'Ergebnis' }).click()
      await page.getByRole('button', { name: 'Markdown herunterladen' }).waitFor()
      found.push(...(await check(page, 'Ergebnis (Moderation)', theme)))

      await page.goto(`${e2e.server.http}/b/${board.boardId}/praesentation`)
      await page.getByText('Vernetzung & Strukturen').first().waitFor()
      found.push(...(await check(page, 'Präsentation (Moderation)', theme)))
      await context.close()

      if (theme === 'light') {
        // Leichte Sprache (plain language) for the questions and instructions.
        const plain = await contextWith(e2e.browser, { theme, plain: true })
        const reader = await joinIn(plain, board.participantUrl, 'Leser')
        await zone(reader, /Steigen/).getByRole('heading', { name: /Vernetzung & Strukturen/ }).waitFor()
        await expect.poll(() => reader.getByRole('checkbox', { name: 'Leichte Sprache' }).isChecked()).toBe(true)
        found.push(...(await check(reader, 'Beispielboard Leichte Sprache (Teilnehmend)', theme)))
        await plain.close()
      }

      const participant = await contextWith(e2e.browser, { theme })
      const report = await participant.newPage()
      await report.goto(`${e2e.server.http}/b/${board.boardId}/ergebnis`)
      await report.getByRole('textbox', { name: /Name/ }).fill('Gast')
      await report.getByRole('button', { name: 'Beitreten' }).click()
      await report.getByText('Vernetzung & Strukturen').first().waitFor()
      found.push(...(await check(report, 'Ergebnis (Teilnehmend)', theme)))
      await participant.close()
    }
    expect(found).toEqual([])
  }, 90_000)
})
