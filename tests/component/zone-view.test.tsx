import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { localBoard } from '../helpers/board'

const zone = (name: RegExp) => screen.getByRole('region', { name })

describe('zones at scale', () => {
  it('folds a zone to its title and count, and unfolds it, with the keyboard too', async () => {
    const user = userEvent.setup()
    localBoard([
      { zone: 'steigen', text: 'Eins' },
      { zone: 'steigen', text: 'Zwei' },
    ])
    render(<BoardPage boardId="board-1" />)
    const toggle = within(zone(/Steigen/)).getByRole('button', { name: 'Steigen' })
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(within(zone(/Steigen/)).getByText('2 Notizen')).toBeTruthy()
    toggle.focus()
    await user.keyboard('{Enter}')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(within(zone(/Steigen/)).queryByRole('list')).toBeNull()
    expect(within(zone(/Steigen/)).queryByRole('textbox')).toBeNull()
    expect(within(zone(/Steigen/)).getByText('2 Notizen')).toBeTruthy()
    // The other zones stay as they were.
    expect(within(zone(/Einheizen/)).getByRole('textbox', { name: /Notiz/ })).toBeTruthy()
    await user.click(toggle)
    expect(within(within(zone(/Steigen/)).getByRole('list')).getAllByRole('listitem')).toHaveLength(2)
  }, 15_000)

  it('offers one zone at a time as pressed toggle buttons (shown on phones by the CSS)', async () => {
    const user = userEvent.setup()
    localBoard([{ zone: 'einheizen', text: 'Eins' }])
    const { container } = render(<BoardPage boardId="board-1" />)
    const filter = screen.getByRole('group', { name: 'Bereich zeigen' })
    const pressed = () => within(filter).getAllByRole('button').filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent)
    expect(pressed()).toEqual(['Alle'])
    await user.click(within(filter).getByRole('button', { name: 'Einheizen' }))
    expect(pressed()).toEqual(['Einheizen'])
    expect(container.querySelector('.board__layout')?.getAttribute('data-only')).toBe('einheizen')
    await user.click(within(filter).getByRole('button', { name: 'Alle' }))
    expect(container.querySelector('.board__layout')?.hasAttribute('data-only')).toBe(false)
  }, 15_000)
})
