import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { COPIED_SHOWN_MS } from '../../client/board/CopyLink'
import { localBoard } from '../helpers/board'

// "Link kopiert" is said in a live region and goes away after a few seconds.

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('Link teilen', () => {
  it('says "Link kopiert" in a live region, then clears it; a second copy says it again', async () => {
    vi.useFakeTimers()
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    localBoard()
    render(<BoardPage boardId="board-1" />)
    const button = screen.getByRole('button', { name: 'Link teilen' })
    await act(async () => fireEvent.click(button))
    const message = screen.getByText('Link kopiert')
    expect(message.closest('[aria-live="polite"]')).not.toBeNull()
    act(() => vi.advanceTimersByTime(COPIED_SHOWN_MS - 100))
    expect(screen.queryByText('Link kopiert')).not.toBeNull()
    act(() => vi.advanceTimersByTime(200))
    expect(screen.queryByText('Link kopiert')).toBeNull()
    await act(async () => fireEvent.click(button))
    expect(screen.queryByText('Link kopiert')).not.toBeNull()
    expect(writeText).toHaveBeenCalledTimes(2)
  })
})
