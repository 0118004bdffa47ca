import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { joinAs } from '../helpers/e2e'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * The modal dialogs are native `<dialog>`s shown with showModal(): Chromium keeps the focus in
 * them and makes the page behind inert for every kind of control, which the hand-made focus
 * traps before did not (they missed textareas and selects, and the page stayed clickable).
 */
let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Where the focus is: inside the dialog, on the page behind it, or outside the page (the browser's own controls). */
function focusIn(page: Page, dialog: Locator): Promise<'dialog' | 'page' | 'none'> {
  return dialog.evaluate((d) => {
    const active = document.activeElement
    if (!active || active === document.body) return 'none'
    return d.contains(active) ? 'dialog' : 'page'
  })
}

/** Tabs forward and back through the dialog; the focus never lands on the page behind it. */
async function expectFocusKeptIn(page: Page, dialog: Locator): Promise<void> {
  const seen: string[] = []
  for (const key of [...Array<string>(10).fill('Tab'), ...Array<string>(10).fill('Shift+Tab')]) {
    await page.keyboard.press(key)
    seen.push(await focusIn(page, dialog))
  }
  expect(seen).not.toContain('page')
  expect(seen.filter((s) => s === 'dialog').length).toBeGreaterThan(10)
}

/** The page behind is inert: the control under the backdrop cannot be hit, and no textarea or select behind can take the focus. */
async function expectPageInert(page: Page, behind: Locator, dialog: Locator): Promise<void> {
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true)
  const box = (await behind.boundingBox())!
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('dialog') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 })
  expect(hit, 'a click on the page behind lands on the dialog').toBe(true)
  const focusable = await page.evaluate(() =>
    [...document.querySelectorAll('textarea, select, input')].filter((el) => !el.closest('dialog')).map((el) => {
      ;(el as HTMLElement).focus()
      return document.activeElement === el
    }),
  )
  expect(focusable.length).toBeGreaterThan(0)
  expect(focusable).not.toContain(true)
}

describe('modal dialogs', () => {
  it('Teilnehmen: focus on its heading, kept in on Tab, the board behind inert; Escape closes and the focus returns', async () => {
    const board = await createBoard(server, OPEN_BOARD)
    const { page, context } = await joinAs(browser, board.moderatorUrl, 'Moderation')
    const open = page.getByRole('button', { name: 'Teilnehmen', exact: true })
    await open.click()
    const dialog = page.getByRole('dialog', { name: 'Teilnehmen' })
    await dialog.getByRole('img').first().waitFor()
    expect(await dialog.evaluate((d) => d.tagName)).toBe('DIALOG')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2')
    await expectPageInert(page, page.getByRole('button', { name: 'Einstellungen', exact: true }), dialog)
    await expectFocusKeptIn(page, dialog)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true)
    await context.close()
  })

  it('Board löschen: the safe answer first, kept in on Tab; Escape cancels and leaves the settings panel open', async () => {
    const board = await createBoard(server, OPEN_BOARD)
    const { page, context } = await joinAs(browser, board.moderatorUrl, 'Moderation')
    const settings = page.getByRole('button', { name: 'Einstellungen', exact: true })
    await settings.click()
    const remove = page.getByRole('button', { name: 'Board löschen' })
    await remove.click()
    const dialog = page.getByRole('alertdialog', { name: 'Board endgültig löschen?' })
    await dialog.waitFor()
    await expect.poll(() => dialog.getByRole('button', { name: 'Abbrechen' }).evaluate((el) => el === document.activeElement)).toBe(true)
    await expectPageInert(page, settings, dialog)
    await expectFocusKeptIn(page, dialog)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await settings.getAttribute('aria-expanded')).toBe('true')
    await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true)
    // The board is still there.
    expect((await fetch(`${server.http}/api/boards/${board.boardId}`)).status).toBe(200)
    await context.close()
  })
})
