import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'

/** Opens a link in a fresh browser context (its own storage), joining with `name`. */
export async function joinAs(browser: Browser, url: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('textbox', { name: /Name/ }).fill(name)
  await page.getByRole('button', { name: 'Beitreten' }).click()
  await page.getByRole('region', { name: /Steigen/ }).waitFor()
  return { context, page }
}

export function zone(page: Page, title: RegExp) {
  return page.getByRole('region', { name: title })
}

/** Types a note into a zone's "Notiz" textbox and presses Enter. */
export async function writeNote(page: Page, title: RegExp, text: string): Promise<void> {
  const box = zone(page, title).getByRole('textbox', { name: /Notiz/ })
  await box.fill(text)
  await box.press('Enter')
}

export function noteItem(page: Page, title: RegExp, text: string) {
  return zone(page, title).getByRole('listitem').filter({ hasText: text })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[] }[]
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page (evaluated over CDP, so the CSP stays on). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
}

/** A switch on a page's websockets (board, private doc and every reconnect). */
export interface SocketSwitch {
  /** Closes the open sockets and refuses new ones until heal(). */
  cut(): Promise<void>
  heal(): void
}

/**
 * Routes the page's websockets through a switch. Call before the page connects. `setOffline`
 * would not close an open socket, so this is how tests take a browser offline.
 */
export async function socketSwitch(page: Page): Promise<SocketSwitch> {
  let offline = false
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = []
  await page.routeWebSocket(/\/ws\//, (ws) => {
    if (offline) return void ws.close()
    open.push({ page: ws, server: ws.connectToServer() })
  })
  return {
    async cut() {
      offline = true
      for (const socket of open.splice(0)) {
        await socket.server.close()
        await socket.page.close()
      }
    },
    heal() {
      offline = false
    },
  }
}
