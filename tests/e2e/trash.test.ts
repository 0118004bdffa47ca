import { existsSync, readFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BERICHT_PARTS, editBerichtPart, readBericht, startBericht } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { newSecretId } from '../../model/ids'
import { addNote, deleteNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import { notesOf } from '../../model/schema'
import { DATA_FILES } from '../../server/store/files'
import { expectNoAxeViolationsInThemes } from '../helpers/axe'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { joinAs, zone } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser({ ownClient: true })

/** A note written and then deleted by a raw client of the moderator; resolves once both are stored. */
async function writtenAndDeleted(setup: TestClient, text: string, zoneId: 'steigen' | 'einheizen'): Promise<string> {
  const id = addNote(setup.doc, { zone: zoneId, text, author: setup.actor.participantId })
  await setup.settled()
  deleteNote(setup.doc, id)
  await setup.settled()
  return id
}

/** Which raw database files (SQLite and its WAL) hold `text`. */
function filesHolding(text: string): string[] {
  const base = joinPath(e2e.server.dataDir, DATA_FILES.boards)
  return [base, `${base}-wal`].filter((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8')))
}

describe('the Papierkorb in the browser', () => {
  it('restores a deleted note for everyone by keyboard, says so, passes axe, and is empty after Abschluss with nothing left in files or exports', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Netzwerktreffen' })
    const setup = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    await setup.synced()
    const id = await writtenAndDeleted(setup, 'Gute Zusammenarbeit im Netzwerk', 'steigen')

    const mona = await joinAs(e2e.browser, board.moderatorUrl, 'Mona')
    const paul = await joinAs(e2e.browser, board.participantUrl, 'Paul')
    // Participants have no Papierkorb.
    await zone(paul.page, /Steigen/).waitFor()
    expect(await paul.page.getByRole('button', { name: 'Papierkorb', exact: true }).count()).toBe(0)

    const open = mona.page.getByRole('button', { name: 'Papierkorb', exact: true })
    await open.focus()
    await mona.page.keyboard.press('Enter')
    const panel = mona.page.getByRole('group', { name: 'Papierkorb' })
    const entry = panel.getByRole('listitem').filter({ hasText: 'Gute Zusammenarbeit im Netzwerk' })
    await entry.waitFor()
    await expect.poll(() => entry.textContent()).toContain('Notiz in „Steigen“')
    await expectNoAxeViolationsInThemes(mona.page, 'the Papierkorb panel')

    // The keyboard path: from the disclosure button to "Papierkorb schließen", then to "Wiederherstellen".
    await open.focus()
    await mona.page.keyboard.press('Tab')
    await mona.page.keyboard.press('Tab')
    expect(await mona.page.evaluate(() => document.activeElement?.textContent)).toBe('Wiederherstellen')
    await mona.page.keyboard.press('Enter')
    await mona.page.getByTestId('announcer').getByText('„Gute Zusammenarbeit im Netzwerk“ ist wiederhergestellt und für alle wieder auf dem Board.').waitFor()
    await zone(paul.page, /Steigen/).getByText('Gute Zusammenarbeit im Netzwerk', { exact: true }).waitFor()
    await waitFor(() => notesOf(setup.doc).has(id), 10_000, 'the restored note at another client')
    await panel.getByText('Der Papierkorb ist leer.').waitFor()

    // A second deletion fills it again; Abschluss empties it for good.
    const secret = `Vertraulich-${newSecretId()}`
    await writtenAndDeleted(setup, secret, 'einheizen')
    await panel.getByRole('listitem').filter({ hasText: secret }).waitFor()
    expect(filesHolding(secret).length).toBeGreaterThan(0)
    setPhase(setup.doc, 'abschluss')
    await setup.settled()
    await panel.getByText('Der Papierkorb ist leer.').waitFor({ timeout: 15_000 })
    await expect.poll(() => filesHolding(secret), { timeout: 10_000 }).toEqual([])
    for (const format of ['json', 'md', 'csv']) {
      const res = await fetch(`${e2e.server.http}/api/boards/${board.boardId}/export.${format}`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer()).includes(Buffer.from(secret, 'utf8'))).toBe(false)
    }
    setup.destroy()
    await mona.context.close()
    await paul.context.close()
  })

  it('lists a Bericht part a participant emptied as „Bericht: Fazit“ with its text, passes axe, and restores it for everyone', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Netzwerktreffen' })
    const setup = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    const anna = connectClient(e2e.server.ws, board.boardId)
    await Promise.all([setup.synced(), anna.synced()])
    const fazit = 'Die Moderation hält fest: Kita und Jugendamt treffen sich künftig jeden Monat.'
    setSetting(setup.doc, 'participantsWriteBericht', true)
    startBericht(setup.doc, Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>)
    editBerichtPart(setup.doc, 'fazit', fazit)
    await setup.settled()
    await waitFor(() => readBericht(anna.doc).fazit === fazit, 10_000, 'the Fazit at the participant')
    editBerichtPart(anna.doc, 'fazit', '')
    await anna.settled()

    const mona = await joinAs(e2e.browser, board.moderatorUrl, 'Mona')
    await mona.page.getByRole('button', { name: 'Papierkorb', exact: true }).click()
    const panel = mona.page.getByRole('group', { name: 'Papierkorb' })
    const entry = panel.getByRole('listitem').filter({ hasText: 'Bericht: Fazit' })
    await entry.waitFor()
    await expect.poll(() => entry.textContent()).toContain('Kita und Jugendamt')
    await expectNoAxeViolationsInThemes(mona.page, 'a Bericht entry in the Papierkorb panel')
    await entry.getByRole('button', { name: 'Wiederherstellen' }).click()
    await mona.page.getByTestId('announcer').getByText('„Bericht: Fazit“ ist wiederhergestellt und für alle wieder auf dem Board.').waitFor()
    await waitFor(() => readBericht(anna.doc).fazit === fazit && readBericht(setup.doc).fazit === fazit, 10_000, 'the restored Fazit at every client')
    await panel.getByText('Der Papierkorb ist leer.').waitFor()
    setup.destroy()
    anna.destroy()
    await mona.context.close()
  })
})
