import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe'
import { importFixtureBoard, joinAs } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// The Bericht (issue 16) in Chromium: the moderator starts it from the draft and edits it by
// keyboard; a participant reads the edit live, has no field to change it; both pages axe-clean.
// Where the moderator allows it, a participant writes along.

const e2e = withServerAndBrowser({ ownClient: true })
const ADDED = ' Ergänzt von der Moderation im Browser.'
const WRITTEN = ' Ergänzt aus der Gruppe im Browser.'

/** From the board to its Ergebnis page, where it starts the Bericht; the Fazit's field. */
async function startBerichtFrom(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Ergebnis' }).click()
  const section = page.getByRole('region', { name: 'Bericht' })
  await section.getByRole('button', { name: 'Bericht bearbeiten' }).click()
  const fazit = section.getByRole('textbox', { name: 'Fazit' })
  await fazit.waitFor()
  return fazit
}

describe('the Bericht', () => {
  it('the moderator edits it, a participant sees the edit read-only, the Markdown has it', async () => {
    const board = await importFixtureBoard(e2e.server.http)
    const mod = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    const fazit = await startBerichtFrom(mod.page)
    const draft = await fazit.inputValue()
    expect(draft.length).toBeGreaterThan(0)
    await fazit.focus()
    await mod.page.keyboard.press('End')
    await mod.page.keyboard.press('Control+End')
    await mod.page.keyboard.type(ADDED)
    expect(await fazit.inputValue()).toBe(`${draft}${ADDED}`)
    await mod.page.getByRole('region', { name: 'Fazit' }).getByText(ADDED.trim(), { exact: false }).waitFor()
    expect(await axeViolations(mod.page)).toEqual([])

    const participant = await joinAs(e2e.browser, board.participantUrl, 'Gast')
    await participant.page.getByRole('link', { name: 'Ergebnis' }).click()
    await participant.page.getByRole('region', { name: 'Fazit' }).getByText(ADDED.trim(), { exact: false }).waitFor()
    expect(await participant.page.getByRole('region', { name: 'Bericht' }).count()).toBe(0)
    expect(await participant.page.getByRole('textbox').count()).toBe(0)
    expect(await axeViolations(participant.page)).toEqual([])

    // Live: a second edit by the moderator reaches the participant's page.
    await mod.page.keyboard.type(' Zweiter Satz.')
    await participant.page.getByRole('region', { name: 'Fazit' }).getByText('Zweiter Satz.', { exact: false }).waitFor()

    const res = await fetch(`${e2e.server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(await res.text()).toContain(`${ADDED.trim()} Zweiter Satz.`)
    await participant.context.close()
    await mod.context.close()
  })

  it('with „Teilnehmende dürfen den Bericht mitschreiben“ a participant writes it by keyboard in Abschluss; the moderator sees it live, the Markdown has it (axe-clean)', async () => {
    const board = await importFixtureBoard(e2e.server.http)
    const mod = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    await mod.page.getByRole('button', { name: 'Einstellungen' }).click()
    const group = mod.page.getByRole('group', { name: 'Bericht und Datenschutz' })
    await group.getByRole('checkbox', { name: 'Teilnehmende dürfen den Bericht mitschreiben' }).check()
    await mod.page.getByRole('link', { name: 'Ergebnis' }).click()

    const participant = await joinAs(e2e.browser, board.participantUrl, 'Gast')
    const fazit = await startBerichtFrom(participant.page)
    const section = participant.page.getByRole('region', { name: 'Bericht' })
    expect(await section.getByText(/zum Mitschreiben freigegeben/).count()).toBe(1)
    await fazit.focus()
    await participant.page.keyboard.press('Control+End')
    await participant.page.keyboard.type(WRITTEN)
    expect(await section.getByRole('button', { name: /Absatz neu erzeugen/ }).count()).toBe(0)
    expect(await axeViolations(participant.page)).toEqual([])

    await mod.page.getByRole('region', { name: 'Fazit' }).getByText(WRITTEN.trim(), { exact: false }).waitFor()
    expect(await mod.page.getByRole('region', { name: 'Bericht' }).getByRole('textbox', { name: 'Fazit' }).inputValue()).toContain(WRITTEN.trim())
    await expect
      .poll(async () => (await fetch(`${e2e.server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })).text())
      .toContain(WRITTEN.trim())
    await participant.context.close()
    await mod.context.close()
  })

  it('the join dialog asks for the institution when the moderator wants it; the report lists it, never the name', async () => {
    const board = await createBoard(e2e.server, { title: 'Austauschtreffen', settings: { askInstitution: true } })
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await page.goto(board.participantUrl)
    await page.getByRole('textbox', { name: /Name/ }).fill('Bea Beispiel')
    await page.getByRole('textbox', { name: 'Kommune / Institution (optional)' }).fill('Stadt Kassel')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Beitreten' }).click()
    await page.getByRole('region', { name: /Steigen/ }).waitFor()

    const mod = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    await mod.page.getByRole('link', { name: 'Ergebnis' }).click()
    const header = mod.page.getByRole('article').locator('header')
    await header.getByText('Stadt Kassel', { exact: true }).waitFor()
    const md = await (
      await fetch(`${e2e.server.http}/api/boards/${board.boardId}/export.md`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    ).text()
    expect(md).toContain('- Institutionen: Stadt Kassel')
    expect(md).not.toContain('Bea Beispiel')
    await mod.context.close()
    await context.close()
  })
})
