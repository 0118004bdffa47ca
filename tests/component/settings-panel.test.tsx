import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSession } from '../../client/store/session'
import { saveModeratorToken } from '../../client/sync/credentials'
import { setQuestion } from '../../model/board'
import { setBoardLocale, setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { openBoardPage, openSettings } from '../helpers/moderatedBoard'

// The moderator's Einstellungen: rules, texts, access, and deleting the board.

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('settings', () => {
  it('checkboxes write the settings into the doc and follow remote changes', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator')
    await openSettings(user)
    const flags = {
      'Private Sammelphase': 'privateWriting',
      'Anonyme Notizen': 'anonymous',
      'Teilnehmende dürfen clustern': 'participantsCluster',
      'Teilnehmende dürfen Maßnahmen bearbeiten': 'participantsEditActions',
      'Teilnehmende dürfen exportieren': 'participantsExport',
    } as const
    for (const [label, name] of Object.entries(flags)) {
      const box = screen.getByRole('checkbox', { name: label }) as HTMLInputElement
      const before = toBoardView(doc).settings[name]
      expect(box.checked).toBe(before)
      await user.click(box)
      expect(toBoardView(doc).settings[name]).toBe(!before)
      expect(box.checked).toBe(!before)
    }
    act(() => setSetting(doc, 'anonymous', false))
    expect((screen.getByRole('checkbox', { name: 'Anonyme Notizen' }) as HTMLInputElement).checked).toBe(false)
  })

  it('"Sprache des Ergebnisprotokolls" sets the board language for everybody; the interface stays German', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator')
    await openSettings(user)
    const group = screen.getByRole('group', { name: 'Sprache des Ergebnisprotokolls' })
    const deutsch = within(group).getByRole('radio', { name: 'Deutsch' }) as HTMLInputElement
    const english = within(group).getByRole('radio', { name: 'English' }) as HTMLInputElement
    expect(deutsch.checked).toBe(true)
    expect(english.checked).toBe(false)
    expect(english.closest('label')?.querySelector('[lang="en"]')).not.toBeNull()

    await user.click(english)
    expect(toBoardView(doc).locale).toBe('en')
    expect(english.checked).toBe(true)
    expect(document.documentElement.lang).toBe('de')
    expect(screen.getByRole('heading', { level: 2, name: 'Einstellungen des Boards' })).toBeTruthy()

    // A co-moderator switching back elsewhere shows here.
    act(() => setBoardLocale(doc, 'de'))
    expect(deutsch.checked).toBe(true)
  })

  it('vote limits accept 1 to 20 and write the doc on leaving the field or Enter', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator')
    await openSettings(user)
    const votes = screen.getByRole('textbox', { name: 'Stimmen pro Person' }) as HTMLInputElement
    expect(votes.value).toBe('5')
    await user.clear(votes)
    await user.type(votes, '12')
    expect(toBoardView(doc).settings.votesPerPerson).toBe(5)
    await user.tab()
    expect(toBoardView(doc).settings.votesPerPerson).toBe(12)

    await user.clear(votes)
    await user.type(votes, '21')
    expect(votes.getAttribute('aria-invalid')).toBe('true')
    await user.keyboard('{Enter}')
    expect(toBoardView(doc).settings.votesPerPerson).toBe(12)
    expect(votes.value).toBe('12') // the invalid text gives way to the board's value

    await user.clear(votes)
    await user.type(votes, '0{Enter}')
    expect(toBoardView(doc).settings.votesPerPerson).toBe(12)

    const max = screen.getByRole('textbox', { name: 'Stimmen höchstens pro Eintrag' }) as HTMLInputElement
    await user.clear(max)
    await user.type(max, '2{Enter}')
    expect(toBoardView(doc).settings.maxVotesPerItem).toBe(2)
    act(() => setSetting(doc, 'maxVotesPerItem', 4))
    expect(max.value).toBe('4')
  })

  it('edits title, topic and questions; an empty question restores the default', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator', (d) => setQuestion(d, 'untenHalten', 'Was bremst uns?'))
    expect(screen.getByText('Was bremst uns?')).toBeTruthy()
    await openSettings(user)
    const title = screen.getByRole('textbox', { name: 'Titel des Boards' })
    await user.clear(title)
    await user.type(title, 'Retro Q3')
    await user.type(screen.getByRole('textbox', { name: 'Thema' }), 'Release 2.0')
    await user.type(screen.getByRole('textbox', { name: 'Frage für Steigen' }), 'Was trägt uns?')
    const unten = screen.getByRole('textbox', { name: 'Frage für Unten halten' })
    expect((unten as HTMLInputElement).value).toBe('Was bremst uns?')
    await user.clear(unten)
    await user.click(screen.getByRole('button', { name: 'Texte übernehmen' }))

    const view = toBoardView(doc)
    expect(view.title).toBe('Retro Q3')
    expect(view.topic).toBe('Release 2.0')
    expect(view.zones.steigen.question).toBe('Was trägt uns?')
    expect(view.zones.untenHalten.question).toBeNull()
    expect(screen.getByRole('heading', { level: 1, name: 'Retro Q3' })).toBeTruthy()
    expect(screen.getByText('Was hält uns unten?')).toBeTruthy()
    expect(screen.getByText('Texte übernommen')).toBeTruthy()
  })

  it('Escape closes the panel and returns focus to "Einstellungen"', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    await openSettings(user)
    await user.click(screen.getByRole('checkbox', { name: 'Anonyme Notizen' }))
    await user.keyboard('{Escape}')
    const button = screen.getByRole('button', { name: 'Einstellungen' })
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
    expect(screen.queryByRole('checkbox', { name: 'Anonyme Notizen' })).toBeNull()
  })

  it('Co-Moderation: creates a link with its own token and copies it, lists it with its time, and takes it back', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'owner-token_1')
    const links: { id: string; label: string; createdAt: number }[] = [{ id: 'l0', label: 'Anna', createdAt: Date.UTC(2030, 0, 2, 9, 30) }]
    const fetch = vi.fn((url: string, init: RequestInit = {}) => {
      const auth = new Headers(init.headers).get('authorization')
      if (auth !== 'Bearer owner-token_1') return Promise.resolve(Response.json({ error: 'Kein Zugang' }, { status: 403 }))
      if (url === '/api/boards/board-1/moderators' && init.method === 'POST') {
        const { label } = JSON.parse(String(init.body)) as { label: string }
        if (label === 'Zu viele') return Promise.resolve(Response.json({ error: 'Höchstens 20 Co-Moderationslinks je Board', code: 'tooManyLinks', max: 20 }, { status: 409 }))
        links.push({ id: 'l1', label, createdAt: Date.UTC(2030, 0, 2, 10, 0) })
        return Promise.resolve(Response.json({ ...links.at(-1), moderatorToken: 'link-token_1' }, { status: 201 }))
      }
      if (url === '/api/boards/board-1/moderators') return Promise.resolve(Response.json({ links }))
      const gone = links.findIndex((l) => url === `/api/boards/board-1/moderators/${l.id}`)
      if (init.method === 'DELETE' && gone >= 0) links.splice(gone, 1)
      return Promise.resolve(new Response(null, { status: gone >= 0 ? 204 : 404 }))
    })
    vi.stubGlobal('fetch', fetch)
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await openSettings(user)
    const group = screen.getByRole('group', { name: 'Co-Moderation' })
    const list = await within(group).findByRole('list', { name: 'Links für die Co-Moderation' })
    expect(within(list).getByRole('listitem').textContent).toMatch(/^Anna erstellt am 02\.01\.30, \d\d:30 Zurücknehmen$/)

    await user.type(within(group).getByRole('textbox', { name: 'Bezeichnung des neuen Links (z. B. Name der Person)' }), 'Ben')
    await user.click(within(group).getByRole('button', { name: 'Link erstellen und kopieren' }))
    // The link carries the new link's own token, never the token of this browser.
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/b/board-1#m=link-token_1`))
    expect(await within(group).findByText('Link für „Ben“ erstellt und kopiert')).toBeTruthy()
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))

    await user.click(within(group).getByRole('button', { name: 'Zurücknehmen: Link „Anna“' }))
    expect(await within(group).findByText('Der Link „Anna“ wurde zurückgenommen.')).toBeTruthy()
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem').map((i) => i.textContent?.split(' ')[0])).toEqual(['Ben']))
    expect(fetch).toHaveBeenCalledWith('/api/boards/board-1/moderators/l0', expect.objectContaining({ method: 'DELETE' }))
    expect(document.activeElement).toBe(within(group).getByRole('textbox'))

    // A refusal is said with the server's words.
    await user.type(within(group).getByRole('textbox'), 'Zu viele')
    await user.click(within(group).getByRole('button', { name: 'Link erstellen und kopieren' }))
    expect((await within(group).findByRole('alert')).textContent).toBe('Das hat nicht geklappt. Ein Board hat höchstens 20 Links für die Co-Moderation. Bitte nehmen Sie zuerst einen zurück.')
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
  })

  it('Co-Moderation: a co-moderator (another token) is told that the board’s creator manages the links', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'co-token_1')
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(Response.json({ error: 'Nur mit dem Moderationslink, mit dem das Board erstellt wurde' }, { status: 403 }))))
    await openSettings(user)
    expect(await screen.findByText('Die Links für die Co-Moderation verwaltet, wer das Board erstellt hat.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Link erstellen und kopieren' })).toBeNull()
  })
})

describe('deleting the board', () => {
  async function askToDelete(user: ReturnType<typeof userEvent.setup>) {
    await openSettings(user)
    await user.click(screen.getByRole('button', { name: 'Board löschen' }))
    return screen.getByRole('alertdialog', { name: 'Board endgültig löschen?' })
  }

  it('asks in a modal alertdialog with the focus on Abbrechen, and Abbrechen or Escape go back', async () => {
    const user = userEvent.setup()
    openBoardPage('moderator')
    const dialog = await askToDelete(user)
    const cancel = within(dialog).getByRole('button', { name: 'Abbrechen' })
    // A native modal dialog: Chromium keeps the focus in it (tests/e2e/dialogs.test.ts).
    expect(dialog.tagName).toBe('DIALOG')
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(document.activeElement).toBe(cancel)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Board löschen' }))
    // The panel stays open after the dialog's Escape.
    expect(screen.getByRole('button', { name: 'Einstellungen' }).getAttribute('aria-expanded')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Board löschen' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('"Endgültig löschen" deletes on the server, forgets the board in this browser and says so; a failure is told', async () => {
    const user = userEvent.setup()
    window.history.replaceState(null, '', '/b/board-1')
    openBoardPage('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'secret-token_1')
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 500 })))
    vi.stubGlobal('fetch', fetch)

    let dialog = await askToDelete(user)
    await user.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }))
    expect(await within(dialog).findByRole('alert')).toBeTruthy()
    expect(window.location.pathname).toBe('/b/board-1')

    fetch.mockImplementation(() => Promise.resolve(new Response(null, { status: 204 })))
    dialog = screen.getByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Endgültig löschen' }))
    const heading = await screen.findByRole('heading', { level: 1, name: 'Dieses Board wurde gelöscht' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByText(/Auch dieser Browser hat alles entfernt/)).toBeTruthy()
    expect(fetch).toHaveBeenLastCalledWith('/api/boards/board-1', { method: 'DELETE', headers: { authorization: 'Bearer secret-token_1' } })
    await vi.waitFor(() => expect(localStorage.getItem('ballonfahrt:board:board-1')).toBeNull())
  })

  it('shows a page for a deleted board', () => {
    openBoardPage('participant')
    act(() => useSession.setState({ problem: 'deleted' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Dieses Board wurde gelöscht' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('region')).toBeNull()
  })
})
