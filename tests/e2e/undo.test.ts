import { describe, expect, it } from 'vitest'
import { createCluster } from '../../model/clusters'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { clustersOf, notesOf } from '../../model/schema'
import { connectClient, waitFor } from '../helpers/clients'
import { joinAs, zone } from '../helpers/e2e'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

describe('Rückgängig in a live meeting', () => {
  it('brings back a cluster the moderator dissolved by mistake, with Strg+Z, while a participant keeps typing', async () => {
    const board = await createBoard(e2e.server, { ...OPEN_BOARD, title: 'Austauschtreffen' })
    // The board as the meeting left it: two notes grouped in Clustern (written by a raw client).
    const setup = connectClient(e2e.server.ws, board.boardId, { moderatorToken: board.moderatorToken })
    await setup.synced()
    const a = addNote(setup.doc, { zone: 'steigen', text: 'Gelungene Vernetzung', author: setup.actor.participantId })
    const b = addNote(setup.doc, { zone: 'steigen', text: 'Politische Unterstützung', author: setup.actor.participantId })
    setPhase(setup.doc, 'clustern')
    const cluster = createCluster(setup.doc, { zone: 'steigen', title: 'Rückhalt', noteIds: [a, b] })
    await setup.settled()
    const grouped = () => clustersOf(setup.doc).has(cluster) && [a, b].every((n) => notesOf(setup.doc).get(n)?.get('clusterId') === cluster)

    const mona = await joinAs(e2e.browser, board.moderatorUrl, 'Mona')
    const paul = await joinAs(e2e.browser, board.participantUrl, 'Paul')
    const draft = zone(paul.page, /Einheizen/).getByRole('textbox', { name: /Notiz/ })
    await draft.fill('Mehr Öffentlichkeitsarbeit')

    const dissolve = mona.page.getByRole('button', { name: 'Cluster auflösen: Rückhalt' })
    await dissolve.click()
    await waitFor(() => !clustersOf(setup.doc).has(cluster), 10_000, 'the dissolve')
    expect(await mona.page.getByRole('button', { name: /Rückgängig/ }).isEnabled()).toBe(true)

    // Strg+Z where the focus went (the first note), not in a text field.
    await mona.page.keyboard.press('Control+z')
    await waitFor(grouped, 10_000, 'the cluster back for everyone')
    await dissolve.waitFor()
    await mona.page.getByTestId('announcer').getByText('Letzte eigene Änderung rückgängig gemacht.').waitFor()

    // Paul's half-typed note was never touched, and it arrives once he sends it.
    expect(await draft.inputValue()).toBe('Mehr Öffentlichkeitsarbeit')
    await draft.press('Enter')
    await zone(mona.page, /Einheizen/).getByText('Mehr Öffentlichkeitsarbeit', { exact: true }).waitFor()
    // Strg+Umschalt+Z would dissolve it again; the moderator's redo is her own change only.
    await mona.page.keyboard.press('Control+Shift+Z')
    await waitFor(() => !clustersOf(setup.doc).has(cluster), 10_000, 'the redo')
    const texts = [...notesOf(setup.doc).values()].map((n) => n.get('text')?.toString()).sort()
    expect(texts).toEqual(['Gelungene Vernetzung', 'Mehr Öffentlichkeitsarbeit', 'Politische Unterstützung'])
    setup.destroy()
    await mona.context.close()
    await paul.context.close()
  })
})
