import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { addNote } from '../../client/store/notes'
import { toBoardView } from '../../model/view'
import { localBoard } from '../helpers/board'

const notes = (doc: Parameters<typeof toBoardView>[0]) => toBoardView(doc).zones.einheizen.notes.map((n) => n.text)
const announced = () => screen.getByTestId('announcer').textContent

function openBoard() {
  const board = localBoard([], { settings: { privateWriting: false } })
  render(<BoardPage boardId="board-1" />)
  return board
}

describe('Rückgängig and Wiederholen on the board', () => {
  it('take back and redo my own note with the buttons, saying each step', { timeout: 30_000 }, async () => {
    const user = userEvent.setup()
    const board = openBoard()
    const undo = screen.getByRole<HTMLButtonElement>('button', { name: /Rückgängig/ })
    const redo = screen.getByRole<HTMLButtonElement>('button', { name: /Wiederholen/ })
    expect(undo.disabled).toBe(true)
    expect(undo.getAttribute('aria-keyshortcuts')).toContain('Control+Z')
    act(() => void addNote('einheizen', 'Versehen'))
    expect(notes(board.doc)).toEqual(['Versehen'])
    expect(undo.disabled).toBe(false)
    await user.click(undo)
    expect(notes(board.doc)).toEqual([])
    expect(announced()).toBe('Letzte eigene Änderung rückgängig gemacht.')
    expect(undo.disabled).toBe(true)
    await user.click(redo)
    expect(notes(board.doc)).toEqual(['Versehen'])
    expect(announced()).toBe('Eigene Änderung wiederhergestellt.')
  })

  it('answer Strg+Z and Strg+Umschalt+Z outside text fields, and leave a text field its own undo', async () => {
    const user = userEvent.setup()
    const board = openBoard()
    act(() => void addNote('einheizen', 'Erste'))
    act(() => void addNote('einheizen', 'Zweite'))
    // In a note box Strg+Z belongs to the text field: the board is untouched.
    await user.click(screen.getAllByRole('textbox', { name: /Notiz/ })[0]!)
    await user.keyboard('{Control>}z{/Control}')
    expect(notes(board.doc)).toEqual(['Erste', 'Zweite'])
    await user.click(screen.getByRole('heading', { level: 1 }))
    await user.keyboard('{Control>}z{/Control}')
    expect(notes(board.doc)).toEqual(['Erste'])
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(notes(board.doc)).toEqual(['Erste', 'Zweite'])
    await user.keyboard('{Control>}z{/Control}{Control>}z{/Control}{Control>}z{/Control}')
    expect(notes(board.doc)).toEqual([])
    expect(announced()).toBe('Keine eigene Änderung zum Rückgängigmachen.')
  })
})
