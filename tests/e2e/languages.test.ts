import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { joinOn } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// English and the "du" overlay are fetched when needed (client/i18n/catalogues.ts), and nothing
// shows before its texts are there: no German flashes on a stored English interface, no "Sie" on
// a board that says "du".

const e2e = withServerAndBrowser()

const LAZY_CATALOGUE = /\/assets\/(en|deDu)-[\w-]+\.js$/

/** The lazy catalogues the page and its service worker have asked for, by name (en, deDu). */
function catalogueRequests(context: BrowserContext): Set<string> {
  const seen = new Set<string>()
  context.on('request', (request) => {
    const match = LAZY_CATALOGUE.exec(new URL(request.url()).pathname)
    if (match?.[1]) seen.add(match[1])
  })
  return seen
}

/**
 * Watches the page from its first byte: `window.shown` lists which of `texts` the document ever
 * contained, however briefly (while it also contained `alongside`, when given).
 */
async function watchFor(context: BrowserContext, texts: readonly string[], alongside = ''): Promise<void> {
  await context.addInitScript(
    ([watched, context]) => {
      const shown = new Set<string>()
      Object.assign(window, { shown })
      const look = () => {
        const text = document.documentElement.textContent ?? ''
        if (text.includes(context)) for (const t of watched) if (text.includes(t)) shown.add(t)
      }
      new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true })
    },
    [texts, alongside] as const,
  )
}

const shownTexts = (page: Page) => page.evaluate(() => [...(window as unknown as { shown: Set<string> }).shown])

describe('languages on demand', () => {
  it('a German interface fetches neither English nor the du texts', async () => {
    const context = await e2e.browser.newContext()
    const requests = catalogueRequests(context)
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.getByRole('heading', { name: 'Neues Board' }).waitFor()
    await page.getByRole('button', { name: 'Board erstellen' }).waitFor()
    expect([...requests]).toEqual([])
    await context.close()
  })

  it('a stored English interface shows English from the first render, never German', async () => {
    const context = await e2e.browser.newContext()
    await context.addInitScript(() => localStorage.setItem('ballonfahrt:locale', 'en'))
    await watchFor(context, ['Neues Board', 'Board erstellen'])
    const requests = catalogueRequests(context)
    const page = await context.newPage()
    await page.goto(e2e.server.http)
    await page.getByRole('heading', { name: 'New board' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await shownTexts(page)).toEqual([])
    expect([...requests]).toEqual(['en'])
    await context.close()
  })

  // Before its state arrives a board shows as an empty one in "Sie" (as before the texts were
  // split); from the first render of its own state (its title) it says "du".
  it('a board that says "du" speaks "du" from the first render of its state, never "Sie"', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Duzboard', settings: { ...OPEN_BOARD.settings, address: 'du' } })
    const context = await e2e.browser.newContext()
    await watchFor(context, ['Schreiben Sie Ihre Gedanken'], 'Duzboard')
    const requests = catalogueRequests(context)
    const page = await context.newPage()
    await joinOn(page, board.participantUrl, 'Ada')
    await page.getByText('Schreibt eure Gedanken in die drei Bereiche – alle sehen sie sofort.').waitFor()
    expect(await shownTexts(page)).toEqual([])
    expect([...requests]).toEqual(['deDu'])
    await context.close()
  })
})
