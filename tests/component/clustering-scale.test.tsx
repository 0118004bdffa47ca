import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Announcer } from '../../client/a11y/announce'
import { Zone } from '../../client/board/Zone'
import { SelectionBar } from '../../client/clusters/SelectionBar'
import { clearSelection } from '../../client/store/selection'
import { createCluster } from '../../model/clusters'
import { toBoardView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { localBoard, ME, MOD } from '../helpers/board'

/** The zones with the selection bar under them, as the board page shows them. */
function renderBoard() {
  return render(
    <main>
      {ZONE_IDS.map((zone) => (
        <Zone key={zone} zone={zone} />
      ))}
      <SelectionBar />
      <Announcer />
    </main>,
  )
}

const LONG = 'Aus den bisherigen Ergebnissen konkrete Maßnahmen ableiten und in den Gremien der Kommune vorstellen und beschließen lassen'

afterEach(() => clearSelection())

describe('the cluster picker', () => {
  it('searches clusters and notes, existing clusters first, long texts cut at a word, by keyboard alone', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'Pairing' },
        { zone: 'steigen', text: LONG },
        { zone: 'steigen', text: 'Kurze Wege' },
        { zone: 'einheizen', text: 'Mehr Pairing' },
        { zone: 'steigen', text: 'Vernetzung' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    const [pairing, , , more, vernetzung] = board.ids as [string, string, string, string, string]
    const elsewhere = createCluster(board.doc, { zone: 'einheizen', title: 'Zusammenarbeit im Netzwerk', noteIds: [more] })
    createCluster(board.doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [vernetzung] })
    renderBoard()

    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: Pairing' }))
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    const search = screen.getByRole('searchbox', { name: 'Cluster oder Notiz suchen' })
    expect(document.activeElement).toBe(search)
    const names = () => within(screen.getByRole('menu')).getAllByRole('menuitem').map((item) => item.textContent)
    // Existing clusters first (the note's own zone, then the others), then new clusters with a note.
    expect(names()).toEqual([
      'Cluster „Vernetzung“ (Steigen)',
      'Cluster „Zusammenarbeit im Netzwerk“ (Einheizen)',
      'Neuer Cluster mit „Aus den bisherigen Ergebnissen konkrete Maßnahmen ableiten und in den Gremien …“',
      'Neuer Cluster mit „Kurze Wege“',
      'Zurück',
    ])
    expect(screen.getByText('4 Treffer').getAttribute('role')).toBe('status')

    // A search word from a cluster's notes finds the cluster; no match says so.
    await user.type(search, 'pairing')
    expect(names()).toEqual(['Cluster „Zusammenarbeit im Netzwerk“ (Einheizen)', 'Zurück'])
    expect(screen.getByText('1 Treffer')).toBeTruthy()
    await user.clear(search)
    await user.type(search, 'xyz')
    expect(names()).toEqual(['Zurück'])
    expect(screen.getByText('Keine Treffer')).toBeTruthy()

    // Arrow down goes into the list, Arrow up on its first entry back to the box, Enter chooses.
    await user.clear(search)
    await user.type(search, 'netzwerk')
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement?.textContent).toBe('Cluster „Zusammenarbeit im Netzwerk“ (Einheizen)')
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(search)
    await user.keyboard('{ArrowDown}{Enter}')
    const view = toBoardView(board.doc)
    expect(view.zones.einheizen.clusters.find((c) => c.id === elsewhere)?.notes.map((n) => n.id)).toEqual([more, pairing])
    expect(screen.queryByRole('searchbox')).toBeNull()
  }, 20_000)

  it('goes back to the note’s menu with Escape', async () => {
    const user = userEvent.setup()
    localBoard(
      [
        { zone: 'steigen', text: 'Eins' },
        { zone: 'steigen', text: 'Zwei' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    renderBoard()
    await user.click(screen.getByRole('button', { name: 'Aktionen zur Notiz: Eins' }))
    await user.click(screen.getByRole('menuitem', { name: 'In Cluster verschieben …' }))
    expect(document.activeElement).toBe(screen.getByRole('searchbox'))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('searchbox')).toBeNull()
    expect(document.activeElement?.textContent).toBe('Bearbeiten')
  })
})

describe('several notes selected at once', () => {
  it('selects by checkbox, Shift+click and Shift+Space, and groups them in one update', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      ['A', 'B', 'C', 'D', 'E'].map((text) => ({ zone: 'steigen' as const, text: `Notiz ${text}` })),
      { actor: MOD, phase: 'clustern' },
    )
    const [a, b, c, d, e] = board.ids as [string, string, string, string, string]
    renderBoard()
    const box = (text: string) => screen.getByRole('checkbox', { name: `Notiz auswählen: Notiz ${text}` })

    await user.click(box('B'))
    expect(screen.getByText('1 Notiz ausgewählt').getAttribute('role')).toBe('status')
    // Shift+click selects from the last chosen note (B) to D.
    await user.keyboard('{Shift>}')
    await user.click(box('D'))
    await user.keyboard('{/Shift}')
    expect([box('B'), box('C'), box('D')].every((el) => (el as HTMLInputElement).checked)).toBe(true)
    expect((box('A') as HTMLInputElement).checked).toBe(false)
    expect(screen.getByText('3 Notizen ausgewählt')).toBeTruthy()
    // By keyboard, on the focused note itself: Space toggles it, Shift+Space selects from the last chosen one.
    const note = (id: string) => document.getElementById(`note-${id}`)!
    expect(box('E').tabIndex).toBe(-1)
    note(e).focus()
    await user.keyboard(' ')
    expect((box('E') as HTMLInputElement).checked).toBe(true)
    await user.keyboard(' ')
    expect((box('E') as HTMLInputElement).checked).toBe(false)
    expect(screen.getByText('3 Notizen ausgewählt')).toBeTruthy()
    note(a).focus()
    await user.keyboard('{Shift>} {/Shift}')
    // The range runs from E (chosen last) back to A: all five.
    expect(screen.getByText('5 Notizen ausgewählt')).toBeTruthy()
    await user.click(screen.getByRole('checkbox', { name: 'Notiz auswählen: Notiz A' }))
    await user.click(box('E'))

    const updates: Uint8Array[] = []
    board.doc.on('update', (u: Uint8Array) => updates.push(u))
    await user.click(screen.getByRole('button', { name: 'Gruppieren' }))
    expect(updates).toHaveLength(1)
    const cluster = toBoardView(board.doc).zones.steigen.clusters[0]
    expect(new Set(cluster?.notes.map((n) => n.id))).toEqual(new Set([b, c, d]))
    expect(toBoardView(board.doc).zones.steigen.loose.map((n) => n.id)).toEqual([a, e])
    expect(screen.getByText('3 Notizen in Cluster „Unbenannter Cluster“ gruppiert.')).toBeTruthy()
    expect(document.activeElement?.id).toBe(`cluster-${cluster?.id}`)
    // The selection is used up.
    expect(screen.queryByRole('button', { name: 'Gruppieren' })).toBeNull()
    expect(screen.getAllByRole('checkbox').some((el) => (el as HTMLInputElement).checked)).toBe(false)
  }, 20_000)

  it('refuses to group a single note with a message, writing nothing', async () => {
    const user = userEvent.setup()
    const board = localBoard(
      [
        { zone: 'steigen', text: 'Eins' },
        { zone: 'steigen', text: 'Zwei' },
      ],
      { actor: MOD, phase: 'clustern' },
    )
    renderBoard()
    await user.click(screen.getByRole('checkbox', { name: 'Notiz auswählen: Eins' }))
    await user.click(screen.getByRole('button', { name: 'Gruppieren' }))
    expect(screen.getByText('Wählen Sie mindestens zwei Notizen aus, um sie zu gruppieren.')).toBeTruthy()
    expect(toBoardView(board.doc).zones.steigen.clusters).toHaveLength(0)
  })

  it('shows a participant no checkboxes while only the moderator clusters', () => {
    localBoard([{ zone: 'steigen', text: 'Eins' }], { actor: ME, phase: 'clustern' })
    renderBoard()
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.queryByRole('button', { name: 'Gruppieren' })).toBeNull()
  })
})
