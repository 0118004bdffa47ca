import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { useSession } from '../../client/store/session'
import { lookOfSeat } from '../../client/theme/participant'
import { seatMembers } from '../../model/seats'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { ME, localBoard } from '../helpers/board'


function zone(name: RegExp) {
  return screen.getByRole('region', { name })
}

describe('board page', () => {
  it('shows three zone regions with their titles, questions and notes', () => {
    localBoard([
      { zone: 'steigen', text: 'Gute Zusammenarbeit' },
      { zone: 'untenHalten', text: 'Zu viele Meetings' },
      { zone: 'einheizen', text: 'Mehr Pairing' },
      { zone: 'steigen', text: 'Klare Ziele' },
    ])
    render(<BoardPage boardId="board-1" />)

    expect(screen.getByRole('banner')).toBeTruthy()
    expect(screen.getByRole('main')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1, name: 'Sprint 42' })).toBeTruthy()

    const steigen = zone(/Steigen/)
    expect(within(steigen).getByRole('heading', { level: 2, name: 'Steigen' })).toBeTruthy()
    expect(within(steigen).getByText('Was lässt uns steigen?')).toBeTruthy()
    expect(within(steigen).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Gute Zusammenarbeit'),
      expect.stringContaining('Klare Ziele'),
    ])
    expect(within(zone(/Unten halten/)).getByText('Was hält uns unten?')).toBeTruthy()
    expect(within(zone(/Unten halten/)).getByRole('listitem').textContent).toContain('Zu viele Meetings')
    expect(within(zone(/Einheizen/)).getByText('Wo müssen wir mehr einheizen?')).toBeTruthy()
    expect(within(zone(/Einheizen/)).getByRole('listitem').textContent).toContain('Mehr Pairing')
    expect(screen.getAllByRole('region')).toHaveLength(3)
  })

  it('adds a note with Enter into the doc and the zone list, and keeps Shift+Enter as a new line', async () => {
    const user = userEvent.setup()
    const board = localBoard()
    // Open collecting: notes go straight onto the board (private collecting: see zones.test.tsx).
    act(() => setSetting(board.doc, 'privateWriting', false))
    render(<BoardPage boardId="board-1" />)

    const einheizen = zone(/Einheizen/)
    const box = within(einheizen).getByRole('textbox', { name: /Notiz/ })
    await user.type(box, 'Retro öfter{Enter}')

    expect(toBoardView(board.doc).zones.einheizen.notes.map((n) => n.text)).toEqual(['Retro öfter'])
    expect(within(einheizen).getByRole('listitem').textContent).toContain('Retro öfter')
    expect((box as HTMLTextAreaElement).value).toBe('')

    await user.type(box, 'Zeile 1{Shift>}{Enter}{/Shift}Zeile 2{Enter}')
    expect(toBoardView(board.doc).zones.einheizen.notes.map((n) => n.text)).toEqual(['Retro öfter', 'Zeile 1\nZeile 2'])
    expect(toBoardView(board.doc).zones.steigen.notes).toHaveLength(0)
  })

  it('adds a note with the Hinzufügen button and explains a refusal', async () => {
    const user = userEvent.setup()
    localBoard()
    render(<BoardPage boardId="board-1" />)

    const steigen = zone(/Steigen/)
    const add = within(steigen).getByRole('button', { name: 'Hinzufügen' })
    await user.click(add)
    const box = within(steigen).getByRole('textbox', { name: 'Neue Notiz für Steigen' })
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Die Notiz ist leer.').id).toBe(box.getAttribute('aria-describedby')?.split(' ')[1])
    expect(box.getAttribute('maxlength')).toBe('1000')

    await user.type(box, 'Vertrauen')
    await user.click(add)
    expect(within(steigen).getByRole('listitem').textContent).toContain('Vertrauen')
    expect(box.getAttribute('aria-invalid')).toBeNull()
  })

  it('offers edit and delete only on notes the person may change', async () => {
    const user = userEvent.setup()
    const board = localBoard([
      { zone: 'steigen', text: 'Meine Notiz', author: ME.participantId },
      { zone: 'steigen', text: 'Fremde Notiz' },
    ])
    render(<BoardPage boardId="board-1" />)

    const [mine, theirs] = within(zone(/Steigen/)).getAllByRole('listitem') as [HTMLElement, HTMLElement]
    expect(within(theirs).queryByRole('button')).toBeNull()
    const menuButton = within(mine).getByRole('button', { name: 'Aktionen zur Notiz: Meine Notiz' })
    await user.click(menuButton)
    const menu = screen.getByRole('menu', { name: 'Notiz: Meine Notiz' })
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Bearbeiten', 'Löschen'])

    await user.click(within(menu).getByRole('menuitem', { name: 'Bearbeiten' }))
    const editor = within(mine).getByRole('textbox', { name: 'Text der Notiz' })
    expect(document.activeElement).toBe(editor)
    await user.type(editor, ' (geändert){Enter}')
    expect(toBoardView(board.doc).zones.steigen.notes[0]?.text).toBe('Meine Notiz (geändert)')
    const menuAgain = within(mine).getByRole('button', { name: /^Aktionen zur Notiz: Meine Notiz \(geändert\)/ })
    expect(document.activeElement).toBe(menuAgain)

    await user.click(menuAgain)
    await user.click(screen.getByRole('menuitem', { name: 'Bearbeiten' }))
    await user.type(within(mine).getByRole('textbox', { name: 'Text der Notiz' }), ' weg{Escape}')
    expect(toBoardView(board.doc).zones.steigen.notes[0]?.text).toBe('Meine Notiz (geändert)')
    expect(document.activeElement).toBe(within(mine).getByRole('button', { name: /^Aktionen zur Notiz/ }))

    await user.click(within(mine).getByRole('button', { name: /^Aktionen zur Notiz/ }))
    await user.click(screen.getByRole('menuitem', { name: 'Löschen' }))
    expect(toBoardView(board.doc).zones.steigen.notes.map((n) => n.text)).toEqual(['Fremde Notiz'])
    expect(document.activeElement).toBe(within(zone(/Steigen/)).getByRole('textbox', { name: /Notiz/ }))
  })

  it('lets a moderator change every note', async () => {
    const user = userEvent.setup()
    localBoard([{ zone: 'untenHalten', text: 'Fremde Notiz' }], { actor: { participantId: 'mod', role: 'moderator' } })
    render(<BoardPage boardId="board-1" />)
    await user.click(within(zone(/Unten halten/)).getByRole('button', { name: 'Aktionen zur Notiz: Fremde Notiz' }))
    expect(screen.getByRole('menuitem', { name: 'Bearbeiten' })).toBeTruthy()
    expect(screen.getByRole('menuitem', { name: 'Löschen' })).toBeTruthy()
  })

  it('shows a custom question instead of the default', async () => {
    const board = localBoard()
    const { setQuestion } = await import('../../model/board')
    setQuestion(board.doc, 'steigen', 'Was hat uns diesen Sprint getragen?')
    render(<BoardPage boardId="board-1" />)
    expect(within(zone(/Steigen/)).getByText('Was hat uns diesen Sprint getragen?')).toBeTruthy()
    expect(screen.queryByText('Was lässt uns steigen?')).toBeNull()
  })

  it('marks a note with its author: shape and colour from their seat, initials, and the name in words', () => {
    const board = localBoard([
      { zone: 'steigen', text: 'Bunte Notiz', author: 'p-anna' },
      { zone: 'steigen', text: 'Von jemandem, der ging', author: 'p-gone' },
    ])
    seatMembers(board.doc, ['p-gone', 'p-anna'], 100)
    act(() =>
      useSession.setState({
        peers: [{ clientId: 7, participantId: 'p-anna', name: 'Anna Berg', self: false }],
      }),
    )
    render(<BoardPage boardId="board-1" />)
    const [present, gone] = within(zone(/Steigen/)).getAllByRole('listitem') as [HTMLElement, HTMLElement]
    expect(present.style.borderLeftColor).toBe(lookOfSeat(1).colour)
    expect(within(present).getByText('Von Anna Berg')).toBeTruthy()
    expect(within(present).getByText('AB')).toBeTruthy()
    // Someone who left keeps their shape and colour (from their seat), but has no name here.
    expect(gone.style.borderLeftColor).toBe(lookOfSeat(0).colour)
    expect(gone.querySelector('[data-shape]')?.getAttribute('data-shape')).toBe(lookOfSeat(0).shape)
    expect(within(gone).getByText('Von einer Person, die gerade nicht da ist')).toBeTruthy()
  })

  it('marks my own notes with my name and colour, though my presence entry has no server id', () => {
    const board = localBoard([{ zone: 'steigen', text: 'Meine', author: ME.participantId }])
    seatMembers(board.doc, ['p-first', ME.participantId], 100)
    act(() => useSession.setState({ peers: [{ clientId: 3, participantId: null, name: 'Ich', self: true }] }))
    render(<BoardPage boardId="board-1" />)
    const note = within(zone(/Steigen/)).getByRole('listitem')
    expect(note.style.borderLeftColor).toBe(lookOfSeat(1).colour)
    expect(within(note).getByText('Von Ich')).toBeTruthy()
  })
})
