import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../client/App'
import { BoardPage } from '../../client/board/BoardPage'
import { PresentationPage } from '../../client/presentation/PresentationPage'
import { saveModeratorToken } from '../../client/sync/credentials'
import { createCluster } from '../../model/clusters'
import { setFocus } from '../../model/focus'
import { addNote } from '../../model/notes'
import { setPhase, setVotesRevealed } from '../../model/phases'
import { startTimer } from '../../model/timer'
import { moderatedBoard } from '../helpers/moderatedBoard'

const sync = vi.hoisted(() => ({ enterBoard: vi.fn(), leaveBoard: vi.fn() }))
vi.mock('../../client/sync/activeBoard', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../client/sync/activeBoard')>()),
  enterBoard: sync.enterBoard,
  leaveBoard: sync.leaveBoard,
}))

const BOARD = 'ZyXwVuTsRqPoNmLkJiHgFe'
/** The dialog and the QR generator are loaded on first use; on a busy machine that takes a while. */
const LAZY = { timeout: 5000 }

afterEach(() => {
  vi.unstubAllGlobals()
})

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/** The landing page with a server that answers code lookups with `reply`. */
function landing(reply: (url: string) => Response) {
  const fetch = vi.fn(async (url: string) => reply(url))
  vi.stubGlobal('fetch', fetch)
  render(<App />)
  const form = screen.getByRole('form', { name: 'Mit Code beitreten' })
  return { fetch, form, box: within(form).getByRole('textbox', { name: 'Board-Code' }) }
}

describe('Mit Code beitreten on the landing page', () => {
  it('explains the format and goes to the board the code names', async () => {
    const user = userEvent.setup()
    const { fetch, form, box } = landing(() => answer(200, { boardId: BOARD }))
    expect(box.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toContain('ABCD-EFGH')
    await user.type(box, 'abcd efgh')
    await user.click(within(form).getByRole('button', { name: 'Zum Board' }))
    expect(fetch).toHaveBeenCalledWith('/api/codes/abcd%20efgh')
    await waitFor(() => expect(window.location.pathname).toBe(`/b/${BOARD}`))
    // A participant who arrives by code chooses a name like everyone else.
    expect(await screen.findByRole('heading', { name: 'Board beitreten' })).toBeTruthy()
  })

  it('says clearly when a code is unknown or expired, and keeps the focus in the field', async () => {
    const user = userEvent.setup()
    const { form, box } = landing(() => answer(404, { error: 'Diesen Code gibt es nicht oder er ist abgelaufen.', reason: 'unknown' }))
    await user.type(box, 'ABCD-EFGH{Enter}')
    const alert = await within(form).findByRole('alert')
    expect(alert.textContent).toContain('gibt es nicht oder er ist abgelaufen')
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(box.getAttribute('aria-describedby')).toContain(alert.id)
    expect(document.activeElement).toBe(box)
    expect(window.location.pathname).toBe('/')
  })

  it('explains the shape of a code when the server calls it malformed', async () => {
    const user = userEvent.setup()
    const { form, box } = landing(() => answer(400, { reason: 'malformed' }))
    await user.type(box, 'OO11{Enter}')
    expect((await within(form).findByRole('alert')).textContent).toContain('8 Zeichen')
  })

  it('tells how long to wait after too many attempts (429)', async () => {
    const user = userEvent.setup()
    const { form, box } = landing(() => answer(429, { reason: 'rateLimited' }, { 'retry-after': '42' }))
    await user.type(box, 'ABCD-EFGH{Enter}')
    expect((await within(form).findByRole('alert')).textContent).toBe('Zu viele Versuche. Bitte warten Sie 42 Sekunden und versuchen Sie es dann noch einmal.')
  })

  it('asks for a code before asking the server', async () => {
    const user = userEvent.setup()
    const { fetch, form } = landing(() => answer(200, { boardId: BOARD }))
    await user.click(within(form).getByRole('button', { name: 'Zum Board' }))
    expect((await within(form).findByRole('alert')).textContent).toBe('Bitte geben Sie den Code ein.')
    expect(fetch).not.toHaveBeenCalled()
  })
})

function moderatorBoard() {
  const board = moderatedBoard('moderator')
  saveModeratorToken('board-1', 'moderator-token-0123456789ab')
  return board
}

describe('Teilnehmen dialog', () => {
  it('shows the code, the participant link and its QR code; Escape closes and the focus returns', async () => {
    const user = userEvent.setup()
    moderatorBoard()
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      answer(200, { code: 'ABCD-EFGH', expiresAt: '2030-05-17T10:00:00.000Z', participantUrl: 'http://127.0.0.1:8080/b/board-1' }),
    )
    vi.stubGlobal('fetch', fetch)
    render(<BoardPage boardId="board-1" />)
    const open = screen.getByRole('button', { name: 'Teilnehmen' })
    await user.click(open)

    const dialog = await screen.findByRole('dialog', { name: 'Teilnehmen' }, LAZY)
    // A native modal dialog (the page behind it inert: tests/e2e/dialogs.test.ts), the focus on its heading.
    expect(dialog.tagName).toBe('DIALOG')
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { level: 2, name: 'Teilnehmen' }))
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/boards/board-1/code')
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer moderator-token-0123456789ab' } })
    expect(await within(dialog).findByText('ABCD-EFGH')).toBeTruthy()
    expect(dialog.textContent).toContain('Buchstabiert: A B C D E F G H')
    expect(dialog.textContent).toContain('http://127.0.0.1:8080/b/board-1')
    const qr = await within(dialog).findByRole('img', { name: 'QR-Code mit dem Link für Teilnehmende: http://127.0.0.1:8080/b/board-1' }, LAZY)
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(open))
  })

  it('says so when the code cannot be made, keeps the link and QR code, and tries again', async () => {
    const user = userEvent.setup()
    moderatorBoard()
    const fetch = vi.fn(async () => answer(500, { error: 'Interner Fehler' }))
    vi.stubGlobal('fetch', fetch)
    render(<BoardPage boardId="board-1" />)
    await user.click(screen.getByRole('button', { name: 'Teilnehmen' }))
    const dialog = await screen.findByRole('dialog', { name: 'Teilnehmen' }, LAZY)
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Der Code konnte nicht erstellt werden')
    expect(await within(dialog).findByRole('img', { name: /QR-Code mit dem Link für Teilnehmende: .*\/b\/board-1$/ }, LAZY)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Erneut versuchen' }))
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2))
    await user.click(within(dialog).getByRole('button', { name: 'Schließen' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('is the moderator’s, as is the Präsentation link (a new tab)', () => {
    const participant = moderatedBoard('participant')
    const { unmount } = render(<BoardPage boardId="board-1" />)
    expect(screen.queryByRole('button', { name: 'Teilnehmen' })).toBeNull()
    expect(screen.queryByRole('link', { name: /Präsentation/ })).toBeNull()
    unmount()
    participant.stop()

    moderatorBoard()
    render(<BoardPage boardId="board-1" />)
    const link = screen.getByRole('link', { name: 'Präsentation (öffnet in einem neuen Tab)' })
    expect(link.getAttribute('href')).toBe('/b/board-1/praesentation')
    expect(link.getAttribute('target')).toBe('_blank')
  })
})

describe('presentation page', () => {
  const scrolled: string[] = []
  const original = Element.prototype.scrollIntoView
  afterEach(() => {
    Element.prototype.scrollIntoView = original
    scrolled.length = 0
  })

  it('shows phase, timer, clusters and loose notes per zone with totals after the vote, and goes to the highlight; no controls', () => {
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id)
    }
    let loose = ''
    let clustered = ''
    let meetings = ''
    let vernetzung = ''
    const board = moderatedBoard('moderator', (doc) => {
      setPhase(doc, 'abstimmen')
      loose = addNote(doc, { zone: 'steigen', text: 'Klare Ziele', author: 'x' })
      const a = addNote(doc, { zone: 'steigen', text: 'Pairing', author: 'x' })
      vernetzung = createCluster(doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [a] })
      clustered = addNote(doc, { zone: 'untenHalten', text: 'Zu viele Termine', author: 'x' })
      meetings = createCluster(doc, { zone: 'untenHalten', title: 'Meetings', noteIds: [clustered] })
      startTimer(doc, 5 * 60_000, Date.now())
    })
    render(<PresentationPage boardId="board-1" />)

    expect(screen.getByRole('main', { name: 'Präsentation' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1, name: 'Sprint 42' })).toBeTruthy()
    expect(screen.getByText('Phase 4 von 6: Abstimmen')).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toMatch(/^0[45]:\d\d$/)
    const steigen = screen.getByRole('region', { name: 'Steigen' })
    const entries = within(within(steigen).getByRole('list', { name: 'Cluster und Notizen in Steigen' })).getAllByRole('listitem')
    expect(entries.map((li) => li.textContent)).toEqual(['Vernetzung1 Notiz', 'Klare Ziele'])
    expect(within(steigen).getByText('2 Notizen')).toBeTruthy()
    expect(within(screen.getByRole('region', { name: 'Einheizen' })).getByText('0 Notizen')).toBeTruthy()
    expect(within(screen.getByRole('region', { name: 'Einheizen' })).queryByRole('list')).toBeNull()
    expect(screen.getByText('Steighöhe: steht nach dem Ende der Abstimmung fest.')).toBeTruthy()
    expect(screen.queryAllByRole('button')).toEqual([])
    expect(screen.queryAllByRole('textbox')).toEqual([])

    act(() =>
      board.doc.transact(() => {
        board.doc.getMap('votes').set(meetings, 3)
        board.doc.getMap('votes').set(vernetzung, 1)
        setVotesRevealed(board.doc, true)
      }),
    )
    expect(within(screen.getByRole('region', { name: 'Unten halten' })).getByRole('listitem').textContent).toBe('Meetings1 Notiz3 Stimmen')
    expect(within(steigen).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Vernetzung1 Notiz1 Stimme', 'Klare Ziele0 Stimmen'])
    expect(screen.getByText('Steighöhe: der Ballon sinkt (1 Stimme für Auftrieb, 3 Stimmen für Ballast).')).toBeTruthy()

    // No idle box while nothing is highlighted.
    expect(screen.queryByText(/hebt gerade nichts hervor/)).toBeNull()
    expect(screen.getByText('Im Blick').closest('[hidden]')).not.toBeNull()
    act(() => setFocus(board.doc, { kind: 'cluster', id: meetings }))
    expect(scrolled).toEqual([`present-cluster-${meetings}`])
    expect(screen.getByText('Cluster: Meetings').getAttribute('aria-live')).toBe('polite')
    expect(screen.getByText('Im Blick').closest('[hidden]')).toBeNull()

    // A note in a cluster shows inside that cluster's entry.
    act(() => setFocus(board.doc, { kind: 'note', id: clustered }))
    expect(scrolled.at(-1)).toBe(`present-note-${clustered}`)
    expect(document.getElementById(`present-note-${clustered}`)?.closest('li')?.id).toBe(`present-cluster-${meetings}`)
    act(() => setFocus(board.doc, { kind: 'note', id: loose }))
    expect(scrolled.at(-1)).toBe(`present-note-${loose}`)
    // A loose note is an entry of its own: that entry is marked.
    expect(document.getElementById(`present-note-${loose}`)?.classList.contains('presentation--focus')).toBe(true)
    expect(within(steigen).getByText('Klare Ziele')).toBeTruthy()
  })
})
