import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations } from '../helpers/axe'
import { joinAs, writeNote } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import type { CreatedBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// Issue 11, hole 7: a deleted board leaves nothing in the browsers that had it open.

const e2e = withServerAndBrowser()

/** What this browser keeps about a board: localStorage keys naming it and its IndexedDB databases. */
async function storedFor(page: Page, boardId: string): Promise<{ keys: string[]; databases: string[] }> {
  return page.evaluate(async (id) => {
    const keys = Object.keys(localStorage).filter((k) => k.includes(id))
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(id))
    return { keys: keys.sort(), databases: databases.sort() }
  }, boardId)
}

/** The moderator token this page keeps for the board (null when none). */
function storedToken(page: Page, boardId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const raw = localStorage.getItem(`ballonfahrt:board:${id}`)
    return raw ? ((JSON.parse(raw) as { moderatorToken?: string }).moderatorToken ?? null) : null
  }, boardId)
}

const everything = (board: CreatedBoard) => ({
  keys: [`ballonfahrt:board:${board.boardId}`, `ballonfahrt:follow:${board.boardId}`],
  databases: [`ballonfahrt:${board.boardId}`, `ballonfahrt:${board.boardId}/private`],
})
const nothing = { keys: [], databases: [] }

async function saved(page: Page): Promise<void> {
  await page.getByText('gespeichert', { exact: true }).waitFor()
}

describe('deleting a board reaches the browsers', () => {
  it('the moderator’s own deletion and the participant’s close 4410 remove copies, secret and token, and both pages say so', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Wird gelöscht' })
    const mod = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    const part = await joinAs(e2e.browser, board.participantUrl, 'Gerda')
    await writeNote(part.page, /Steigen/, 'Vertrauliche Notiz')
    await saved(part.page)
    await saved(mod.page)
    // "Folgen" adds the board's second key, so that its removal is seen too.
    for (const page of [mod.page, part.page]) {
      await page.evaluate((id) => localStorage.setItem(`ballonfahrt:follow:${id}`, '1'), board.boardId)
      expect(await storedFor(page, board.boardId)).toEqual(everything(board))
    }
    expect(await storedToken(mod.page, board.boardId)).toBe(board.moderatorToken)

    await mod.page.getByRole('button', { name: 'Einstellungen', exact: true }).click()
    await mod.page.getByRole('button', { name: 'Board löschen' }).click()
    await mod.page.getByRole('alertdialog', { name: 'Board endgültig löschen?' }).getByRole('button', { name: 'Endgültig löschen' }).click()

    for (const page of [mod.page, part.page]) {
      const heading = page.getByRole('heading', { level: 1, name: 'Dieses Board wurde gelöscht' })
      await heading.waitFor()
      await page.getByText('Auch dieser Browser hat alles entfernt').waitFor()
      await expect.poll(() => storedFor(page, board.boardId)).toEqual(nothing)
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
      expect(await axeViolations(page)).toEqual([])
    }
    // Gone on the server too.
    expect((await fetch(`${e2e.server.http}/api/boards/${board.boardId}`)).status).toBe(404)
    await mod.context.close()
    await part.context.close()
  })

  it('a browser that was away when the board went forgets it on its next visit (close 4404)', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Abgelaufen' })
    const kept = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Bleibt' })
    const { context, page } = await joinAs(e2e.browser, board.participantUrl, 'Hanna')
    await writeNote(page, /Einheizen/, 'Notiz vor der Löschung')
    await saved(page)
    await page.goto(kept.participantUrl)
    await page.getByRole('button', { name: 'Beitreten' }).click()
    await saved(page)
    await page.goto(e2e.server.http)
    const deleted = await fetch(`${e2e.server.http}/api/boards/${board.boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.moderatorToken}` },
    })
    expect(deleted.status).toBe(204)
    expect((await storedFor(page, board.boardId)).databases).toEqual(everything(board).databases)

    await page.goto(board.participantUrl)
    await page.getByRole('heading', { level: 1, name: 'Board nicht gefunden' }).waitFor()
    await expect.poll(() => storedFor(page, board.boardId)).toEqual(nothing)
    expect((await storedFor(page, kept.boardId)).keys).toEqual([`ballonfahrt:board:${kept.boardId}`])
    await context.close()
  })
})
