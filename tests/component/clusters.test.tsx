import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../model/clusters'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { localBoard, ME, MOD } from '../helpers/board'
import { renderZones } from '../helpers/zones'


const zone = (name: RegExp) => screen.getByRole('region', { name })
const texts = (doc: Parameters<typeof toBoardView>[0], z: 'steigen' | 'untenHalten' | 'einheizen') =>
  toBoardView(doc).zones[z].notes.map((n) => n.text)

describe('clustering', () => {
  it('groups two notes into a cluster with the note’s "…" menu, and "Aus Cluster lösen" undoes it', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'Pairing' },
        { zone: 'steigen', text: 'Mob-Programming' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [pairing, mob] = board.ids as [string, string]
    renderZones()

    const menuButton = screen.getByRole('button', { name: 'Aktionen zur Notiz: Pairing' })
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu')
    await user.click(menuButton)
    expect(menuButton.getAttribute('aria-expanded')).toBe('true')
    const menu = screen.getByRole('menu')
    // One menu for everything the moderator may do with the note, the first item focused.
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Bearbeiten',
      'Löschen',
      'In Cluster verschieben …',
      'Nach unten',
      'In den Bereich Unten halten',
      'In den Bereich Einheizen',
    ])
    expect(within(menu).getByRole('menuitemcheckbox', { name: 'Hervorheben' })).toBeTruthy()
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Bearbeiten' }))
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Neuer Cluster mit „Mob-Programming“' }))

    const view = toBoardView(board.doc).zones.steigen
    expect(view.clusters).toHaveLength(1)
    expect(view.clusters[0]?.notes.map((n) => n.id).sort()).toEqual([pairing, mob].sort())
    expect(view.loose).toHaveLength(0)
    const group = within(zone(/Steigen/)).getByRole('group', { name: 'Unbenannter Cluster' })
    // The dropped note joins after the note it was dropped on.
    expect(within(group).getAllByRole('listitem').map((li) => li.querySelector('.note__text')?.textContent)).toEqual([
      'Mob-Programming',
      'Pairing',
    ])
    expect(screen.getByRole('status').textContent).toBe('Notiz „Pairing“ mit „Mob-Programming“ zu einem neuen Cluster gruppiert.')
    expect(document.activeElement?.id).toBe(`note-${pairing}`)
    expect(screen.queryByRole('menu')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: Pairing' }))
    await user.click(screen.getByRole('menuitem', { name: 'Aus Cluster lösen' }))
    const after = toBoardView(board.doc).zones.steigen
    expect(after.loose.map((n) => n.id)).toEqual([pairing])
    expect(after.clusters[0]?.notes.map((n) => n.id)).toEqual([mob])
    expect(screen.getByRole('status').textContent).toBe('Notiz „Pairing“ aus dem Cluster gelöst.')
  }, 15_000)

  it('moves a note into an existing cluster of another zone through the submenu', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'Pairing' },
        { zone: 'einheizen', text: 'Mehr Pairing' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [pairing, more] = board.ids as [string, string]
    const cluster = createCluster(board.doc, { zone: 'einheizen', title: 'Zusammenarbeit', noteIds: [more] })
    renderZones()
    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: Pairing' }))
    await user.click(screen.getByRole('menuitem', { name: 'In Cluster verschieben …' }))
    await user.click(screen.getByRole('menuitem', { name: 'Cluster „Zusammenarbeit“ (Einheizen)' }))
    const view = toBoardView(board.doc)
    expect(view.zones.einheizen.clusters.find((c) => c.id === cluster)?.notes.map((n) => n.id)).toEqual([more, pairing])
    expect(view.zones.steigen.notes).toHaveLength(0)
    expect(within(zone(/Einheizen/)).getByRole('group', { name: 'Zusammenarbeit' }).textContent).toContain('Pairing')
    expect(screen.getByRole('status').textContent).toBe('Notiz „Pairing“ in Cluster „Zusammenarbeit“ verschoben.')
  })

  it('closes the menu with Escape and returns focus to its button', async () => {
    const user = userEvent.setup()
    localBoard([{ zone: 'steigen', text: 'Eins' }], { actor: MOD })
    renderZones()
    const button = screen.getByRole('button', { name: 'Aktionen zur Notiz: Eins' })
    await user.click(button)
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement?.getAttribute('role')).toBe('menuitem')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('reorders with Alt+ArrowDown/Up and moves zones with Alt+ArrowRight on a focused note', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'A' },
        { zone: 'steigen', text: 'B' },
        { zone: 'steigen', text: 'C' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [a] = board.ids as [string]
    renderZones()
    // Said once for the page; each zone's list points to it.
    expect(within(zone(/Steigen/)).getByRole('list', { description: /Alt\+Pfeil hoch\/runter/ })).toBeTruthy()

    const note = document.getElementById(`note-${a}`) as HTMLElement
    note.focus()
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'A', 'C'])
    expect(within(zone(/Steigen/)).getAllByRole('listitem').map((li) => li.querySelector('.note__text')?.textContent)).toEqual(['B', 'A', 'C'])
    expect(document.activeElement?.id).toBe(`note-${a}`)
    expect(screen.getByRole('status').textContent).toBe('Notiz „A“ nach unten verschoben.')

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'C', 'A'])
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'C', 'A'])
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'A', 'C'])

    await user.keyboard('{Alt>}{ArrowRight}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'C'])
    expect(texts(board.doc, 'untenHalten')).toEqual(['A'])
    expect(document.activeElement?.id).toBe(`note-${a}`)
    expect(within(zone(/Unten halten/)).getByRole('listitem').textContent).toContain('A')
    expect(screen.getByRole('status').textContent).toBe('Notiz „A“ in den Bereich Unten halten verschoben.')
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
    expect(texts(board.doc, 'steigen')).toEqual(['B', 'C', 'A'])
  })

  it('reorders inside a cluster with the menu', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'A' },
        { zone: 'steigen', text: 'Lose' },
        { zone: 'steigen', text: 'B' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [a, , b] = board.ids as [string, string, string]
    createCluster(board.doc, { zone: 'steigen', title: 'K', noteIds: [a, b] })
    renderZones()
    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: A' }))
    expect(screen.queryByRole('menuitem', { name: 'Nach oben' })).toBeNull()
    await user.click(screen.getByRole('menuitem', { name: 'Nach unten' }))
    expect(toBoardView(board.doc).zones.steigen.clusters[0]?.notes.map((n) => n.text)).toEqual(['B', 'A'])
    expect(toBoardView(board.doc).zones.steigen.loose.map((n) => n.text)).toEqual(['Lose'])
  })

  it('renames, moves, collapses and dissolves a cluster', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'A' },
        { zone: 'steigen', text: 'B' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [a, b] = board.ids as [string, string]
    const first = createCluster(board.doc, { zone: 'steigen', noteIds: [a] })
    const second = createCluster(board.doc, { zone: 'steigen', title: 'Zweiter', noteIds: [b] })
    renderZones()

    await user.click(screen.getByRole('button', { name: 'Cluster umbenennen: Unbenannter Cluster' }))
    const box = screen.getByRole('textbox', { name: 'Clustertitel' })
    expect(document.activeElement).toBe(box)
    await user.type(box, 'Vernetzung{Enter}')
    expect(toBoardView(board.doc).zones.steigen.clusters.map((c) => c.title)).toEqual(['Vernetzung', 'Zweiter'])
    expect(screen.getByRole('heading', { level: 3, name: 'Vernetzung' })).toBeTruthy()
    expect(screen.queryByRole('textbox', { name: 'Clustertitel' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Cluster nach unten: Vernetzung' }))
    expect(toBoardView(board.doc).zones.steigen.clusters.map((c) => c.id)).toEqual([second, first])
    expect(document.activeElement?.id).toBe(`cluster-${first}`)
    await user.click(screen.getByRole('button', { name: 'Cluster nach oben: Vernetzung' }))
    expect(toBoardView(board.doc).zones.steigen.clusters.map((c) => c.id)).toEqual([first, second])

    const toggle = within(screen.getByRole('heading', { level: 3, name: 'Vernetzung' })).getByRole('button')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list', { name: 'Notizen im Cluster Vernetzung' })).toBeNull()
    await user.click(toggle)
    expect(within(screen.getByRole('list', { name: 'Notizen im Cluster Vernetzung' })).getByText('A')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Cluster auflösen: Vernetzung' }))
    const view = toBoardView(board.doc).zones.steigen
    expect(view.clusters.map((c) => c.id)).toEqual([second])
    expect(view.loose.map((n) => n.id)).toEqual([a])
    expect(screen.getByRole('status').textContent).toBe('Cluster „Vernetzung“ aufgelöst.')
  })

  it('shows no clustering controls to a participant unless the moderator allows it', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'A', author: ME.participantId },
        { zone: 'steigen', text: 'B' },
      ],
      { phase: 'clustern' },
    )
    createCluster(board.doc, { zone: 'steigen', title: 'K', noteIds: [board.ids[1] as string] })
    renderZones()
    expect(screen.queryByRole('button', { name: 'Aktionen zur Notiz: B' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Cluster umbenennen|Cluster auflösen|hervorheben/ })).toBeNull()
    expect(screen.queryByText(/Alt\+Pfeil/)).toBeNull()
    expect(document.getElementById(`note-${board.ids[0]}`)?.getAttribute('draggable')).toBeNull()
    // Their own note stays editable, and its menu offers nothing else.
    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: A' }))
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Bearbeiten', 'Löschen'])
    await user.keyboard('{Escape}')

    act(() => setSetting(board.doc, 'participantsCluster', true))
    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: B' }))
    expect(within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)).toContain('In Cluster verschieben …')
    expect(within(screen.getByRole('menu')).queryByRole('menuitemcheckbox')).toBeNull()
    expect(screen.getByRole('button', { name: 'Cluster umbenennen: K' })).toBeTruthy()
    expect(document.getElementById(`note-${board.ids[0]}`)?.getAttribute('draggable')).toBe('true')
  })
})
