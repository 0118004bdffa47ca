import { describe, expect, it } from 'vitest'
import { axeViolations } from '../helpers/axe'
import { joinAs, joinBehindSwitch, noteItem, writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

describe('a board in two browsers', () => {
  it('shows a note typed in one browser in the other, and keeps it across a reload', async () => {
    const board = await createBoard(e2e.server, { title: 'Reflexion', settings: { privateWriting: false } })
    const anna = await joinAs(e2e.browser, board.moderatorUrl, 'Anna')
    const ben = await joinAs(e2e.browser, board.participantUrl, 'Ben')
    expect(await anna.page.getByRole('heading', { level: 1 }).textContent()).toContain('Reflexion')
    await writeNote(anna.page, /Steigen/, 'Gelungene Vernetzungsarbeit')
    await noteItem(ben.page, /Steigen/, 'Gelungene Vernetzungsarbeit').waitFor()
    await anna.page.getByText('gespeichert', { exact: true }).waitFor()
    // Presence: "2 anwesend", and the list behind it names the other.
    await ben.page.getByRole('button', { name: '2 anwesend' }).click()
    await ben.page.getByRole('list', { name: 'Anwesend' }).getByText('Anna').waitFor()
    await ben.page.reload()
    await noteItem(ben.page, /Steigen/, 'Gelungene Vernetzungsarbeit').waitFor()
    expect(await zone(ben.page, /Steigen/).getByRole('listitem').count()).toBe(1)
    // The moderator token is not left in the address bar.
    expect(anna.page.url()).not.toContain('#m=')
    await anna.context.close()
    await ben.context.close()
  })

  it('keeps a note typed while offline, across a reload, and sends it when back online', async () => {
    const board = await createBoard(e2e.server, { title: 'Offline', settings: { privateWriting: false } })
    const { context, page, sockets } = await joinBehindSwitch(e2e.browser, board.participantUrl, 'Carla')
    await page.getByText('gespeichert', { exact: true }).waitFor()

    await sockets.cut()
    await page.getByText('offline', { exact: true }).waitFor()
    await writeNote(page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit')
    await noteItem(page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()
    expect(await page.getByText('gespeichert', { exact: true }).count()).toBe(0)

    await page.reload()
    await noteItem(page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()

    sockets.heal()
    await page.getByText('gespeichert', { exact: true }).waitFor({ timeout: 15_000 })
    const other = await joinAs(e2e.browser, board.participantUrl, 'Dario')
    await noteItem(other.page, /Einheizen/, 'Mehr Öffentlichkeitsarbeit').waitFor()
    expect(await zone(other.page, /Einheizen/).getByRole('listitem').count()).toBe(1)
    await other.context.close()
    await context.close()
  })
})

describe('accessibility', () => {
  it('axe-core finds no WCAG 2.1 A/AA violations on the landing page and the board', async () => {
    const context = await e2e.browser.newContext()
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    expect(await axeViolations(page)).toEqual([])
    const board = await createBoard(e2e.server, { title: 'Barrierefrei' })
    await page.goto(board.participantUrl)
    await page.getByRole('textbox', { name: /Name/ }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Beitreten' }).click()
    await writeNote(page, /Unten halten/, 'Fehlende zeitliche Ressourcen')
    await noteItem(page, /Unten halten/, 'Fehlende zeitliche Ressourcen').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
