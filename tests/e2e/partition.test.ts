import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { editOwnNote, joinBehindSwitch, writeNote, zone } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

/** How many list items of a zone hold a note with exactly this text. */
function countNote(page: Page, zoneTitle: RegExp, text: string): Promise<number> {
  return zone(page, zoneTitle).getByRole('listitem').filter({ has: page.getByText(text, { exact: true }) }).count()
}

const Z = { steigen: /Steigen/, unten: /Unten halten/, heizen: /Einheizen/ } as const

describe('a network partition', () => {
  it('lets two cut-off browsers keep writing, survives a reload while cut, and converges when both reconnect', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Funkloch' })
    const anna = await joinBehindSwitch(e2e.browser, board.moderatorUrl, 'Anna')
    const ben = await joinBehindSwitch(e2e.browser, board.participantUrl, 'Ben')

    // Before the cut: one note each, seen by both and saved.
    await writeNote(anna.page, Z.steigen, 'Annas erste Notiz')
    await writeNote(ben.page, Z.unten, 'Bens erste Notiz')
    for (const { page } of [anna, ben]) {
      await zone(page, Z.steigen).getByText('Annas erste Notiz', { exact: true }).waitFor()
      await zone(page, Z.unten).getByText('Bens erste Notiz', { exact: true }).waitFor()
      await page.getByText('gespeichert', { exact: true }).waitFor()
    }

    // The cut: both lose their sockets at once.
    await anna.sockets.cut()
    await ben.sockets.cut()
    for (const { page } of [anna, ben]) await page.getByText('offline', { exact: true }).waitFor()

    // While cut, both write, and each edits a note of their own.
    await writeNote(anna.page, Z.heizen, 'Anna schreibt im Funkloch')
    await writeNote(anna.page, Z.steigen, 'Anna schreibt noch eine')
    await editOwnNote(anna.page, 'Annas erste Notiz', 'Annas Notiz, offline überarbeitet')
    await writeNote(ben.page, Z.heizen, 'Ben schreibt im Funkloch')
    await editOwnNote(ben.page, 'Bens erste Notiz', 'Bens Notiz, offline überarbeitet')
    for (const { page } of [anna, ben]) expect(await page.getByText('gespeichert', { exact: true }).count()).toBe(0)
    expect(await countNote(anna.page, Z.heizen, 'Ben schreibt im Funkloch')).toBe(0)
    expect(await countNote(ben.page, Z.heizen, 'Anna schreibt im Funkloch')).toBe(0)

    // Ben reloads while still cut: his unsent work is still there (IndexedDB).
    await ben.page.reload()
    await zone(ben.page, Z.heizen).getByText('Ben schreibt im Funkloch', { exact: true }).waitFor()
    await zone(ben.page, Z.unten).getByText('Bens Notiz, offline überarbeitet', { exact: true }).waitFor()
    await ben.page.getByText('offline', { exact: true }).waitFor()
    expect(await countNote(ben.page, Z.unten, 'Bens erste Notiz')).toBe(0)

    // Both reconnect; the client retries by itself.
    anna.sockets.heal()
    ben.sockets.heal()
    const expected: readonly [RegExp, string][] = [
      [Z.steigen, 'Annas Notiz, offline überarbeitet'],
      [Z.steigen, 'Anna schreibt noch eine'],
      [Z.unten, 'Bens Notiz, offline überarbeitet'],
      [Z.heizen, 'Anna schreibt im Funkloch'],
      [Z.heizen, 'Ben schreibt im Funkloch'],
    ]
    for (const { page } of [anna, ben]) {
      await page.getByText('verbunden', { exact: true }).waitFor({ timeout: 15_000 })
      await page.getByText('gespeichert', { exact: true }).waitFor({ timeout: 15_000 })
      for (const [where, text] of expected) await zone(page, where).getByText(text, { exact: true }).waitFor()
    }
    // Converged: the same notes in both, each exactly once, and the old texts gone.
    for (const { page } of [anna, ben]) {
      for (const [where, text] of expected) expect(await countNote(page, where, text), text).toBe(1)
      expect(await countNote(page, Z.steigen, 'Annas erste Notiz')).toBe(0)
      expect(await countNote(page, Z.unten, 'Bens erste Notiz')).toBe(0)
    }
    const texts = async (page: Page) => (await page.locator('.note__text').allTextContents()).sort()
    expect(await texts(anna.page)).toEqual(expected.map(([, text]) => text).sort())
    expect(await texts(ben.page)).toEqual(await texts(anna.page))

    // And the server has it: a third browser that was never cut sees the same.
    const carla = await joinBehindSwitch(e2e.browser, board.participantUrl, 'Carla')
    for (const [where, text] of expected) await zone(carla.page, where).getByText(text, { exact: true }).waitFor()
    expect(await texts(carla.page)).toEqual(await texts(anna.page))
    for (const { context } of [anna, ben, carla]) await context.close()
  })
})
