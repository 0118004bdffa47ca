import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'
import { loadCredentials, saveName } from '../../client/sync/credentials'

// The join flow is under test, not the connection: record what the route asks of the sync layer.
const sync = vi.hoisted(() => ({ enterBoard: vi.fn(), leaveBoard: vi.fn() }))
vi.mock('../../client/sync/activeBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/sync/activeBoard')>()),
  enterBoard: sync.enterBoard,
  leaveBoard: sync.leaveBoard,
}))

const BOARD = 'AbCdEfGhIjKlMnOpQrStUv'

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

beforeEach(() => {
  sync.enterBoard.mockClear()
  sync.leaveBoard.mockClear()
})
afterEach(() => vi.unstubAllGlobals())

describe('joining a board', () => {
  it('asks for a name with the board title, then connects', async () => {
    const fetch = answer(200, { title: 'Sprint 42' })
    vi.stubGlobal('fetch', fetch)
    window.history.replaceState(null, '', `/b/${BOARD}`)
    const user = userEvent.setup()
    const { unmount } = render(<App />)

    expect(await screen.findByText('Sprint 42')).toBeTruthy()
    expect(fetch).toHaveBeenCalledWith(`/api/boards/${BOARD}`, expect.anything())
    expect(screen.getByText(/anonym/)).toBeTruthy()
    expect(sync.enterBoard).not.toHaveBeenCalled()

    await user.type(screen.getByRole('textbox', { name: /Name/ }), '  Bea ')
    await user.click(screen.getByRole('button', { name: 'Beitreten' }))

    expect(loadCredentials(BOARD).name).toBe('Bea')
    expect(sync.enterBoard).toHaveBeenCalledWith(BOARD)
    expect(screen.getAllByRole('region')).toHaveLength(3)
    unmount()
    expect(sync.leaveBoard).toHaveBeenCalled()
  })

  it('joins anonymously with an empty name', async () => {
    vi.stubGlobal('fetch', answer(200, { title: '' }))
    window.history.replaceState(null, '', `/b/${BOARD}`)
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Beitreten' }))
    expect(loadCredentials(BOARD).name).toBe('')
    expect(sync.enterBoard).toHaveBeenCalledWith(BOARD)
  })

  it('goes straight to the board when the name is known', () => {
    vi.stubGlobal('fetch', answer(200, { title: 'x' }))
    saveName(BOARD, 'Bea')
    window.history.replaceState(null, '', `/b/${BOARD}`)
    render(<App />)
    expect(screen.queryByRole('button', { name: 'Beitreten' })).toBeNull()
    expect(sync.enterBoard).toHaveBeenCalledWith(BOARD)
  })

  it('shows "Board nicht gefunden" for an unknown board', async () => {
    vi.stubGlobal('fetch', answer(404, { error: 'unknownBoard' }))
    window.history.replaceState(null, '', `/b/${BOARD}`)
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Board nicht gefunden' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Zur Startseite' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Beitreten' })).toBeNull()
  })

  it('takes the moderator token out of the address and keeps it', () => {
    vi.stubGlobal('fetch', answer(200, { title: 'x' }))
    saveName(BOARD, '')
    window.history.replaceState(null, '', `/b/${BOARD}#m=secret-token_123`)
    render(<App />)
    expect(loadCredentials(BOARD).moderatorToken).toBe('secret-token_123')
    expect(window.location.hash).toBe('')
    expect(window.location.href).not.toContain('secret-token')
    expect(window.location.pathname).toBe(`/b/${BOARD}`)
  })
})
