import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'
import { navigate } from '../../client/router'
import { loadCredentials, saveName } from '../../client/sync/credentials'
import { REPORT_BOARD, reportBoard } from '../helpers/reportBoard'

// The stores are filled by activateLocal; the route must not open a real connection.
const sync = vi.hoisted(() => ({ enterBoard: vi.fn(), leaveBoard: vi.fn() }))
vi.mock('../../client/sync/activeBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/sync/activeBoard')>()),
  enterBoard: sync.enterBoard,
  leaveBoard: sync.leaveBoard,
}))

afterEach(() => {
  sync.enterBoard.mockClear()
  sync.leaveBoard.mockClear()
  vi.unstubAllGlobals()
})

describe('the report route', () => {
  it('/b/<id>/ergebnis shows the report; board and report link to each other on one connection', { timeout: 20_000 }, async () => {
    reportBoard('moderator')
    saveName(REPORT_BOARD, 'Mo')
    window.history.replaceState(null, '', `/b/${REPORT_BOARD}/ergebnis`)
    const user = userEvent.setup()
    render(<App />)

    // The report is a lazy chunk: its first import in this run may take a while on a busy machine.
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 })).textContent).toBe('Sprint 42 – Rückblick')
    expect(screen.getByRole('region', { name: 'Steigen – Förderliche Faktoren' })).toBeTruthy()
    expect(sync.enterBoard).toHaveBeenCalledWith(REPORT_BOARD)

    await user.click(screen.getByRole('link', { name: 'Zurück zum Board' }))
    expect(window.location.pathname).toBe(`/b/${REPORT_BOARD}`)
    expect(await screen.findByRole('region', { name: /Steigen/ })).toBeTruthy()
    expect(screen.queryByRole('article')).toBeNull()

    const link = screen.getByRole('link', { name: 'Ergebnis' })
    expect(link.getAttribute('href')).toBe(`/b/${REPORT_BOARD}/ergebnis`)
    await user.click(link)
    expect(window.location.pathname).toBe(`/b/${REPORT_BOARD}/ergebnis`)
    expect(await screen.findByRole('article')).toBeTruthy()

    // Still the same connection: entered once, never left.
    expect(sync.enterBoard).toHaveBeenCalledTimes(1)
    expect(sync.leaveBoard).not.toHaveBeenCalled()
  })

  it('asks for a name first, as the board does', async () => {
    window.history.replaceState(null, '', `/b/${REPORT_BOARD}/ergebnis`)
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ title: 'Sprint 42' }), { status: 200 })))
    render(<App />)
    expect(await screen.findByRole('heading', { name: 'Board beitreten' })).toBeTruthy()
    expect(sync.enterBoard).not.toHaveBeenCalled()
  })

  it('leaves the board when going elsewhere', async () => {
    reportBoard('moderator')
    saveName(REPORT_BOARD, '')
    window.history.replaceState(null, '', `/b/${REPORT_BOARD}/ergebnis`)
    render(<App />)
    await screen.findByRole('article')
    act(() => navigate('/'))
    expect(sync.leaveBoard).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: 'Board erstellen' })).toBeTruthy()
  })
})

describe('"Beispiel ansehen" on the start page', () => {
  const DEMO = 'DeMoBoArD0123456789abc'

  it('creates the example board, becomes its moderator and opens its report', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          JSON.stringify({ boardId: DEMO, participantUrl: `/b/${DEMO}`, moderatorUrl: `/b/${DEMO}#m=demo-token`, moderatorToken: 'demo-token' }),
          { status: 201, headers: { 'Content-Type': 'application/json' } },
        ),
    )
    vi.stubGlobal('fetch', fetch)
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Beispiel ansehen' }))

    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/boards/demo')
    expect(init?.method).toBe('POST')
    expect(loadCredentials(DEMO)).toMatchObject({ name: '', moderatorToken: 'demo-token' })
    expect(window.location.pathname).toBe(`/b/${DEMO}/ergebnis`)
    expect(await screen.findByRole('article')).toBeTruthy()
    expect(sync.enterBoard).toHaveBeenCalledWith(DEMO)
  })

  it('shows an error when the example cannot be made', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })))
    const user = userEvent.setup()
    render(<App />)
    await user.click(screen.getByRole('button', { name: 'Beispiel ansehen' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Das Beispiel konnte nicht geladen werden.')
    expect(window.location.pathname).toBe('/')
  })
})
