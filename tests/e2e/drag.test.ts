import { describe, expect, it } from 'vitest'
import { joinAs, noteItem, writeNote, zone } from '../helpers/e2e'
import { createBoard } from '../helpers/server'
import { withServerAndBrowser } from '../helpers/withServerAndBrowser'

const e2e = withServerAndBrowser()

describe('clustering with the mouse', () => {
  it('drags a note onto another to form a cluster, and a note into another zone', async () => {
    const board = await createBoard(e2e.server, { title: 'Ziehen', settings: { privateWriting: false } })
    const mod = (await joinAs(e2e.browser, board.moderatorUrl, 'Moderation')).page
    // A mouse drag starts only when the mouse moves within the view: note and target zone must be
    // on screen together (on smaller screens the "Verschieben …" menu is the way).
    await mod.setViewportSize({ width: 1280, height: 1400 })
    const other = (await joinAs(e2e.browser, board.participantUrl, 'Zuschauerin')).page
    await writeNote(mod, /Steigen/, 'Vernetzung im Landkreis')
    await writeNote(mod, /Steigen/, 'Gemeinsame Netzwerktreffen')
    await writeNote(mod, /Steigen/, 'Personalwechsel')
    await mod.getByRole('button', { name: 'Clustern', exact: true }).click()

    await noteItem(mod, /Steigen/, 'Gemeinsame Netzwerktreffen').dragTo(noteItem(mod, /Steigen/, 'Vernetzung im Landkreis'))
    const heading = zone(other, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ })
    await heading.waitFor()
    const clusterNotes = zone(other, /Steigen/).getByRole('list', { name: /Notizen im Cluster/ }).getByRole('listitem')
    expect(await clusterNotes.count()).toBe(2)

    await noteItem(mod, /Steigen/, 'Personalwechsel').dragTo(zone(mod, /Unten halten/).getByRole('heading', { name: 'Unten halten' }))
    await noteItem(other, /Unten halten/, 'Personalwechsel').waitFor()
    expect(await noteItem(other, /Steigen/, 'Personalwechsel').count()).toBe(0)
  })
})
