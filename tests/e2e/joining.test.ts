import { describe, expect, it } from 'vitest'
import { createCluster } from '../../model/clusters'
import { toBoardView } from '../../model/view'
import { connectClient } from '../helpers/clients'
import { joinAs, noteItem, writeNote, zone } from '../helpers/e2e'
import { SHOWN_CODE, inView } from '../helpers/joining'
import { expectNoAxeViolations, expectNoAxeViolationsInThemes } from '../helpers/axe'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

describe('joining by code and following on the shared screen', () => {
  it('moderator shows the code and QR; a second browser joins by code and writes; the presentation follows the highlight', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Reflexion Präventionsketten' })
    const mod = (await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')).page

    // The Teilnehmen dialog: code in large type, the participant link, its QR code as an image.
    const open = mod.getByRole('button', { name: 'Teilnehmen' })
    await open.click()
    const dialog = mod.getByRole('dialog', { name: 'Teilnehmen' })
    await dialog.waitFor()
    const shown = dialog.getByText(SHOWN_CODE)
    await shown.waitFor()
    const code = (await shown.textContent()) ?? ''
    expect(code).toMatch(SHOWN_CODE)
    await expect.poll(() => dialog.textContent()).toContain(board.participantUrl)
    const qr = dialog.getByRole('img', { name: `QR-Code mit dem Link für Teilnehmende: ${board.participantUrl}` })
    await qr.waitFor()
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg')
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)
    await expectNoAxeViolationsInThemes(mod, 'the Teilnehmen dialog')
    await mod.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true)

    // A second browser types the code on the landing page (lower case, no dash).
    const annaContext = await e2e.browser.newContext({ viewport: { width: 1000, height: 600 } })
    const anna = await annaContext.newPage()
    await anna.goto(`${e2e.server.http}/`)
    await anna.getByRole('textbox', { name: 'Board-Code' }).fill(code.replace('-', '').toLowerCase())
    await anna.getByRole('button', { name: 'Zum Board' }).click()
    await anna.waitForURL(`${e2e.server.http}/b/${board.boardId}`)
    await anna.getByRole('textbox', { name: /Name/ }).fill('Anna')
    await anna.getByRole('button', { name: 'Beitreten' }).click()
    await zone(anna, /Steigen/).waitFor()
    await writeNote(anna, /Unten halten/, 'Zu viele Abstimmungsrunden')
    await writeNote(anna, /Unten halten/, 'Doppelte Berichte')
    await writeNote(anna, /Steigen/, 'Kurze Wege im Landkreis')
    await noteItem(mod, /Unten halten/, 'Doppelte Berichte').waitFor()

    // An unknown code is refused in words.
    await anna.goto(`${e2e.server.http}/`)
    await anna.getByRole('textbox', { name: 'Board-Code' }).fill(code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`)
    await anna.getByRole('button', { name: 'Zum Board' }).click()
    await expect.poll(() => anna.getByRole('alert').textContent()).toContain('gibt es nicht oder er ist abgelaufen')
    await anna.goto(`${e2e.server.http}/b/${board.boardId}`)
    await zone(anna, /Steigen/).waitFor()

    // A cluster to present, made by a second moderator connection (setup, not under test).
    const helper = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    await helper.synced()
    const notes = toBoardView(helper.doc).zones.untenHalten.notes.map((n) => n.id)
    expect(notes).toHaveLength(2)
    createCluster(helper.doc, { zone: 'untenHalten', title: 'Abstimmungsaufwand', noteIds: notes })
    await helper.settled()
    helper.destroy()

    // The moderator starts a countdown and opens the presentation in a new tab.
    await mod.getByRole('textbox', { name: 'Minuten' }).fill('5')
    await mod.getByRole('button', { name: 'Timer starten' }).click()
    const [present] = await Promise.all([mod.context().waitForEvent('page'), mod.getByRole('link', { name: /Präsentation/ }).click()])
    // Narrow and low, so the zones stack and the cluster in Unten halten starts below the fold (at 1000 px the overview fits).
    await present.setViewportSize({ width: 600, height: 450 })
    await present.waitForURL(`${e2e.server.http}/b/${board.boardId}/praesentation`)
    const main = present.getByRole('main', { name: 'Präsentation' })
    await main.waitFor()
    await present.getByRole('heading', { level: 1, name: 'Reflexion Präventionsketten' }).waitFor()
    await present.getByText('Phase 1 von 6: Sammeln').waitFor()
    await expect.poll(() => present.getByRole('timer').textContent()).toMatch(/^0[45]:\d\d$/)
    const cluster = zone(present, /Unten halten/).getByRole('listitem').filter({ hasText: 'Abstimmungsaufwand' })
    await cluster.waitFor()
    expect(await main.getByRole('button').count()).toBe(0)
    expect(await main.getByRole('textbox').count()).toBe(0)
    await expectNoAxeViolationsInThemes(present, 'the presentation page')

    // Anna follows; the moderator highlights the cluster; both screens go to it.
    await anna.getByRole('button', { name: 'Folgen' }).click()
    await present.evaluate(() => window.scrollTo(0, 0))
    await anna.evaluate(() => window.scrollTo(0, 0))
    // Both start away from it, so being in view afterwards means the page went there.
    expect(await inView(cluster)).toBe(false)
    expect(await inView(anna.locator('.cluster').filter({ hasText: 'Abstimmungsaufwand' }))).toBe(false)
    await mod.getByRole('button', { name: 'Cluster hervorheben: Abstimmungsaufwand' }).click()
    await present.getByText('Cluster: Abstimmungsaufwand').waitFor()
    await expect.poll(() => cluster.getAttribute('class')).toContain('presentation--focus')
    await expect.poll(() => inView(cluster)).toBe(true)
    await anna.getByText('Hervorgehoben: Abstimmungsaufwand').waitFor()
    await expect.poll(() => inView(anna.locator('.cluster--focus'))).toBe(true)
    await expectNoAxeViolations(present, 'the presentation page with a highlight')

    // A highlighted loose note is marked where it is listed in its zone on the shared screen.
    await mod.getByRole('button', { name: 'Aktionen zur Notiz: Kurze Wege im Landkreis' }).click()
    await mod.getByRole('menuitemcheckbox', { name: 'Hervorheben' }).click()
    const loose = zone(present, /Steigen/).getByRole('listitem').filter({ hasText: 'Kurze Wege im Landkreis' })
    await expect.poll(() => loose.getAttribute('class')).toContain('presentation--focus')
    await annaContext.close()
  })
})
