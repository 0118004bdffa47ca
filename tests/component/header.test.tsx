import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { useSession } from '../../client/store/session'
import type { SaveState } from '../../client/store/session'
import { localBoard } from '../helpers/board'

afterEach(() => {
  vi.unstubAllGlobals()
})

function renderBoard() {
  localBoard()
  return render(<BoardPage boardId="board-1" />)
}

describe('board header', () => {
  it('shows the save state in words; only the saved state says "gespeichert"', () => {
    renderBoard()
    const texts: Record<SaveState, string> = {
      saved: 'gespeichert',
      saving: 'speichert …',
      local: 'offline – wird gesendet, sobald verbunden',
    }
    for (const [save, text] of Object.entries(texts) as [SaveState, string][]) {
      act(() => useSession.setState({ save }))
      expect(screen.getByText(text)).toBeTruthy()
      const mentionsSaved = screen.getByRole('banner').textContent?.includes('gespeichert')
      expect(mentionsSaved).toBe(save === 'saved')
    }
  })

  it('shows the connection state in words', () => {
    renderBoard()
    act(() => useSession.setState({ connection: 'connecting' }))
    expect(screen.getByText('verbindet …').getAttribute('role')).toBe('status')
    act(() => useSession.setState({ connection: 'offline' }))
    expect(screen.getByText('offline')).toBeTruthy()
    act(() => useSession.setState({ connection: 'connected' }))
    expect(screen.getByText('verbunden')).toBeTruthy()
  })

  it('says how many are present in one line and lists them on demand, anonymous people as "Anonym" and me as "(Sie)"', () => {
    renderBoard()
    act(() =>
      useSession.setState({
        peers: [
          { clientId: 1, participantId: 'a', name: 'Anna', self: true },
          { clientId: 2, participantId: 'b', name: '', self: false },
        ],
      }),
    )
    expect(screen.queryByRole('list', { name: 'Anwesend' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '2 anwesend' }))
    const list = screen.getByRole('list', { name: 'Anwesend' })
    expect(list.textContent).toContain('Anna (Sie)')
    expect(list.textContent).toContain('Anonym')
  })

  it('copies the participant link and announces it', async () => {
    const writeText = vi.fn(async () => {})
    // After setup(): user-event installs its own clipboard stub there.
    const user = userEvent.setup()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderBoard()
    await user.click(screen.getByRole('button', { name: 'Link teilen' }))
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/b/board-1`)
    expect(await screen.findByText('Link kopiert')).toBeTruthy()
  })

  it('shows the link in a read-only textbox when the clipboard is unavailable', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
    renderBoard()
    fireEvent.click(screen.getByRole('button', { name: 'Link teilen' }))
    const box = (await screen.findByRole('textbox', { name: 'Link zum Kopieren' })) as HTMLInputElement
    expect(box.readOnly).toBe(true)
    expect(box.value).toBe(`${location.origin}/b/board-1`)
  })

  it('switches the interface to English and back', async () => {
    const user = userEvent.setup()
    renderBoard()
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(screen.getByRole('region', { name: /Lift/ })).toBeTruthy()
    expect(screen.getByRole('region', { name: /Holding down/ })).toBeTruthy()
    expect(screen.getByRole('region', { name: /Add heat/ })).toBeTruthy()
    expect(screen.getByText('What lifts us up?')).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('ballonfahrt:locale')).toBe('en')
    const back = screen.getByRole('button', { name: 'Deutsch' })
    expect(back.querySelector('[lang="de"]')).toBeTruthy()
    await user.click(back)
    expect(screen.getByRole('region', { name: /Steigen/ })).toBeTruthy()
    expect(document.documentElement.lang).toBe('de')
  })

  it('asks before closing the tab while work is unsaved', () => {
    renderBoard()
    const ask = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    act(() => useSession.setState({ save: 'saved' }))
    expect(ask()).toBe(false)
    act(() => useSession.setState({ save: 'saving' }))
    expect(ask()).toBe(true)
    act(() => useSession.setState({ save: 'local' }))
    expect(ask()).toBe(true)
  })
})

describe('board problems', () => {
  it.each([
    ['unknownBoard', 'Board nicht gefunden'],
    ['forbidden', 'Kein Zugang'],
    ['revoked', 'Moderationszugang zurückgenommen'],
    ['boardFull', 'Board ist voll'],
  ] as const)('%s shows a page "%s" with a link to the start page', (problem, heading) => {
    renderBoard()
    act(() => useSession.setState({ problem }))
    expect(screen.getByRole('heading', { level: 1, name: heading })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('region')).toBeNull()
  })

  it('a rejected change shows a dismissible alert above the board', async () => {
    const user = userEvent.setup()
    renderBoard()
    act(() => useSession.setState({ problem: 'rejected' }))
    expect(screen.getByRole('alert').textContent).toContain(
      'Ihre letzte Änderung wurde vom Server abgelehnt; das Board wurde neu geladen.',
    )
    expect(screen.getAllByRole('region')).toHaveLength(3)
    await user.click(screen.getByRole('button', { name: 'Hinweis schließen' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
