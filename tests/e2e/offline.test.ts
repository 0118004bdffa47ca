import { describe, expect, it } from 'vitest'
import { joinAs, writeNote, zone } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser({ ownClient: true })
const RISE = /Steigen/

describe('without a network', () => {
  it('says offline at once, and a reload opens the board from the browser alone', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Funkloch' })
    const { context, page } = await joinAs(e2e.browser, board.participantUrl, 'Anna')
    await writeNote(page, RISE, 'Vor dem Funkloch')
    await page.getByText('gespeichert', { exact: true }).waitFor()
    // The app is kept by the service worker once it is active.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toMatch(/\/sw\.js$/)

    // The browser loses its network: the page says so without waiting for a socket to time out.
    await context.setOffline(true)
    // Well before y-websocket's 30 s watchdog could have noticed.
    await page.getByText('offline', { exact: true }).waitFor({ timeout: 5_000 })
    expect(await page.getByText('verbunden', { exact: true }).count()).toBe(0)
    await writeNote(page, RISE, 'Im Funkloch geschrieben')

    // And the server is gone too: nothing answers on its port.
    await e2e.server.halt()
    expect(await fetch(`${e2e.server.http}/healthz`).then(() => 'answered', () => 'unreachable')).toBe('unreachable')

    // A reload opens the app from the service worker and the board from IndexedDB.
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await zone(page, RISE).getByText('Vor dem Funkloch', { exact: true }).waitFor()
    await zone(page, RISE).getByText('Im Funkloch geschrieben', { exact: true }).waitFor()
    await page.getByText('offline', { exact: true }).waitFor()
    await writeNote(page, RISE, 'Nach dem Neuladen geschrieben')

    // Network and server back: the page connects by itself and sends what it kept.
    await e2e.server.resume()
    await context.setOffline(false)
    await page.getByText('verbunden', { exact: true }).waitFor({ timeout: 20_000 })
    await page.getByText('gespeichert', { exact: true }).waitFor({ timeout: 20_000 })
    const other = await joinAs(e2e.browser, board.participantUrl, 'Ben')
    for (const text of ['Vor dem Funkloch', 'Im Funkloch geschrieben', 'Nach dem Neuladen geschrieben'])
      await zone(other.page, RISE).getByText(text, { exact: true }).waitFor()
    await other.context.close()
    await context.close()
  })
})
