import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../helpers/axe'
import type { TestClient } from '../helpers/clients'
import { contextWith } from '../helpers/e2e'
import { createEvent, runForum } from '../helpers/events'
import type { CreatedEvent } from '../helpers/events'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/** The combined report as a page (organiser and forum host), printed to PDF; the event code's QR code and the slide for the door. */
const e2e = withServerAndBrowser({ ownClient: true })
/** Pictures for docs/ with UPDATE_SCREENSHOTS=1, as tests/e2e/screenshots.test.ts does. */
const OUT = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots'
const DESKTOP = { viewport: { width: 1280, height: 900 } }

let event: CreatedEvent
const hosts: TestClient[] = []
const board = (forum: number, round: number) => event.boards.find((b) => b.forumIndex === forum && b.round === round)!

beforeAll(async () => {
  event = await createEvent(e2e.server)
  const runs = [
    [0, 1, { clusters: ['Bewegung im Quartier', 'Gesunde Kita'], action: 'Bewegungsangebote bündeln', institution: 'Stadt Kassel' }],
    [0, 2, { clusters: ['Sportvereine einbinden'], action: 'Vereine anschreiben', institution: 'Landkreis Fulda' }],
    [1, 1, { clusters: ['Zugang zu Hilfen'], action: 'Lotsendienst prüfen', institution: 'Gemeinde Lahntal' }],
    [2, 2, { clusters: ['Beteiligung von Kindern'], action: 'Kinderparlament' }],
    [3, 1, { clusters: ['Wirkungsziele'], action: 'Zielsystem abstimmen' }],
  ] as const
  for (const [forum, round, run] of runs) hosts.push(await runForum(e2e.server, board(forum, round), run))
})
afterAll(() => {
  for (const h of hosts.splice(0)) h.destroy()
})

/** The page printed to A4 as Chromium does it, read back with pdftotext (-layout keeps columns side by side). */
async function printed(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' })
  const path = join(tmpdir(), `ballonfahrt-${name}-${process.pid}.pdf`)
  writeFileSync(path, await page.pdf({ format: 'A4' }))
  await page.emulateMedia({ media: 'screen' })
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8')
}

describe('the combined report as a page', () => {
  it('the organiser’s: every forum, both rounds side by side, the institutions; prints to PDF without the tools; axe-clean (screenshot)', async () => {
    const context = await contextWith(e2e.browser, { introDone: true }, DESKTOP)
    const page = await context.newPage()
    await page.goto(event.organiserUrl)
    await page.getByRole('link', { name: /Gesamtbericht als Seite öffnen/ }).click()
    await page.waitForURL(`**/v/${event.eventId}/bericht`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    expect(page.url()).not.toContain(event.organiserToken)

    for (const title of ['Bewegung im Quartier', 'Gesunde Kita', 'Sportvereine einbinden', 'Zugang zu Hilfen', 'Beteiligung von Kindern', 'Wirkungsziele'])
      expect(await page.getByText(title, { exact: true }).count()).toBe(1)
    expect(await page.getByText('Landkreis Fulda, Gemeinde Lahntal, Stadt Kassel').count()).toBe(0)
    expect(await page.getByText('Gemeinde Lahntal, Landkreis Fulda, Stadt Kassel', { exact: true }).count()).toBe(1)
    // The prose draft: the forum's sentence names both rounds' clusters.
    expect(await page.getByText('Im Forum „Gesundheitsförderung“ wurden als förderliche Faktoren „Bewegung im Quartier“, „Gesunde Kita“ und „Sportvereine einbinden“ genannt.').count()).toBe(1)
    // Both rounds of Gesundheitsförderung (in the first zone, Steigen) stand side by side: same top, second to the right.
    const first = await page.getByRole('region', { name: 'Gesundheitsförderung – Runde 1' }).first().boundingBox()
    const second = await page.getByRole('region', { name: 'Gesundheitsförderung – Runde 2' }).first().boundingBox()
    expect(second!.y).toBeCloseTo(first!.y, 0)
    expect(second!.x).toBeGreaterThanOrEqual(first!.x + first!.width)
    for (const what of ['Bewegungsangebote bündeln', 'Vereine anschreiben', 'Lotsendienst prüfen', 'Kinderparlament', 'Zielsystem abstimmen'])
      expect(await page.getByRole('cell', { name: what }).count()).toBe(1)
    await expectNoAxeViolations(page, 'Gesamtbericht')
    mkdirSync(OUT, { recursive: true })
    writeFileSync(join(OUT, 'event-report.png'), await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }))

    const text = await printed(page, 'event-report')
    const flat = text.replace(/\s+/g, ' ')
    for (const expected of [event.title, 'Gesunde Kita', 'Sportvereine einbinden', 'Wirkungsziele', 'Gemeinde Lahntal, Landkreis Fulda, Stadt Kassel', 'Maßnahmen', 'Kinderparlament'])
      expect(flat).toContain(expected)
    // On paper too: one line holds both rounds' headings.
    expect(text.split('\n').some((line) => /Gesundheitsförderung – Runde 1\s+Gesundheitsförderung – Runde 2/.test(line))).toBe(true)
    for (const tool of ['Drucken oder als PDF', 'Zurück zur Übersicht', 'Ballonfahrt', 'Datenschutz']) expect(flat).not.toContain(tool)
    await context.close()
  })

  it('a forum host’s: only their forum (both rounds), from the moderator link’s token, which leaves the address', async () => {
    const context = await contextWith(e2e.browser, { introDone: true }, DESKTOP)
    const page = await context.newPage()
    const host = board(1, 1)
    await page.goto(`${e2e.server.http}/v/${event.eventId}/bericht#m=${host.moderatorToken}`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    expect(page.url()).toBe(`${e2e.server.http}/v/${event.eventId}/bericht`)
    expect(await page.getByText('Zugang zu Hilfen', { exact: true }).count()).toBe(1)
    expect(await page.getByRole('heading', { level: 3, name: 'Chancengerechtigkeit' }).count()).toBe(3)
    for (const other of ['Bewegung im Quartier', 'Wirkungsziele', 'Gesundheitsförderung', 'Stadt Kassel']) expect(await page.getByText(other).count()).toBe(0)
    await context.close()
  })

  it('says so, without showing anything, for a token that is not the event’s', async () => {
    const context = await contextWith(e2e.browser, { introDone: true }, DESKTOP)
    const page = await context.newPage()
    await page.goto(`${e2e.server.http}/v/${event.eventId}/bericht#o=${'A'.repeat(43)}`)
    await page.getByRole('alert').filter({ hasText: 'Moderationslink' }).waitFor()
    expect(await page.getByText('Bewegung im Quartier').count()).toBe(0)
    await context.close()
  })
})

describe('the new event pages on a phone', () => {
  it('the combined report, the overview and the slide for the door are axe-clean at 360 px, and nothing is wider than the screen', async () => {
    const context = await contextWith(e2e.browser, { introDone: true }, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const widest = () => page.evaluate(() => document.documentElement.scrollWidth)
    await page.goto(`${e2e.server.http}/v/${event.eventId}/bericht#o=${event.organiserToken}`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    await expectNoAxeViolations(page, 'Gesamtbericht (Handy)')
    expect(await widest()).toBeLessThanOrEqual(360)
    await page.goto(`${e2e.server.http}/v/${event.eventId}`)
    await page.getByRole('heading', { level: 1, name: /Übersicht der Veranstaltung/ }).waitFor()
    await page.getByRole('region', { name: 'Zugang für Teilnehmende' }).getByRole('img').waitFor()
    await expectNoAxeViolations(page, 'Übersicht (Handy)')
    expect(await widest()).toBeLessThanOrEqual(360)
    await page.goto(`${e2e.server.http}/e/${event.eventCode}/aushang`)
    await page.getByRole('img', { name: /QR-Code/ }).waitFor()
    await expectNoAxeViolations(page, 'Aushang (Handy)')
    expect(await widest()).toBeLessThanOrEqual(360)
    // Codes are random: the widest letters of the alphabet must fit too (a code of them once made the page 369 px wide).
    await page.locator('.door__code').evaluate((el) => (el.textContent = 'WWWW-MMMM'))
    expect(await widest()).toBeLessThanOrEqual(360)
    await context.close()
  })
})

describe('the new event pages in the dark and high-contrast themes', () => {
  it.each(['dark', 'contrast'] as const)('%s: the combined report, the overview and the slide for the door are axe-clean', async (theme) => {
    const context = await contextWith(e2e.browser, { introDone: true, theme }, DESKTOP)
    const page = await context.newPage()
    await page.goto(`${e2e.server.http}/v/${event.eventId}/bericht#o=${event.organiserToken}`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
    await expectNoAxeViolations(page, `Gesamtbericht (${theme})`)
    await page.goto(`${e2e.server.http}/v/${event.eventId}`)
    await page.getByRole('region', { name: 'Zugang für Teilnehmende' }).getByRole('img').waitFor()
    await expectNoAxeViolations(page, `Übersicht (${theme})`)
    await page.goto(`${e2e.server.http}/e/${event.eventCode}/aushang`)
    await page.getByRole('img', { name: /QR-Code/ }).waitFor()
    await expectNoAxeViolations(page, `Aushang (${theme})`)
    await context.close()
  })
})

describe('the event code’s QR code', () => {
  it('on the overview with code and link as text, and the slide for the door, which prints code, link and QR code (axe-clean)', async () => {
    const context = await contextWith(e2e.browser, { introDone: true }, DESKTOP)
    const page = await context.newPage()
    await page.goto(event.organiserUrl)
    const access = page.getByRole('region', { name: 'Zugang für Teilnehmende' })
    await access.waitFor()
    const qr = access.getByRole('img', { name: `QR-Code mit dem Link für Teilnehmende: ${event.eventUrl}` })
    await qr.waitFor()
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^(M\d+ \d+h1v1h-1z)+$/)
    expect(await access.textContent()).toContain(event.eventCode)
    expect(await access.textContent()).toContain(event.eventUrl)
    // Everything the page loads comes from the server itself (no QR service).
    const foreign: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(e2e.server.http)) foreign.push(r.url())
    })
    await page.getByRole('link', { name: /Aushang für die Tür/ }).click()
    await page.waitForURL(`**/e/${event.eventCode}/aushang`)
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor()
    await page.getByRole('img', { name: `QR-Code mit dem Link für Teilnehmende: ${event.eventUrl}` }).waitFor()
    expect(await page.getByText(event.eventCode, { exact: true }).count()).toBe(1)
    await expectNoAxeViolations(page, 'Aushang')
    const text = (await printed(page, 'door')).replace(/\s+/g, ' ')
    for (const expected of [event.title, event.eventCode, event.eventUrl, 'Scannen Sie den QR-Code']) expect(text).toContain(expected)
    expect(text).not.toContain('Drucken oder als PDF')
    expect(foreign).toEqual([])
    await context.close()
  })
})
