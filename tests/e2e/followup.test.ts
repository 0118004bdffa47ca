import { describe, expect, it } from 'vitest'
import { addAction, updateAction } from '../../model/agreements'
import { setQuestion } from '../../model/board'
import { createCluster } from '../../model/clusters'
import { setPhase } from '../../model/phases'
import { expectNoAxeViolations } from '../helpers/axe'
import { connectClient } from '../helpers/clients'
import { contextWith, joinIn } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// „Folgetreffen anlegen“ in Chromium (issue 16), from the finished board's Ergebnis page to the
// new board, its Rückblick, its report and the series page. One browser, two people.

const e2e = withServerAndBrowser({ ownClient: true })
const OPEN = ['Flyer für die Kitas drucken', 'Haushaltsmittel beantragen']
const DONE = 'Protokoll verschicken'
const SETTINGS = { privateWriting: false, askInstitution: true, votesPerPerson: 3 }

interface BoardFile {
  readonly title: string
  readonly questions: unknown
  readonly settings: Record<string, unknown>
  readonly actions: readonly unknown[]
  readonly review?: readonly { readonly what: string; readonly status?: string; readonly note?: string }[]
}

/** The first meeting, finished: a cluster, two open actions and a done one, its own questions. */
async function finishedMeeting(): Promise<CreatedBoard> {
  const board = await createBoard(e2e.server, { title: 'Austauschtreffen Präventionsketten', settings: SETTINGS })
  const mod = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
  await mod.synced()
  setQuestion(mod.doc, 'steigen', 'Was hat die Vernetzung vor Ort vorangebracht?')
  createCluster(mod.doc, { zone: 'untenHalten', title: 'Fachkräftemangel', noteIds: [] })
  // A millisecond apart, as people write them: the actions' order is their time of writing.
  const start = Date.now()
  OPEN.forEach((what, i) => addAction(mod.doc, { what, who: 'LAG', until: '', createdAt: start + i }))
  updateAction(mod.doc, addAction(mod.doc, { what: DONE, who: '', until: '' }), { done: true })
  setPhase(mod.doc, 'abschluss')
  await mod.settled()
  mod.destroy()
  return board
}

async function boardFile(boardId: string, token: string): Promise<BoardFile> {
  const res = await fetch(`${e2e.server.http}/api/boards/${boardId}/export.json`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as BoardFile
}

describe('„Folgetreffen anlegen“', () => {
  it('makes the next meeting: same title, questions and settings, the open actions in its Rückblick; a mark reaches the moderator, the report and the series page (axe-clean)', async () => {
    const first = await finishedMeeting()
    const context = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 1280, height: 900 } })
    const mod = await joinIn(context, first.moderatorUrl, 'Moderation')
    await mod.getByRole('link', { name: 'Ergebnis' }).click()
    await mod.getByRole('button', { name: 'Folgetreffen anlegen' }).click()

    // The new board opens at once, for its moderator (not asked for a name again), in the Rückblick.
    await mod.waitForURL((url) => /^\/b\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.includes(first.boardId))
    const nextId = new URL(mod.url()).pathname.split('/')[2]!
    const panel = mod.getByRole('region', { name: /Rückblick: offene Maßnahmen/ })
    await panel.waitFor()
    expect(await panel.getByRole('group').allTextContents()).toEqual([expect.stringContaining(OPEN[0]!), expect.stringContaining(OPEN[1]!)])
    expect(await mod.getByRole('heading', { level: 1 }).textContent()).toContain('Austauschtreffen Präventionsketten')

    const token = await mod.evaluate((id) => (JSON.parse(localStorage.getItem(`ballonfahrt:board:${id}`) ?? '{}') as { moderatorToken?: string }).moderatorToken, nextId)
    expect(token).toBeTruthy()
    const [before, after] = await Promise.all([boardFile(first.boardId, first.moderatorToken), boardFile(nextId, token!)])
    expect(after.title).toBe(before.title)
    expect(after.questions).toEqual(before.questions)
    expect(after.settings).toEqual(before.settings)
    expect(after.settings).toMatchObject(SETTINGS)
    expect(after.actions).toEqual([])
    expect(after.review?.map((item) => item.what)).toEqual(OPEN)

    // A participant marks the first action erledigt, with a note; the moderator's panel shows it.
    const guest = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 1280, height: 900 } })
    const participant = await joinIn(guest, `${e2e.server.http}/b/${nextId}`, 'Gast')
    const item = participant.getByRole('region', { name: /Rückblick: offene Maßnahmen/ }).getByRole('group', { name: new RegExp(OPEN[0]!) })
    await item.getByRole('radio', { name: 'erledigt' }).check()
    await item.getByRole('textbox', { name: /Anmerkung/ }).fill('An alle Kitas verteilt')
    await item.getByRole('textbox', { name: /Anmerkung/ }).press('Enter')
    const seen = panel.getByRole('group', { name: new RegExp(OPEN[0]!) })
    await expect.poll(() => seen.getByRole('radio', { name: 'erledigt' }).isChecked()).toBe(true)
    await expect.poll(() => seen.getByRole('textbox', { name: /Anmerkung/ }).inputValue()).toBe('An alle Kitas verteilt')
    await expectNoAxeViolations(mod, 'Rückblick des Folgetreffens (Moderation)')
    await guest.close()

    // The new meeting's Ergebnis sums the review up; the series page lists both meetings.
    await mod.getByRole('link', { name: 'Ergebnis' }).click()
    await mod.getByText('Von den zwei offenen Maßnahmen des letzten Treffens wurde eine erledigt und eine wurde nicht besprochen.').first().waitFor()
    await mod.getByText('An alle Kitas verteilt').first().waitFor()
    await expectNoAxeViolations(mod, 'Ergebnis des Folgetreffens')
    await mod.getByRole('link', { name: 'Reihe der Treffen ansehen' }).click()
    const table = mod.getByRole('table', { name: 'Treffen der Reihe' })
    await table.waitFor()
    const rows = table.getByRole('row')
    expect(await rows.count()).toBe(3)
    expect(await rows.nth(1).textContent()).toContain('keine Maßnahmen übernommen')
    expect(await rows.nth(2).textContent()).toContain('1 erledigt, 1 noch nicht besprochen')
    expect(await rows.nth(2).textContent()).toContain('(dieses Treffen)')
    await context.close()
  })
})
