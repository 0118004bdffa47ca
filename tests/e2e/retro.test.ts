import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectNoAxeViolations } from '../helpers/axe'
import { joinAs, noteItem, writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

/** The accessible name (or text) of the element that has the keyboard focus. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim()
  })
}

/** Presses `key` until the focused element's name contains `text` (keyboard only). */
async function pressUntil(page: Page, key: string, text: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).includes(text)) return
    await page.keyboard.press(key)
  }
  throw new Error(`no focus on "${text}" after ${max} × ${key}; focused: ${await focused(page)}`)
}

async function expectAccessible(pages: Page[], phase: string): Promise<void> {
  for (const page of pages) await expectNoAxeViolations(page, phase)
}

async function toPhase(mod: Page, phase: string): Promise<void> {
  await mod.getByRole('button', { name: phase, exact: true }).click()
  await mod.getByRole('button', { name: phase, exact: true }).and(mod.locator('[aria-current="step"]')).waitFor()
}

describe('a whole retro', () => {
  it('runs from Sammeln to Abschluss with a moderator and two participants; one clusters and votes by keyboard only', async () => {
    const board = await createBoard(e2e.server, { title: 'Reflexion Präventionsketten' })
    const mod = (await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')).page
    const anna = (await joinAs(e2e.browser, board.participantUrl, 'Anna')).page
    const ben = (await joinAs(e2e.browser, board.participantUrl, 'Ben')).page
    const everyone = [mod, anna, ben]

    // The moderator lets participants cluster.
    await mod.getByRole('button', { name: 'Einstellungen' }).click()
    await mod.getByRole('checkbox', { name: 'Teilnehmende dürfen clustern' }).check()
    await mod.getByRole('button', { name: 'Einstellungen schließen' }).click()

    // Sammeln, privately.
    await writeNote(anna, /Steigen/, 'Gelungene Vernetzungsarbeit')
    await writeNote(anna, /Steigen/, 'Abbau von Doppelstrukturen')
    await writeNote(ben, /Unten halten/, 'Fehlende finanzielle Ressourcen')
    await writeNote(ben, /Einheizen/, 'Mehr Öffentlichkeitsarbeit')
    await noteItem(anna, /Steigen/, 'Abbau von Doppelstrukturen').waitFor()
    await anna.getByRole('button', { name: 'Ich bin fertig' }).click()
    await ben.getByText('2 verdeckte Notizen der anderen').waitFor()
    expect(await ben.getByText('Gelungene Vernetzungsarbeit').count()).toBe(0)
    await mod.getByText(/^1 von \d+ fertig$/).waitFor()
    await expectAccessible(everyone, 'Sammeln')

    // Aufdecken: every draft appears for everyone.
    await toPhase(mod, 'Aufdecken')
    for (const page of everyone) {
      await noteItem(page, /Steigen/, 'Gelungene Vernetzungsarbeit').waitFor()
      await noteItem(page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()
    }
    await expectAccessible(everyone, 'Aufdecken')

    // Clustern: Anna groups her two notes and names the cluster, with the keyboard only.
    await mod.getByRole('button', { name: 'Nächste Phase' }).click()
    await anna.getByText('Ordnen Sie ähnliche Notizen zu Clustern und benennen Sie sie.').waitFor()
    await anna.getByRole('button', { name: 'Aktionen zur Notiz: Gelungene Vernetzungsarbeit' }).focus()
    await anna.keyboard.press('Enter')
    await pressUntil(anna, 'ArrowDown', 'In Cluster verschieben')
    await anna.keyboard.press('Enter')
    await pressUntil(anna, 'ArrowDown', 'Neuer Cluster mit „Abbau von Doppelstrukturen“')
    await anna.keyboard.press('Enter')
    const cluster = zone(anna, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ })
    await cluster.waitFor()
    await anna.getByRole('button', { name: /Cluster umbenennen/ }).focus()
    await anna.keyboard.press('Enter')
    await anna.keyboard.type('Vernetzung & Strukturen')
    await anna.keyboard.press('Enter')
    for (const page of everyone) await zone(page, /Steigen/).getByRole('heading', { name: /Vernetzung & Strukturen/ }).waitFor()
    await expectAccessible(everyone, 'Clustern')

    // Abstimmen: Anna votes by keyboard, Ben by pointer; totals appear when the vote ends.
    await toPhase(mod, 'Abstimmen')
    const give = anna.getByRole('button', { name: 'Stimme geben: Vernetzung & Strukturen' })
    await give.waitFor()
    await give.focus()
    await anna.keyboard.press('Enter')
    await anna.keyboard.press('Enter')
    await anna.getByText('Noch 3 von 5 Stimmen').waitFor()
    await ben.getByRole('button', { name: 'Stimme geben: Vernetzung & Strukturen' }).click()
    await ben.getByRole('button', { name: 'Stimme geben: Mehr Öffentlichkeitsarbeit' }).click()
    await ben.getByText('Noch 3 von 5 Stimmen').waitFor()
    expect(await mod.getByText('3 Stimmen', { exact: true }).count()).toBe(0)
    await expectAccessible(everyone, 'Abstimmen')
    await mod.getByRole('button', { name: 'Abstimmung beenden' }).click()
    for (const page of everyone) await zone(page, /Steigen/).getByText('3 Stimmen', { exact: true }).waitFor()
    await zone(ben, /Einheizen/).getByText('1 Stimme', { exact: true }).waitFor()

    // Maßnahmen: the moderator records one.
    await toPhase(mod, 'Maßnahmen')
    await mod.getByRole('textbox', { name: 'Was' }).fill('Erfolge im Ausschuss vorstellen')
    await mod.getByRole('textbox', { name: 'Wer' }).fill('Koordination')
    await mod.getByLabel('Bis wann').fill('2025-03-31')
    await mod.getByRole('button', { name: 'Maßnahme hinzufügen' }).click()
    for (const page of everyone) await page.getByRole('cell', { name: 'Erfolge im Ausschuss vorstellen', exact: true }).waitFor()
    await expectAccessible(everyone, 'Maßnahmen')

    // Abschluss: read-only for participants.
    await toPhase(mod, 'Abschluss')
    await anna.getByText('Das Board ist schreibgeschützt.').waitFor()
    expect(await zone(anna, /Steigen/).getByRole('textbox', { name: /Notiz/ }).count()).toBe(0)
    await expectAccessible(everyone, 'Abschluss')
    for (const page of everyone) await page.getByText('gespeichert', { exact: true }).waitFor()
  })
})
