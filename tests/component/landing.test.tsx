import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'
import { loadCredentials } from '../../client/sync/credentials'

const sync = vi.hoisted(() => ({ enterBoard: vi.fn(), leaveBoard: vi.fn() }))
vi.mock('../../client/sync/activeBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/sync/activeBoard')>()),
  enterBoard: sync.enterBoard,
  leaveBoard: sync.leaveBoard,
}))

const BOARD = 'ZyXwVuTsRqPoNmLkJiHgFe'

afterEach(() => vi.unstubAllGlobals())

describe('landing page', () => {
  it('explains the method and creates a board with title and name', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          JSON.stringify({
            boardId: BOARD,
            participantUrl: `http://localhost:3000/b/${BOARD}`,
            moderatorUrl: `http://localhost:3000/b/${BOARD}#m=tok`,
            moderatorToken: 'tok',
          }),
          { status: 201, headers: { 'Content-Type': 'application/json' } },
        ),
    )
    vi.stubGlobal('fetch', fetch)
    const user = userEvent.setup()
    render(<App />)

    expect(screen.getByRole('main').textContent).toContain('Heißluftballon-Retrospektive')
    await user.type(screen.getByRole('textbox', { name: 'Titel' }), 'Sprint 42')
    await user.type(screen.getByRole('textbox', { name: 'Ihr Name' }), 'Mo')
    expect(screen.getAllByRole('button', { name: /erstellen/ })).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Board erstellen' }))

    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/boards')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'Sprint 42', locale: 'de' })

    expect(await screen.findAllByRole('region')).toHaveLength(3)
    expect(window.location.pathname).toBe(`/b/${BOARD}`)
    expect(loadCredentials(BOARD)).toMatchObject({ name: 'Mo', moderatorToken: 'tok' })
    expect(sync.enterBoard).toHaveBeenCalledWith(BOARD)
  })

  it('creates a board without title or name (anonymous moderator)', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ boardId: BOARD, participantUrl: '', moderatorUrl: '', moderatorToken: 't2' }), {
          status: 201,
        }),
    )
    vi.stubGlobal('fetch', fetch)
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Board erstellen' }))
    expect(await screen.findAllByRole('region')).toHaveLength(3)
    expect(loadCredentials(BOARD)).toMatchObject({ name: '', moderatorToken: 't2' })
  })

  it('shows a clear error when the board cannot be created', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 500 })))
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Board erstellen' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Das Board konnte nicht erstellt werden')
    expect(window.location.pathname).toBe('/')
    expect(screen.getByRole('button', { name: 'Board erstellen' })).toHaveProperty('disabled', false)
  })

  it('speaks English after switching', async () => {
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(screen.getByRole('button', { name: 'Create board' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Title' })).toBeTruthy()
  })
})
