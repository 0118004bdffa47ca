import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/** The landing page with a server that knows `eventCode` as an event's code and no board code. */
function landing(eventCode: string | null) {
  const fetch = vi.fn(async (url: string) => {
    if (url.startsWith('/api/codes/')) return answer(404, { error: 'Diesen Code gibt es nicht.', reason: 'unknown' })
    if (eventCode !== null && url === `/api/event-codes/${eventCode}`)
      return answer(200, { title: 'Jahresfachtag', date: '2026-05-12', place: 'Frankfurt am Main', rounds: 2, openRound: 1, forums: [] })
    return answer(404, { error: 'Zu diesem Code gibt es keine Veranstaltung.' })
  })
  vi.stubGlobal('fetch', fetch)
  render(<App />)
  const form = screen.getByRole('form', { name: 'Mit Code beitreten' })
  return { fetch, form, box: within(form).getByRole('textbox', { name: 'Board-Code' }) }
}

describe('the start page’s code box and event codes', () => {
  it('says that an event code works too, in the field’s description', () => {
    const { box } = landing(null)
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toContain('Veranstaltungscode')
  })

  it('an event code, typed loosely, leads to the event’s forum choice', async () => {
    const user = userEvent.setup()
    const { fetch, box } = landing('ABCD-EFGH')
    await user.type(box, ' abcd efgh {Enter}')
    await waitFor(() => expect(window.location.pathname).toBe('/e/ABCD-EFGH'))
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(expect.arrayContaining(['/api/codes/abcd%20efgh', '/api/event-codes/ABCD-EFGH']))
    expect(await screen.findByRole('heading', { level: 1, name: 'Jahresfachtag' })).toBeTruthy()
  })

  it('a code that is neither a board’s nor an event’s says so and stays on the start page', async () => {
    const user = userEvent.setup()
    const { form, box } = landing(null)
    await user.type(box, 'ABCD-EFGH{Enter}')
    expect((await within(form).findByRole('alert')).textContent).toContain('gibt es nicht')
    expect(window.location.pathname).toBe('/')
    expect(document.activeElement).toBe(box)
  })

  it('does not ask for an event when the board code is malformed', async () => {
    const user = userEvent.setup()
    const fetch = vi.fn(async () => answer(400, { reason: 'malformed' }))
    vi.stubGlobal('fetch', fetch)
    render(<App />)
    const form = screen.getByRole('form', { name: 'Mit Code beitreten' })
    await user.type(within(form).getByRole('textbox', { name: 'Board-Code' }), 'OO11{Enter}')
    expect((await within(form).findByRole('alert')).textContent).toContain('8 Zeichen')
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
