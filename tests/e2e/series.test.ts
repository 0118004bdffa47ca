import { describe, expect, it } from 'vitest'
import { addAction } from '../../model/agreements'
import { createCluster } from '../../model/clusters'
import { setPhase } from '../../model/phases'
import { expectNoAxeViolations } from '../helpers/axe'
import { connectClient } from '../helpers/clients'
import { contextWith } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/** The series page in Chromium: two meetings, a theme that came up again, the Rückblick counts; axe-clean. */
const e2e = withServerAndBrowser({ ownClient: true })

async function meeting(board: CreatedBoard, clusters: readonly string[], action: boolean): Promise<void> {
  const mod = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
  await mod.synced()
  for (const title of clusters) createCluster(mod.doc, { zone: 'untenHalten', title, noteIds: [] })
  if (action) addAction(mod.doc, { what: 'Öffentlichkeitsarbeit stärken', who: 'LAG', until: '' })
  setPhase(mod.doc, 'abschluss')
  await mod.settled()
  mod.destroy()
}

describe('the series page', () => {
  it('lists the meetings with the trend as a table, marks a recurring theme, and is axe-clean', async () => {
    const first = await createBoard(e2e.server, { title: 'Austauschtreffen', settings: { privateWriting: false } })
    await meeting(first, ['Fachkräftemangel'], true)
    const res = await fetch(`${e2e.server.http}/api/boards/${first.boardId}/followup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.moderatorToken}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const second = (await res.json()) as CreatedBoard
    await meeting(second, ['Mangel an Fachkräften', 'Digitale Beteiligung'], false)

    const context = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${e2e.server.http}/b/${second.boardId}/reihe#m=${second.moderatorToken}`)
    await page.getByRole('heading', { level: 1, name: /Reihe der Treffen/ }).waitFor()
    expect(page.url()).not.toContain(second.moderatorToken)
    const table = page.getByRole('table', { name: 'Treffen der Reihe' })
    expect(await table.getByRole('row').count()).toBe(3)
    // The second meeting reviewed the first one's open action (not yet marked).
    await expect.poll(() => table.getByRole('row').nth(2).textContent()).toContain('1 Maßnahme, noch nicht besprochen')
    const second2 = page.getByRole('region', { name: /Treffen 2/ })
    await expect.poll(() => second2.getByRole('listitem').filter({ hasText: 'Mangel an Fachkräften' }).textContent()).toContain('wieder')
    expect(await second2.getByRole('listitem').filter({ hasText: 'Digitale Beteiligung' }).textContent()).toContain('neu')
    await expect.poll(() => page.getByText(/Wie „wieder“ bestimmt wird/).count()).toBe(1)
    // The picture is decorative for screen readers; the table carries the values.
    expect(await page.locator('svg.series-trend').getAttribute('aria-hidden')).toBe('true')
    await expectNoAxeViolations(page, 'Reihe der Treffen')

    // A stranger's browser (no moderator token) learns nothing.
    const stranger = await e2e.browser.newContext()
    const other = await stranger.newPage()
    await other.goto(`${e2e.server.http}/b/${second.boardId}/reihe`)
    await other.getByRole('alert').waitFor()
    expect(await other.getByRole('table').count()).toBe(0)
    await stranger.close()
    await context.close()
  })

  it('a follow-up opens in the Rückblick; a participant marks the carried action in the panel and the server has it (axe-clean)', async () => {
    const first = await createBoard(e2e.server, { title: 'Austauschtreffen', settings: { privateWriting: false } })
    await meeting(first, [], true)
    const res = await fetch(`${e2e.server.http}/api/boards/${first.boardId}/followup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.moderatorToken}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const next = (await res.json()) as CreatedBoard
    const context = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(next.participantUrl)
    await page.getByRole('button', { name: 'Beitreten' }).click()
    const panel = page.getByRole('region', { name: /Rückblick: offene Maßnahmen/ })
    await panel.waitFor()
    await panel.getByRole('radio', { name: 'erledigt' }).check()
    await panel.getByRole('textbox', { name: /Anmerkung/ }).fill('Flyer sind verteilt')
    await panel.getByRole('textbox', { name: /Anmerkung/ }).press('Enter')
    await expect
      .poll(async () => {
        const file = await fetch(`${e2e.server.http}/api/boards/${next.boardId}/export.json`, { headers: { authorization: `Bearer ${next.moderatorToken}` } })
        return ((await file.json()) as { review: { status?: string; note?: string }[] }).review[0]
      })
      .toMatchObject({ status: 'erledigt', note: 'Flyer sind verteilt' })
    await expectNoAxeViolations(page, 'Rückblick')
    await context.close()
  })
})
