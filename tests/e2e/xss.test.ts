import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

/** Hostile note texts: each must show as the very text typed, and run nothing. */
const NOTES: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '**fett** [Link](javascript:window.__pwned=1) <b onmouseover="window.__pwned=1">b</b> ![x](x" onerror="window.__pwned=1)',
  '# Überschrift\n<iframe src="javascript:window.__pwned=1"></iframe>\n- [ ] <a href="javascript:alert(1)">klick</a>',
  '<style>body{display:none}</style><img src=x onerror=alert(1)>',
  'Rechnung \u202Egnp.exe\u202C fertig',
  `${'Langer Text mit <b>Markup</b> & Sonderzeichen; '.repeat(22)}`.slice(0, 999) + '!',
  '🎈🔥👍🏽 Familie 👨‍👩‍👧‍👦 ✅ — „Zitat“ & <u>Ende</u>',
]
/** Notes the second browser writes (so each browser shows the other's texts too). */
const BEN_NOTES: readonly string[] = ['${window.__pwned=1}', '<a href="javascript:window.__pwned=1">Link</a>', "'-alert(1)-'"]
const BOARD_TITLE = '<img src=x onerror=alert(1)><script>window.__pwned=1</script>"\'><svg onload=window.__pwned=1> \u202Egnp.exe'
const CLUSTER_TITLE = '</h3><script>window.__pwned=1</script><img src=x onerror=alert(2)> {{7*7}} \u202Eevil'

interface Watch {
  readonly dialogs: string[]
  readonly cspConsole: string[]
}

/** A context whose pages count CSP violations (in the page) and record dialogs and CSP console messages. */
async function watchedContext(watch: Watch): Promise<BrowserContext> {
  const context = await e2e.browser.newContext()
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => {})
    })
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) watch.cspConsole.push(message.text())
    })
  })
  return context
}

async function join(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('textbox', { name: /Name/ }).fill(name)
  await page.getByRole('button', { name: 'Beitreten' }).click()
  await zone(page, /Steigen/).waitFor()
  return page
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Nothing ran and nothing was injected as markup. */
async function expectHarmless(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __csp: string[] }
    return {
      pwned: w.__pwned,
      csp: w.__csp,
      injected: document.querySelectorAll(
        'script:not([src]), iframe, style:not([data-vite-dev-id]), img[src="x"], [onerror], [onload], [onmouseover], a[href^="javascript:"], b, u',
      ).length,
    }
  })
  expect(state.pwned, `${where}: window.__pwned`).toBeUndefined()
  expect(state.csp, `${where}: CSP violations`).toEqual([])
  expect(state.injected, `${where}: elements made from the texts`).toBe(0)
}

describe('hostile texts', () => {
  it('the CSP detector works: an inline script added to the page is blocked and reported', async () => {
    const watch: Watch = { dialogs: [], cspConsole: [] }
    const context = await watchedContext(watch)
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__pwned = 1'
      document.body.append(script)
    })
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(watch.cspConsole.length).toBeGreaterThan(0)
    await context.close()
  })

  it('show as text on the board and in the report of another browser, run nothing and break no CSP rule', async () => {
    const board = await createBoard(e2e.server, { title: BOARD_TITLE, settings: { privateWriting: false } })
    const watch: Watch = { dialogs: [], cspConsole: [] }
    const modContext = await watchedContext(watch)
    const benContext = await watchedContext(watch)
    const mod = await join(modContext, board.moderatorUrl, '<b>Mod</b>')
    const ben = await join(benContext, board.participantUrl, '<img src=x onerror=alert(3)>')

    for (const text of NOTES) await writeNote(mod, /Steigen/, text)
    for (const text of BEN_NOTES) await writeNote(ben, /Einheizen/, text)
    const all = [...NOTES, ...BEN_NOTES]
    for (const page of [mod, ben]) {
      await page.waitForFunction((n) => document.querySelectorAll('.note__text').length === n, all.length)
      const shown = await page.locator('.note__text').allTextContents()
      expect(shown.sort()).toEqual([...all].sort())
    }
    await mod.getByText('gespeichert', { exact: true }).waitFor()

    // Cluster two hostile notes with the moderator's menu and give the cluster a hostile title.
    await mod.getByRole('button', { name: 'Clustern', exact: true }).click()
    await mod.getByRole('button', { name: `Aktionen zur Notiz: ${NOTES[0]}`, exact: true }).click()
    await mod.getByRole('menuitem', { name: 'In Cluster verschieben …' }).click()
    await mod.getByRole('menuitem', { name: `Neuer Cluster mit „${NOTES[1]}“` }).click()
    await zone(mod, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ }).waitFor()
    await mod.getByRole('button', { name: /Cluster umbenennen/ }).click()
    const titleBox = mod.getByRole('textbox', { name: 'Clustertitel' })
    await titleBox.fill(CLUSTER_TITLE)
    await titleBox.press('Enter')

    for (const page of [mod, ben]) {
      const heading = zone(page, /Steigen/).locator('h3.cluster__title')
      await page.waitForFunction((title) => [...document.querySelectorAll('h3.cluster__title')].some((h) => h.textContent?.includes(title)), CLUSTER_TITLE)
      expect(await heading.count()).toBe(1)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(BOARD_TITLE)
      expect((await page.locator('.note__text').allTextContents()).sort()).toEqual([...all].sort())
      await expectHarmless(page, `board (${page === mod ? 'moderator' : 'participant'})`)
    }
    // The hostile display names show as names (in the list behind "2 anwesend").
    for (const page of [mod, ben]) await page.getByRole('button', { name: '2 anwesend' }).click()
    await mod.getByText('<img src=x onerror=alert(3)>').first().waitFor()
    await ben.getByText('<b>Mod</b>').first().waitFor()

    // The report, in the second browser (the list of those present closed again first).
    await ben.getByRole('button', { name: '2 anwesend' }).click()
    await ben.getByRole('link', { name: 'Ergebnis' }).click()
    await ben.getByRole('heading', { level: 1 }).waitFor()
    await ben.waitForFunction((title) => document.body.textContent?.includes(title) ?? false, CLUSTER_TITLE)
    const report = squash((await ben.locator('main').textContent()) ?? '')
    expect(squash((await ben.getByRole('heading', { level: 1 }).textContent()) ?? '')).toBe(squash(BOARD_TITLE))
    for (const text of [...all, CLUSTER_TITLE]) expect(report, `report shows ${JSON.stringify(text.slice(0, 60))}`).toContain(squash(text))
    await expectHarmless(ben, 'report')

    // And nothing happened later, either (handlers would have fired by now).
    await ben.waitForTimeout(300)
    for (const page of [mod, ben]) expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(watch.dialogs).toEqual([])
    expect(watch.cspConsole).toEqual([])
    await modContext.close()
    await benContext.close()
  })
})
