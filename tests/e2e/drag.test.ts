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

    // Dropped on the upper part of the card (outside its middle half): that groups too, and the
    // card says so while the note is over it.
    const target = noteItem(mod, /Steigen/, 'Vernetzung im Landkreis')
    await noteItem(mod, /Steigen/, 'Gemeinsame Netzwerktreffen').hover()
    await mod.mouse.down()
    const box = (await target.boundingBox())!
    await mod.mouse.move(box.x + box.width / 2, box.y + box.height * 0.22, { steps: 8 })
    expect(await target.getAttribute('data-drop')).toBe('onto')
    expect(await target.getAttribute('data-drop-label')).toBe('Mit dieser Notiz gruppieren')
    // The label is drawn, on top of the card, in the outlined target.
    const look = await target.evaluate((el) => ({ label: getComputedStyle(el, '::after').content, outline: getComputedStyle(el).outlineWidth }))
    expect(look).toEqual({ label: '"Mit dieser Notiz gruppieren"', outline: '4px' })
    await mod.mouse.up()
    const heading = zone(other, /Steigen/).getByRole('heading', { name: /Unbenannter Cluster/ })
    await heading.waitFor()
    const clusterNotes = zone(other, /Steigen/).getByRole('list', { name: /Notizen im Cluster/ }).getByRole('listitem')
    expect(await clusterNotes.count()).toBe(2)
    expect(await mod.locator('[data-drop], [data-drop-label]').count()).toBe(0)

    await noteItem(mod, /Steigen/, 'Personalwechsel').dragTo(zone(mod, /Unten halten/).getByRole('heading', { name: 'Unten halten' }))
    await noteItem(other, /Unten halten/, 'Personalwechsel').waitFor()
    expect(await noteItem(other, /Steigen/, 'Personalwechsel').count()).toBe(0)
  })
})
