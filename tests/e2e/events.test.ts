import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addNote } from '../../model/notes'
import { setSetting } from '../../model/settings'
import { expectNoAxeViolations } from '../helpers/axe'
import { connectClient } from '../helpers/clients'
import { contextWith, noteItem, writeNote } from '../helpers/e2e'
import { createEvent } from '../helpers/events'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/** Events in Chromium: a participant on a phone goes from the event code to a forum and writes a note; the organiser's overview follows live. */
const e2e = withServerAndBrowser({ ownClient: true })
/** Pictures for docs/ with UPDATE_SCREENSHOTS=1, as tests/e2e/screenshots.test.ts does. */
const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots'
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

describe('an event in the browser', () => {
  it('on a phone: event code in the start page’s code box -> the open round’s forums -> the chosen forum’s board -> a note (axe-clean)', async () => {
    const event = await createEvent(e2e.server)
    const context = await contextWith(e2e.browser, { introDone: true }, PHONE)
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    // Typed as people type it off a programme: lower case, a space instead of the dash.
    await page.getByRole('textbox', { name: 'Board-Code' }).fill(event.eventCode.toLowerCase().replace('-', ' '))
    await page.getByRole('button', { name: 'Zum Board' }).click()
    await page.waitForURL(`**/e/${event.eventCode}`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    const choices = page.getByRole('list').getByRole('link')
    expect(await choices.allTextContents()).toEqual(['Gesundheitsförderung', 'Chancengerechtigkeit', 'Kinderrechte', 'Wirkungsorientierung'])
    await expectNoAxeViolations(page, 'Forumswahl')
    await page.getByRole('link', { name: 'Kinderrechte' }).click()
    const kinderrechte = event.boards.find((b) => b.forum === 'Kinderrechte' && b.round === 1)!
    await page.waitForURL(`**/b/${kinderrechte.boardId}`)
    await page.getByRole('textbox', { name: /Name/ }).fill('Frau Weber')
    await page.getByRole('button', { name: 'Beitreten' }).click()
    await writeNote(page, /Steigen/, 'Kinderbeteiligung im Quartier')
    await noteItem(page, /Steigen/, 'Kinderbeteiligung im Quartier').waitFor()
    // The note reached the chosen forum round's board on the server (a private draft: counted, not shown).
    await expect
      .poll(async () => {
        const res = await fetch(`${e2e.server.http}/api/events/${event.eventId}`, { headers: { authorization: `Bearer ${event.organiserToken}` } })
        return ((await res.json()) as { boards: { boardId: string; state: { notes: number } }[] }).boards.filter((b) => b.state.notes > 0).map((b) => b.boardId)
      })
      .toEqual([kinderrechte.boardId])
    await context.close()
  })

  it('the organiser’s overview updates live, switches the round, and is axe-clean (screenshot)', async () => {
    const event = await createEvent(e2e.server)
    const context = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(event.organiserUrl)
    await page.getByRole('heading', { level: 1, name: /Übersicht der Veranstaltung/ }).waitFor()
    expect(page.url()).not.toContain(event.organiserToken)
    const row = (forum: string, round: number) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: forum }) }).nth(round - 1)
    await expect.poll(() => row('Chancengerechtigkeit', 1).getByRole('cell').nth(3).textContent()).toBe('0')

    const b = event.boards.find((x) => x.forum === 'Chancengerechtigkeit' && x.round === 1)!
    const host = connectClient(e2e.server.ws, b.boardId, { moderatorToken: b.moderatorToken })
    await host.synced()
    setSetting(host.doc, 'privateWriting', false)
    for (const text of ['Zugang zu Hilfen', 'Lotsendienste', 'Sprachmittlung']) addNote(host.doc, { zone: 'steigen', text, author: host.actor.participantId })
    await host.settled()
    // Without a reload: the page asks again by itself.
    await expect.poll(() => row('Chancengerechtigkeit', 1).getByRole('cell').nth(3).textContent(), { timeout: 15_000 }).toBe('3')

    await page.getByRole('button', { name: 'Runde 2' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Runde 2' }).getAttribute('aria-pressed')).toBe('true')
    const offered = (await (await fetch(`${e2e.server.http}/api/event-codes/${event.eventCode}`)).json()) as { openRound: number }
    expect(offered.openRound).toBe(2)
    await expectNoAxeViolations(page, 'Übersicht der Veranstaltung')
    mkdirSync(OUT, { recursive: true })
    writeFileSync(join(OUT, 'event-overview.png'), await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }))
    host.destroy()
    await context.close()
  })
})
