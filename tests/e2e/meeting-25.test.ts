import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { addDraft, castVote } from '../../model/privateDoc'
import { newSecretId } from '../../model/ids'
import { toBoardView } from '../../model/view'
import type { ZoneId } from '../../model/zones'
import { expectNoAxeViolationsInThemes } from '../helpers/axe'
import { connectClient } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { contextWith, joinIn, noteItem, writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

/**
 * Issue 13's meeting at its size, in Chromium: 25 participants (22 raw clients, and real pages
 * for the moderator, a participant at 1280 × 800 and one on a phone at 390 × 844), 125 notes
 * written privately and revealed. The moderator runs the whole meeting with the bar alone; at
 * every step the bar's actions are on the screen while the page is scrolled down among the
 * notes. The vote cannot be left unended; quick taps on "+" are counted exactly. Prints (does not
 * assert) how long the reveal takes to show all notes on the participant's page and how long
 * clustering through the menu takes at 125 notes.
 */

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'de-DE' }
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE' }
const RAW = 22
const NOTES = 125
const ZONES: readonly ZoneId[] = ['steigen', 'untenHalten', 'einheizen']
const PHRASES = [
  'Gelungene Vernetzungs- und Strukturarbeit',
  'Abbau von Doppelstrukturen durch die Präventionsketten',
  'Zu wenig Zeit für Netzwerkarbeit neben dem Tagesgeschäft',
  'Personalwechsel bei freien Trägern',
  'Eltern früher beteiligen',
  'Fehlende Verstetigung der Finanzierung über das Projektende hinaus',
  'Datenschutzfragen bremsen den Austausch zwischen Jugendamt und Schulen',
  'Kurze Wege',
]
/** The notes the three pages write themselves (the other 120 come from the raw clients). */
const ANNA_NOTES = ['Anna: Fachtag im Herbst wiederholen', 'Anna: Übergänge Kita–Schule besser begleiten', 'Anna: Mehr Zeit für Austausch']
const PHONE_NOTES = ['Telefon: Elternbriefe in einfacher Sprache', 'Telefon: Sprechstunde am Abend']
const VOTES = { votesPerPerson: 5, maxVotesPerItem: 3 }

const e2e = withServerAndBrowser({ ownClient: true })
let board: CreatedBoard
const raw: { board: TestClient; mine: TestClient }[] = []

beforeAll(async () => {
  board = await createBoard(e2e.server, { title: 'Austauschtreffen Präventionsketten' })
  for (let i = 0; i < RAW; i++) {
    // One person: the board and the private doc with the same secret (sent in the first message).
    const secret = newSecretId()
    const boardClient = connectClient(e2e.server.ws, board.boardId, { secret })
    boardClient.provider.awareness.setLocalStateField('user', { name: `Teilnehmerin ${i + 1}` })
    raw.push({ board: boardClient, mine: connectClient(e2e.server.ws, `${board.boardId}/private`, { secret }) })
  }
  await Promise.all(raw.flatMap((r) => [r.board.synced(), r.mine.synced()]))
}, 60_000)

afterAll(() => {
  for (const r of raw) {
    r.board.destroy()
    r.mine.destroy()
  }
})

/**
 * Every button of the moderator's bar ("Phase wechseln": Nächste Phase, the phase's own action,
 * every phase by name) lies wholly on the screen: the moderator need not scroll to reach it.
 */
async function expectBarInView(mod: Page, step: string): Promise<void> {
  const outside = await mod.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLElement>('[role="group"][aria-label="Phase wechseln"] button')]
    if (buttons.length === 0) return ['no bar']
    return buttons
      .filter((b) => {
        const r = b.getBoundingClientRect()
        return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth || r.height === 0
      })
      .map((b) => b.textContent ?? '')
  })
  expect(outside, `bar off the screen at ${step}`).toEqual([])
}

/** Scrolls the moderator's page down among the notes (as one does while reading them), then checks the bar. */
async function scrolledDown(mod: Page, step: string): Promise<void> {
  await mod.evaluate(() => window.scrollTo(0, Math.max(0, document.documentElement.scrollHeight / 2 - innerHeight / 2)))
  expect(await mod.evaluate(() => window.scrollY), `scrolled at ${step}`).toBeGreaterThan(0)
  await expectBarInView(mod, step)
}

/**
 * Clicks a button of the bar where it is on the screen, with the mouse at its coordinates (a
 * locator's click would scroll it into view first): the moderator does not scroll to reach it.
 */
async function barButton(mod: Page, name: string): Promise<void> {
  const button = mod.getByRole('group', { name: 'Phase wechseln' }).getByRole('button', { name, exact: true })
  const box = (await button.boundingBox())!
  expect(box.y >= 0 && box.y + box.height <= 800, `${name} on the screen`).toBe(true)
  await mod.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}

async function expectPhase(page: Page, phase: string): Promise<void> {
  await page.locator('[aria-current="step"]').filter({ hasText: phase }).waitFor()
}

/** The board as a raw client sees it. */
const view = () => toBoardView(raw[0]!.board.doc)

/** Taps the point at the middle of `target` `times` times as fast as the phone sends them (no waiting between). */
async function rapidTaps(page: Page, target: Locator, times: number): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const box = (await target.boundingBox())!
  for (let i = 0; i < times; i++) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

/**
 * Everyone present has a look of their own (shape, fill, colour, frame, initials: seats of issue
 * 13), in the presence list and on the notes alike: read off the page as the eye would see it.
 */
async function expectLooksApart(page: Page, present: number): Promise<void> {
  const toggle = page.getByRole('button', { name: `${present} anwesend` })
  await toggle.click()
  const { listed, authors } = await page.evaluate(() => {
    const look = (mark: HTMLElement) => [mark.dataset.shape, mark.dataset.fill, mark.dataset.colour, mark.className, mark.textContent].join('/')
    const listed = [...document.querySelectorAll<HTMLElement>('ul.presence__list > li')].map((li) => {
      const mark = li.querySelector<HTMLElement>('.pmark')!
      return [mark.nextSibling?.textContent ?? '', look(mark)] as const
    })
    const authors = [...document.querySelectorAll<HTMLElement>('main li.note .note__author')].map(
      (p) => [p.querySelector('.visually-hidden')!.textContent!.replace(/^Von /, ''), look(p.querySelector<HTMLElement>('.pmark')!)] as const,
    )
    return { listed, authors }
  })
  await toggle.click()
  expect(listed).toHaveLength(present)
  expect(new Set(listed.map(([, l]) => l)).size).toBe(present)
  const byAuthor = new Map(authors)
  // Everyone but the moderator wrote notes.
  expect(byAuthor.size).toBe(present - 1)
  expect(new Set(byAuthor.values()).size).toBe(byAuthor.size)
  const inList = new Map(listed)
  for (const [name, l] of byAuthor) expect(l, name).toBe(inList.get(name))
}

/** A page of its own (a person's browser) that has joined the board. */
async function joined(options: BrowserContextOptions, url: string, name: string): Promise<Page> {
  return joinIn(await contextWith(e2e.browser, { introDone: true }, options), url, name)
}

/** Writes `texts` into Steigen one after the other, as one person types them. */
async function writeNotes(page: Page, texts: readonly string[]): Promise<void> {
  for (const text of texts) await writeNote(page, /Steigen/, text)
}

describe('a 25-person meeting with 125 notes', () => {
  it('is run by the moderator with the bar alone, from private writing to the end', async () => {
    // The three pages join at once, as people arrive (one after the other, joining and writing took a third of the run).
    const [mod, anna, phone] = await Promise.all([
      joined(DESKTOP, board.moderatorUrl, 'Moderation'),
      joined(DESKTOP, board.participantUrl, 'Anna Berg'),
      joined(PHONE, board.participantUrl, 'Gül Hahn'),
    ])

    // Sammeln, privately: 120 drafts from the raw clients, 5 written on the pages.
    for (let i = 0; i < NOTES - ANNA_NOTES.length - PHONE_NOTES.length; i++) {
      const who = raw[i % RAW]!
      addDraft(who.mine.doc, { zone: ZONES[i % 3]!, text: `${PHRASES[i % PHRASES.length]} (${i + 1})` })
    }
    // Anna and the phone type while the raw clients' drafts reach the server.
    await Promise.all([writeNotes(anna, ANNA_NOTES), writeNotes(phone, PHONE_NOTES), ...raw.map((r) => r.mine.settled(15_000))])
    await noteItem(phone, /Steigen/, PHONE_NOTES[1]!).waitFor()
    await noteItem(anna, /Steigen/, ANNA_NOTES[2]!).waitFor()
    // The moderator sees no note yet, and the bar shows the progress.
    expect(await mod.locator('main li.note').count()).toBe(0)
    await mod.getByText(/von 24 fertig/).waitFor()
    await expectBarInView(mod, 'Sammeln')

    // Aufdecken: from the click to all 125 notes on the participant's page.
    const revealStart = Date.now()
    await barButton(mod, 'Nächste Phase')
    await anna.waitForFunction((n) => document.querySelectorAll('main li.note:not(.note--draft)').length >= n, NOTES, { timeout: 60_000 })
    const revealMs = Date.now() - revealStart
    console.log(`reveal -> all ${NOTES} notes visible on a participant's page: ${revealMs} ms`)
    await expectPhase(mod, 'Aufdecken')
    await mod.waitForFunction((n) => document.querySelectorAll('main li.note').length >= n, NOTES)
    await expectLooksApart(anna, 25)
    expect(view().zones.steigen.notes.length + view().zones.untenHalten.notes.length + view().zones.einheizen.notes.length).toBe(NOTES)
    await scrolledDown(mod, 'Aufdecken')

    // Clustern: three notes selected at once (the checkboxes), then the note's menu at 125 notes —
    // the picker's search finds the note to group with.
    await barButton(mod, 'Nächste Phase')
    await expectPhase(mod, 'Clustern')
    await scrolledDown(mod, 'Clustern')
    const selected = ['Eltern früher beteiligen (5)', 'Eltern früher beteiligen (13)', 'Eltern früher beteiligen (21)']
    for (const text of selected) await mod.getByRole('checkbox', { name: `Notiz auswählen: ${text}` }).check()
    await mod.getByText('3 Notizen ausgewählt').waitFor()
    const menuStart = Date.now()
    const first = noteItem(mod, /Steigen/, 'Kurze Wege (16)')
    await first.getByRole('button', { name: /^Aktionen zur Notiz/ }).click()
    await mod.getByRole('menuitem', { name: 'In Cluster verschieben …' }).click()
    const search = mod.getByRole('searchbox', { name: 'Cluster oder Notiz suchen' })
    await search.waitFor()
    const pickerMs = Date.now() - menuStart
    const offered = await mod.getByRole('menu').getByRole('menuitem').count()
    await search.fill('Kurze Wege')
    await mod.getByRole('status').filter({ hasText: /^[1-9]\d* Treffer$/ }).waitFor()
    const narrowed = await mod.getByRole('menu').getByRole('menuitem').count()
    expect(narrowed).toBeLessThan(offered)
    // The new views (picker with its search, checkboxes, selected notes, the selection bar) in every theme.
    await expectNoAxeViolationsInThemes(mod, 'cluster picker and three notes selected at 125 notes')
    const chooseStart = Date.now()
    await mod.getByRole('menuitem', { name: /^Neuer Cluster mit „Kurze Wege \(\d+\)“$/ }).first().click()
    await zone(anna, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ }).waitFor()
    const chooseMs = Date.now() - chooseStart
    console.log(`clustering by menu at ${NOTES} notes: menu to picker ${pickerMs} ms (${offered} entries, ${narrowed} after the search), choice -> cluster on the participant's page ${chooseMs} ms`)

    // The three selected notes grouped in one step.
    const groupStart = Date.now()
    await mod.getByRole('button', { name: 'Gruppieren' }).click()
    await anna.waitForFunction(() => document.querySelectorAll('main .cluster').length >= 2)
    console.log(`three selected notes grouped in one step -> on the participant's page: ${Date.now() - groupStart} ms`)
    const grouped = view().zones.einheizen.clusters.concat(view().zones.steigen.clusters, view().zones.untenHalten.clusters)
    expect(grouped.map((c) => c.notes.length).sort()).toEqual([2, 3])
    await expectBarInView(mod, 'Clustern, after grouping')

    // Abstimmen: the raw clients vote for items other than the phone's notes.
    await scrolledDown(mod, 'Clustern, before Abstimmen')
    await barButton(mod, 'Nächste Phase')
    await expectPhase(mod, 'Abstimmen')
    await expectPhase(phone, 'Abstimmen')
    const items = ZONES.flatMap((z) => [...view().zones[z].clusters.map((c) => c.id), ...view().zones[z].loose.filter((n) => !n.text.startsWith('Telefon')).map((n) => n.id)])
    raw.forEach((r, i) => {
      for (let v = 0; v < VOTES.votesPerPerson; v++) castVote(r.mine.doc, items[(i + v * 7) % items.length]!, 1, VOTES)
    })
    await Promise.all(raw.map((r) => r.mine.settled(15_000)))

    // Rapid taps on the phone: four on one note count three (the most per item), three on the next count the two left.
    const [x, y] = PHONE_NOTES.map((text) => view().zones.steigen.loose.find((n) => n.text === text)!.id) as [string, string]
    // The button's name holds the note's text cut to 40 characters.
    const plus = (text: string) => phone.getByRole('button', { name: new RegExp(`^Stimme geben: ${text.slice(0, 30)}`) })
    await rapidTaps(phone, plus(PHONE_NOTES[0]!), 4)
    await noteItem(phone, /Steigen/, PHONE_NOTES[0]!).getByText(/(Deine|Ihre) Stimmen: 3/).waitFor()
    await rapidTaps(phone, plus(PHONE_NOTES[1]!), 3)
    await noteItem(phone, /Steigen/, PHONE_NOTES[1]!).getByText(/(Deine|Ihre) Stimmen: 2/).waitFor()
    expect(await plus(PHONE_NOTES[1]!).isDisabled()).toBe(true)
    await phone.getByText('Noch 0 von 5 Stimmen').waitFor()
    // Anna votes with the mouse; then everyone has voted.
    for (let v = 0; v < 5; v++) await anna.locator('main button[aria-label^="Stimme geben:"]:not([disabled])').first().click()
    await mod.getByText('24 von 24 haben abgestimmt').waitFor({ timeout: 30_000 })

    // The vote cannot be skipped: "Nächste Phase" asks first, and "Abbrechen" keeps it open.
    await scrolledDown(mod, 'Abstimmen')
    await barButton(mod, 'Nächste Phase')
    const ask = mod.getByRole('alertdialog').or(mod.getByRole('dialog'))
    await ask.getByRole('heading', { name: 'Abstimmung beenden?' }).waitFor()
    await ask.getByRole('button', { name: 'Abbrechen' }).click()
    await expectPhase(mod, 'Abstimmen')
    expect(view().votesRevealed).toBe(false)
    await barButton(mod, 'Abstimmung beenden')
    await mod.getByRole('group', { name: 'Phase wechseln' }).getByRole('button', { name: 'Abstimmung wieder öffnen' }).waitFor()
    await expect.poll(() => view().votesRevealed).toBe(true)
    // Counted exactly: the phone's taps, and every raw vote.
    await expect.poll(() => [view().tally[x], view().tally[y]]).toEqual([3, 2])
    expect(Object.values(view().tally).reduce((a, b) => a + b, 0)).toBe((RAW + 2) * VOTES.votesPerPerson)

    // Maßnahmen and Besprechen, stepped through from the bar.
    await scrolledDown(mod, 'Abstimmen, ended')
    await barButton(mod, 'Nächste Phase')
    await expectPhase(mod, 'Maßnahmen')
    await scrolledDown(mod, 'Maßnahmen')
    await barButton(mod, (await mod.getByRole('button', { name: /^Besprechen starten/ }).textContent())!)
    await anna.getByRole('heading', { name: /^Besprechen: Punkt 1 von/ }).waitFor()
    await scrolledDown(mod, 'Besprechen')
    await barButton(mod, 'Nächster Punkt')
    await anna.getByRole('heading', { name: /^Besprechen: Punkt 2 von/ }).waitFor()
    await barButton(mod, 'Besprechen beenden')
    await scrolledDown(mod, 'Maßnahmen, after Besprechen')
    await barButton(mod, 'Nächste Phase')
    await expectPhase(anna, 'Abschluss')
    await expectPhase(phone, 'Abschluss')
    await scrolledDown(mod, 'Abschluss')
    // 115 s on a two-core machine at load average 28 (eight test runs at once); the time limit
    // leaves room for that, not for a hang: every wait above has its own, shorter limit.
  }, 240_000)
})
