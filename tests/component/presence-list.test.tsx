import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { useSession } from '../../client/store/session'
import { localBoard } from '../helpers/board'

// "26 anwesend": the list opens on demand and closes on Escape or a click outside it.

function renderWithPeers(count: number) {
  localBoard()
  render(<BoardPage boardId="board-1" />)
  const peers = Array.from({ length: count }, (_, i) => ({ clientId: i + 1, participantId: `p${i}`, name: `Person ${i + 1}`, self: i === 0 }))
  act(() => useSession.setState({ peers }))
  return screen.getByRole('button', { name: `${count} anwesend` })
}

describe('the presence list', () => {
  it('closes on Escape, with the focus back on its toggle', async () => {
    const user = userEvent.setup()
    const toggle = renderWithPeers(26)
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByRole('list', { name: 'Anwesend' }).querySelectorAll('li')).toHaveLength(26)
    await user.keyboard('{Escape}')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list', { name: 'Anwesend' })).toBeNull()
    expect(document.activeElement).toBe(toggle)
  })

  it('closes on a click outside it and leaves the focus where that click put it; a click inside keeps it open', async () => {
    const user = userEvent.setup()
    const toggle = renderWithPeers(3)
    await user.click(toggle)
    await user.click(screen.getByText('Person 2'))
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const share = screen.getByRole('button', { name: 'Link teilen' })
    await user.click(share)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list', { name: 'Anwesend' })).toBeNull()
    expect(document.activeElement).toBe(share)
  })

  it('Escape while closed does nothing to the toggle', async () => {
    const user = userEvent.setup()
    const toggle = renderWithPeers(2)
    toggle.focus()
    await user.keyboard('{Escape}')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
  })
})
