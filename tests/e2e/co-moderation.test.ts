import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations } from '../helpers/axe'
import { joinAs } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

// Issue 11, hole 7: co-moderator links of their own, revoked by the board's moderator in the UI.

const e2e = withServerAndBrowser()

function storedToken(page: Page, boardId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const raw = localStorage.getItem(`ballonfahrt:board:${id}`)
    return raw ? ((JSON.parse(raw) as { moderatorToken?: string | null }).moderatorToken ?? null) : null
  }, boardId)
}

describe('Co-Moderation', () => {
  it('the moderator creates a link for a person, the person moderates with it, and "Zurücknehmen" ends it at once', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Mit Co-Moderation' })
    const owner = await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')
    await owner.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.http })
    const { page } = owner
    await page.getByRole('button', { name: 'Einstellungen', exact: true }).click()
    const group = page.getByRole('group', { name: 'Co-Moderation' })
    await group.getByText('Es gibt noch keine Links für die Co-Moderation.').waitFor()
    await group.getByRole('textbox', { name: 'Bezeichnung des neuen Links (z. B. Name der Person)' }).fill('Jana Schulz')
    await group.getByRole('button', { name: 'Link erstellen und kopieren' }).click()
    await group.getByText('Link für „Jana Schulz“ erstellt und kopiert').waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(new RegExp(`^${e2e.server.http}/b/${board.boardId}#m=[A-Za-z0-9_-]{43}$`))
    expect(link).not.toContain(board.moderatorToken)
    const item = group.getByRole('list', { name: 'Links für die Co-Moderation' }).getByRole('listitem')
    expect(await item.textContent()).toMatch(/^Jana Schulz erstellt am \d\d\.\d\d\.\d\d, \d\d:\d\d Zurücknehmen$/)
    expect(await axeViolations(page)).toEqual([])

    const jana = await joinAs(e2e.browser, link, 'Jana')
    const janaSettings = jana.page.getByRole('button', { name: 'Einstellungen', exact: true })
    await janaSettings.waitFor()
    await jana.page.getByRole('button', { name: 'Aufdecken', exact: true }).waitFor()
    await janaSettings.click()
    // A co-moderator moderates, but the links are the creator's to manage.
    await jana.page.getByText('Die Links für die Co-Moderation verwaltet, wer das Board erstellt hat.').waitFor()

    await group.getByRole('button', { name: 'Zurücknehmen: Link „Jana Schulz“' }).click()
    await group.getByText('Der Link „Jana Schulz“ wurde zurückgenommen.').waitFor()
    await group.getByText('Es gibt noch keine Links für die Co-Moderation.').waitFor()

    await jana.page.getByRole('heading', { level: 1, name: 'Moderationszugang zurückgenommen' }).waitFor()
    await expect.poll(() => storedToken(jana.page, board.boardId)).toBeNull()
    expect(await axeViolations(jana.page)).toEqual([])
    await jana.page.getByRole('link', { name: 'Ohne Moderationsrechte weiter teilnehmen' }).click()
    await jana.page.getByText('gespeichert', { exact: true }).waitFor()
    await jana.page.getByRole('region', { name: /Steigen/ }).waitFor()
    expect(await jana.page.getByRole('button', { name: 'Einstellungen', exact: true }).count()).toBe(0)

    // The old link is refused when opened again (in a new tab: the same address with a new fragment would not load).
    const again = await jana.context.newPage()
    await again.goto(link)
    await again.getByRole('heading', { level: 1, name: 'Kein Zugang' }).waitFor()
    await expect.poll(() => storedToken(again, board.boardId)).toBeNull()
    await jana.context.close()
    await owner.context.close()
  })
})
