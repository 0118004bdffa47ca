import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { tokenizer } from 'acorn'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { axeViolations } from '../helpers/axe'
import { joinAs, joinBehindSwitch, noteItem, writeNote, zone } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

/** Everything a browser context asked for: request URLs, websocket URLs, Set-Cookie headers. */
interface Traffic {
  readonly urls: string[]
  readonly setCookies: string[]
  readonly pending: Promise<void>[]
}

/** A context whose every page records its requests, websockets and response headers. */
async function recordedContext(traffic: Traffic): Promise<BrowserContext> {
  const context = await e2e.browser.newContext({ acceptDownloads: true })
  const watch = (page: Page) => {
    page.on('request', (request) => traffic.urls.push(request.url()))
    page.on('websocket', (socket) => traffic.urls.push(socket.url()))
    page.on('response', (response) => {
      traffic.pending.push(
        response
          .headersArray()
          .then((headers) => {
            for (const h of headers) if (h.name.toLowerCase() === 'set-cookie') traffic.setCookies.push(`${response.url()}: ${h.value}`)
          })
          .catch(() => {}),
      )
    })
  }
  context.on('page', watch)
  return context
}

/** The board id in a page's address (/b/<id> or /b/<id>/ergebnis). */
function boardIdIn(page: Page): string {
  const match = /\/b\/([A-Za-z0-9_-]+)/.exec(new URL(page.url()).pathname)
  if (!match?.[1]) throw new Error(`not on a board: ${page.url()}`)
  return match[1]
}

/** What this browser keeps about a board: localStorage keys naming it and its IndexedDB databases. */
async function storedFor(page: Page, boardId: string): Promise<{ keys: string[]; databases: string[] }> {
  return page.evaluate(async (id) => {
    const keys = Object.keys(localStorage).filter((k) => k.includes(id))
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(id))
    return { keys: keys.sort(), databases: databases.sort() }
  }, boardId)
}

describe('a whole session talks only to its own server', () => {
  it('creates, joins, writes, reveals, opens the report and downloads Markdown: no other origin, no cookies', async () => {
    const origin = e2e.server.http
    const wsOrigin = origin.replace(/^http/, 'ws')
    const traffic: Traffic = { urls: [], setCookies: [], pending: [] }
    const annaContext = await recordedContext(traffic)
    const anna = await annaContext.newPage()
    await anna.goto(origin)
    await anna.getByRole('textbox', { name: 'Titel' }).fill('Datenschutz im Blick')
    await anna.getByRole('textbox', { name: 'Ihr Name' }).fill('Anna')
    await anna.getByRole('button', { name: 'Board erstellen' }).click()
    await zone(anna, /Steigen/).waitFor()
    const boardId = boardIdIn(anna)

    const benContext = await recordedContext(traffic)
    const ben = await benContext.newPage()
    await ben.goto(`${origin}/b/${boardId}`)
    await ben.getByRole('textbox', { name: /Name/ }).fill('Ben')
    await ben.getByRole('button', { name: 'Beitreten' }).click()
    await zone(ben, /Steigen/).waitFor()

    await writeNote(anna, /Steigen/, 'Klare Absprachen')
    await writeNote(ben, /Unten halten/, 'Zu viele Termine')
    await noteItem(ben, /Unten halten/, 'Zu viele Termine').waitFor()
    await anna.getByRole('button', { name: 'Aufdecken', exact: true }).click()
    await noteItem(anna, /Unten halten/, 'Zu viele Termine').waitFor()
    await noteItem(ben, /Steigen/, 'Klare Absprachen').waitFor()
    await anna.getByText('gespeichert', { exact: true }).waitFor()

    await anna.getByRole('link', { name: 'Ergebnis' }).click()
    await anna.getByRole('button', { name: 'Markdown herunterladen' }).waitFor()
    const [file] = await Promise.all([anna.waitForEvent('download'), anna.getByRole('button', { name: 'Markdown herunterladen' }).click()])
    const markdown = readFileSync((await file.path())!, 'utf8')
    expect(markdown).toContain('Klare Absprachen')
    expect(markdown).toContain('Zu viele Termine')
    await ben.getByRole('link', { name: 'Ergebnis' }).click()
    await ben.getByText('Zu viele Termine').first().waitFor()
    await ben.getByRole('link', { name: 'Datenschutz' }).click()
    await ben.getByRole('heading', { level: 1, name: 'Datenschutzhinweise' }).waitFor()
    // A full page load of a deep link, too.
    await ben.goto(`${origin}/datenschutz`)
    await ben.getByRole('heading', { level: 1, name: 'Datenschutzhinweise' }).waitFor()
    // The accessibility statement holds an external link (see NOT_REQUESTED below): shown,
    // not requested; the check of `foreign` below covers this page too.
    await ben.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' }).click()
    await ben.getByRole('heading', { level: 1, name: /Erklärung zur Barriere/ }).waitFor()
    const external = ben.getByRole('link', { name: 'www.schlichtungsstelle-bgg.de' })
    expect(await external.getAttribute('href')).toBe('https://www.schlichtungsstelle-bgg.de')

    await Promise.all(traffic.pending)
    expect(traffic.urls.length).toBeGreaterThan(5)
    expect(traffic.urls.filter((u) => u.startsWith(`${wsOrigin}/ws/`)).length).toBeGreaterThanOrEqual(4)
    // No secret or token in any websocket URL (a proxy would log it): they go in the first message.
    expect(traffic.urls.filter((u) => u.startsWith(`${wsOrigin}/ws/`) && u.includes('?'))).toEqual([])
    const foreign = traffic.urls.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`${wsOrigin}/`))
    expect(foreign).toEqual([])
    expect(traffic.setCookies).toEqual([])
    for (const context of [annaContext, benContext]) expect(await context.cookies()).toEqual([])
    for (const page of [anna, ben]) expect(await page.evaluate(() => document.cookie)).toBe('')
    await annaContext.close()
    await benContext.close()
  })
})

describe('the built client', () => {
  const dist = join(process.cwd(), 'dist/client')
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
  const URL_PATTERN = /\b(?:https?|wss?):\/\/[^\s"'`)<>\\]*/g

  /**
   * Absolute URLs that the built code holds as plain data and never requests, each with why.
   * Anything else in a string, template or regular expression fails the test. This check reads
   * the code, so it cannot tell a link from a fetch: a link is listed only if the session test
   * above opens the page that shows it, where any request to it would fail that test.
   */
  const NOT_REQUESTED: readonly { readonly prefix: string; readonly why: string }[] = [
    { prefix: 'http://www.w3.org/', why: 'XML namespaces of SVG, XLink, MathML and XML (React, the report picture)' },
    { prefix: 'http://schemas.openxmlformats.org/', why: 'Office Open XML namespaces written into DOCX files' },
    { prefix: 'http://schemas.microsoft.com/office/', why: 'Word XML namespaces written into DOCX files' },
    { prefix: 'http://purl.org/dc/', why: 'Dublin Core namespaces in DOCX document properties' },
    { prefix: 'http://purl.oclc.org/ooxml/', why: 'strict Office Open XML namespace the DOCX library knows' },
    { prefix: 'https://react.dev/errors/', why: "text of React's minified error messages" },
    { prefix: 'https://github.com/yjs/yjs/issues/438', why: "text of Yjs' double-import console warning" },
    { prefix: 'https://answers.microsoft.com/', why: "text of the DOCX library's error about list levels" },
    { prefix: 'https://www.schlichtungsstelle-bgg.de', why: 'link in the accessibility statement, followed only when a person clicks it' },
  ]

  /** Absolute URLs in a script's code, strings and templates; comments (licences) left out. */
  function urlsInScript(source: string): string[] {
    const found: string[] = []
    for (const token of tokenizer(source, { ecmaVersion: 'latest', sourceType: 'module' })) {
      const text = source.slice(token.start, token.end)
      for (const match of text.matchAll(URL_PATTERN)) found.push(match[0])
    }
    return found
  }

  it('references no external URL outside of comments, except XML namespaces and message texts it never requests', () => {
    const scripts = files.filter((f) => f.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(0)
    const unexplained: string[] = []
    for (const file of scripts) {
      for (const url of urlsInScript(readFileSync(file, 'utf8'))) {
        if (!NOT_REQUESTED.some((allowed) => url.startsWith(allowed.prefix))) unexplained.push(`${file.slice(dist.length)}: ${url}`)
      }
    }
    expect(unexplained).toEqual([])
    for (const file of files.filter((f) => !f.endsWith('.js') && /\.(html|css|svg|json|txt|webmanifest)$/.test(f))) {
      expect(readFileSync(file, 'utf8').match(URL_PATTERN) ?? [], file).toEqual([])
    }
  })

  it('bundles its fonts and icons: no @font-face, url() or @import pointing elsewhere, no external src or href in the page', () => {
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(file, 'utf8')
      expect(css, file).not.toMatch(/@import/)
      for (const [, target] of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(target, `${file}: url(${target})`).toMatch(/^(\/|\.\/|data:|#)/)
      for (const [face] of css.matchAll(/@font-face\s*{[^}]*}/g)) expect(face, file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//)
    }
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    for (const [, attr] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(attr).toMatch(/^\/(?!\/)/)
  })
})

describe('Board verlassen', () => {
  it('clears this browser’s storage of the board and returns to the start page', async () => {
    const board = await createBoard(e2e.server, { title: 'Verlassen', settings: { privateWriting: false } })
    const { context, page } = await joinAs(e2e.browser, board.participantUrl, 'Carla')
    await writeNote(page, /Steigen/, 'Meine Notiz bleibt auf dem Server')
    await page.getByText('gespeichert', { exact: true }).waitFor()
    expect(await storedFor(page, board.boardId)).toEqual({
      keys: [`ballonfahrt:board:${board.boardId}`],
      databases: [`ballonfahrt:${board.boardId}`, `ballonfahrt:${board.boardId}/private`],
    })

    // Everything is saved and Carla is a participant: no question.
    await page.getByRole('button', { name: 'Board verlassen' }).click()
    await page.getByRole('button', { name: 'Board erstellen' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await storedFor(page, board.boardId)).toEqual({ keys: [], databases: [] })

    // The board itself stays for the others.
    const other = await joinAs(e2e.browser, board.participantUrl, 'Dario')
    await noteItem(other.page, /Steigen/, 'Meine Notiz bleibt auf dem Server').waitFor()
    await other.context.close()

    // Coming back is joining afresh, with a new identity.
    await page.goto(board.participantUrl)
    await page.getByRole('button', { name: 'Beitreten' }).waitFor()
    await context.close()
  })

  it('asks first when work is not saved, and a moderator before giving up the moderator key', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Ungespeichert' })
    const { context, page, sockets } = await joinBehindSwitch(e2e.browser, board.participantUrl, 'Emil')
    await page.getByText('gespeichert', { exact: true }).waitFor()
    await sockets.cut()
    await page.getByText('offline', { exact: true }).waitFor()
    await writeNote(page, /Einheizen/, 'Noch nicht gesendet')
    await noteItem(page, /Einheizen/, 'Noch nicht gesendet').waitFor()

    await page.getByRole('button', { name: 'Board verlassen' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Board in diesem Browser verlassen?' })
    await dialog.getByText('Noch nicht gespeicherte Notizen').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    expect(await dialog.count()).toBe(0)
    await noteItem(page, /Einheizen/, 'Noch nicht gesendet').waitFor()

    await page.getByRole('button', { name: 'Board verlassen' }).click()
    await dialog.getByRole('button', { name: 'Verlassen', exact: true }).click()
    await page.getByRole('button', { name: 'Board erstellen' }).waitFor()
    expect(await storedFor(page, board.boardId)).toEqual({ keys: [], databases: [] })
    await context.close()

    const mod = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    await mod.page.getByText('gespeichert', { exact: true }).waitFor()
    await mod.page.getByRole('button', { name: 'Board verlassen' }).click()
    await mod.page.getByRole('alertdialog').getByText('Moderationsrechte').waitFor()
    await mod.page.keyboard.press('Escape')
    expect(await mod.page.getByRole('alertdialog').count()).toBe(0)
    await mod.context.close()
  })
})

describe('Datenschutzhinweise', () => {
  it('are linked from the footer of every page, structured, axe-clean, and in English when the interface is', async () => {
    const board = await createBoard(e2e.server, OPEN_BOARD)
    const { context, page } = await joinAs(e2e.browser, board.participantUrl, 'Fiona')
    const footerLink = () => page.getByRole('contentinfo').getByRole('link', { name: 'Datenschutz' })
    await footerLink().waitFor()
    await page.getByRole('link', { name: 'Ergebnis' }).click()
    await page.getByRole('button', { name: /drucken/i }).first().waitFor()
    await footerLink().waitFor()
    await page.goto(e2e.server.http)
    await footerLink().waitFor()
    const join = await context.newPage()
    await join.goto(board.participantUrl.replace(board.boardId, 'unbekanntesBoard'))
    await join.getByRole('contentinfo').getByRole('link', { name: 'Datenschutz' }).waitFor()
    await join.close()

    await footerLink().click()
    expect(new URL(page.url()).pathname).toBe('/datenschutz')
    await page.getByRole('heading', { level: 1, name: 'Datenschutzhinweise' }).waitFor()
    expect(await page.getByRole('banner').count()).toBe(1)
    expect(await page.getByRole('main').count()).toBe(1)
    expect(await page.getByRole('contentinfo').count()).toBe(1)
    const sections = await page.getByRole('heading', { level: 2 }).allTextContents()
    expect(sections).toEqual(
      expect.arrayContaining(['Verantwortliche Stelle', 'Was gespeichert wird', 'Wo die Daten liegen', 'Wie lange', 'Wer löschen kann', 'Ihre Rechte']),
    )
    const text = (await page.getByRole('main').textContent()) ?? ''
    for (const fact of ['keine Cookies', 'Anwesenheitsliste', 'Hashwert', 'keine IP-Adressen', 'IndexedDB', 'SQLite', 'DATA_DIR', '30 Tagen', 'Board löschen', 'Board verlassen', 'Art. 15', 'Art. 77', 'vom Betreiber dieser Installation einzutragen']) {
      expect(text, fact).toContain(fact)
    }
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'To the start page' }).click()
    await page.getByRole('button', { name: 'Create board' }).waitFor()
    await context.close()
  })
})
