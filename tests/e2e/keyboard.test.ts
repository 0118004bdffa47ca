import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { noteItem, zone } from '../helpers/e2e'
import { expectFocusOn, focusedName, tabStats, tabTo, waitForAnnouncement } from '../helpers/keyboard'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * A whole retrospective with the keyboard alone, for the moderator and one participant: no
 * click, no fill, no focus() from the test. Every Tab stop on the way must show its focus
 * (tabTo checks each one), and every phase change must be said in the polite live region.
 */

const e2e = withServerAndBrowser({ ownClient: true })

/** Opens a link and joins: the name box has the focus, Enter joins. */
async function join(url: string, name: string): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'de-DE' })
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: 'Beitreten' }).waitFor()
  await expectFocusOn(page, /^Name/)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await zone(page, /Steigen/).waitFor()
  // A first visit shows the short introduction; a keyboard user skips it.
  await page.getByRole('heading', { name: 'Kurze Einführung' }).waitFor()
  await tabTo(page, 'Überspringen')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Kurze Einführung' }).waitFor({ state: 'detached' })
  return page
}

/** Tabs to a zone's note box, types the note and adds it with Enter. */
async function writeNote(page: Page, zoneTitle: string, text: string): Promise<void> {
  if (!(await focusedName(page)).includes(`Neue Notiz für ${zoneTitle}`)) await tabTo(page, `Neue Notiz für ${zoneTitle}`, { role: 'textbox' })
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await noteItem(page, new RegExp(zoneTitle), text).waitFor()
}

/** The moderator moves to a phase with its step button; both hear it announced. */
async function toPhase(mod: Page, others: readonly Page[], phase: string): Promise<void> {
  await tabTo(mod, phase, { back: true, role: 'button' })
  await mod.keyboard.press('Enter')
  for (const page of [mod, ...others]) await waitForAnnouncement(page, `Phase: ${phase}`)
  await mod.locator('[aria-current="step"]').filter({ hasText: phase }).waitFor()
}

/**
 * Types a date into the focused date field segment by segment. The segments' order follows
 * the browser's own language (not the page's), so the other order is tried when the first
 * one did not give the date.
 */
async function typeDate(page: Page, label: string, year: string, month: string, day: string): Promise<void> {
  const field = page.getByLabel(label)
  await page.keyboard.type(`${month}${day}${year}`)
  if ((await field.inputValue()) === `${year}-${month}-${day}`) return
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.type(`${day}${month}${year}`)
  expect(await field.inputValue()).toBe(`${year}-${month}-${day}`)
}

describe('keyboard only', () => {
  it('runs a whole retrospective from joining to the report without a pointer', async () => {
    const board = await createBoard(e2e.server, { title: 'Retro mit der Tastatur' })
    const mod = await join(board.moderatorUrl, 'Moderation')
    const anna = await join(board.participantUrl, 'Anna')

    // Sammeln (private): both write into all three zones.
    await writeNote(anna, 'Steigen', 'Gelungene Vernetzungsarbeit')
    await writeNote(anna, 'Unten halten', 'Fehlende finanzielle Ressourcen')
    await writeNote(anna, 'Einheizen', 'Mehr Öffentlichkeitsarbeit')
    await writeNote(mod, 'Steigen', 'Abbau von Doppelstrukturen')
    await writeNote(mod, 'Unten halten', 'Personalwechsel')
    await writeNote(mod, 'Einheizen', 'Familien beteiligen')
    expect(await anna.getByText('Abbau von Doppelstrukturen').count()).toBe(0)

    // Aufdecken: everybody sees every note.
    await toPhase(mod, [anna], 'Aufdecken')
    await noteItem(anna, /Steigen/, 'Abbau von Doppelstrukturen').waitFor()
    await noteItem(mod, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()

    // Clustern with the note's "…" menu: a new cluster of the two Steigen notes.
    await toPhase(mod, [anna], 'Clustern')
    await tabTo(mod, 'Aktionen zur Notiz: Gelungene Vernetzungsarbeit')
    await mod.keyboard.press('Enter')
    // The note's "…" menu: edit and delete come first for the moderator.
    await expectFocusOn(mod, 'Bearbeiten')
    for (let i = 0; i < 5 && !(await focusedName(mod)).startsWith('In Cluster verschieben'); i++) await mod.keyboard.press('ArrowDown')
    await expectFocusOn(mod, /^In Cluster verschieben/)
    await mod.keyboard.press('Enter')
    // The cluster picker: its search box has the focus; typing narrows the list, Arrow down enters it.
    await expectFocusOn(mod, 'Cluster oder Notiz suchen')
    await mod.keyboard.type('Abbau')
    await mod.getByRole('status').filter({ hasText: /^1 Treffer$/ }).waitFor()
    await mod.keyboard.press('ArrowDown')
    await expectFocusOn(mod, 'Neuer Cluster mit „Abbau von Doppelstrukturen“')
    await mod.keyboard.press('Enter')
    await zone(anna, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ }).waitFor()
    await waitForAnnouncement(mod, 'Cluster')

    // Alt+Arrow right moves a focused note into the next zone; the focus goes with it.
    await tabTo(mod, /^Personalwechsel/, { role: 'listitem' })
    await mod.keyboard.press('Alt+ArrowRight')
    await noteItem(anna, /Einheizen/, 'Personalwechsel').waitFor()
    expect(await noteItem(anna, /Unten halten/, 'Personalwechsel').count()).toBe(0)
    await expectFocusOn(mod, /^Personalwechsel/)
    expect(await mod.evaluate(() => document.activeElement?.closest('section')?.querySelector('h2')?.textContent)).toBe('Einheizen')

    // Naming the cluster.
    await tabTo(mod, 'Cluster umbenennen: Unbenannter Cluster', { back: true })
    await mod.keyboard.press('Enter')
    await expectFocusOn(mod, 'Clustertitel')
    await mod.keyboard.type('Vernetzung & Strukturen')
    await mod.keyboard.press('Enter')
    await zone(anna, /Steigen/).getByRole('heading', { name: /Vernetzung & Strukturen/ }).waitFor()
    await expectFocusOn(mod, 'Cluster umbenennen: Vernetzung & Strukturen')

    // Two notes selected with Space on each and grouped in one step from the selection bar.
    await tabTo(mod, /^Familien beteiligen/, { role: 'listitem' })
    await mod.keyboard.press('Space')
    await tabTo(mod, /^Personalwechsel/, { role: 'listitem' })
    await mod.keyboard.press('Space')
    await mod.getByRole('status').filter({ hasText: '2 Notizen ausgewählt' }).waitFor()
    await tabTo(mod, 'Gruppieren')
    await mod.keyboard.press('Enter')
    await waitForAnnouncement(mod, '2 Notizen in Cluster „Unbenannter Cluster“ gruppiert.')
    await zone(anna, /Einheizen/).getByRole('heading', { name: /Unbenannter Cluster/ }).waitFor()
    expect(await zone(anna, /Einheizen/).getByRole('list', { name: /Notizen im Cluster/ }).getByRole('listitem').count()).toBe(2)

    // Abstimmen: Anna gives two votes to the cluster and one to a note.
    await toPhase(mod, [anna], 'Abstimmen')
    await tabTo(anna, 'Stimme geben: Vernetzung & Strukturen', { back: true })
    await anna.keyboard.press('Enter')
    await anna.keyboard.press('Enter')
    await anna.getByText('Noch 3 von 5 Stimmen').waitFor()
    await tabTo(anna, 'Stimme geben: Mehr Öffentlichkeitsarbeit')
    await anna.keyboard.press('Enter')
    await anna.getByText('Noch 2 von 5 Stimmen').waitFor()
    await tabTo(mod, 'Abstimmung beenden')
    await mod.keyboard.press('Enter')
    await zone(anna, /Steigen/).getByText('2 Stimmen', { exact: true }).waitFor()
    await zone(mod, /Einheizen/).getByText('1 Stimme', { exact: true }).waitFor()

    // Maßnahmen: the moderator records one, field by field.
    await toPhase(mod, [anna], 'Maßnahmen')
    await tabTo(mod, 'Was', { role: 'textbox' })
    await mod.keyboard.type('Erfolge im Ausschuss vorstellen')
    await tabTo(mod, 'Wer', { role: 'textbox' })
    await mod.keyboard.type('Koordination')
    await tabTo(mod, 'Bis wann')
    await typeDate(mod, 'Bis wann', '2025', '03', '31')
    await tabTo(mod, 'Maßnahme hinzufügen')
    await mod.keyboard.press('Enter')
    await anna.getByRole('cell', { name: 'Erfolge im Ausschuss vorstellen', exact: true }).waitFor()

    // Abschluss: read-only for Anna.
    await toPhase(mod, [anna], 'Abschluss')
    await anna.getByText('Das Board ist schreibgeschützt.').waitFor()

    // The report, through the header's link.
    await tabTo(mod, 'Ergebnis', { back: true, role: 'link' })
    await mod.keyboard.press('Enter')
    await mod.waitForURL(/\/ergebnis$/)
    await mod.getByRole('heading', { level: 1 }).waitFor()
    await mod.getByText('Vernetzung & Strukturen').first().waitFor()
    await mod.getByText('Erfolge im Ausschuss vorstellen').first().waitFor()
    await tabTo(mod, 'Markdown herunterladen')
    console.log(`keyboard-only retro: ${tabStats.presses} Tab presses, ${tabStats.stops} Tab stops, each with a visible focus (outline or box-shadow)`)
  }, 90_000)
})
