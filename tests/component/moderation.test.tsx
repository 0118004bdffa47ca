import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { BoardPage } from '../../client/board/BoardPage'
import { useSession } from '../../client/store/session'
import { saveModeratorToken } from '../../client/sync/credentials'
import { participantLook } from '../../client/theme/participant'
import { setQuestion } from '../../model/board'
import { setLocked, setPhase, setVotesRevealed } from '../../model/phases'
import { setDone, statusOf } from '../../model/privateDoc'
import { writeProgress } from '../../model/reveal'
import { setBoardLocale, setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { PARTICIPANT_ID, liveRegion, moderatedBoard } from '../helpers/moderatedBoard'

const PHASE_NAMES = ['Sammeln', 'Aufdecken', 'Clustern', 'Abstimmen', 'Maßnahmen', 'Abschluss']
const PRIVATE_HINT = 'Schreibt eure Gedanken in die drei Bereiche – die anderen sehen sie erst beim Aufdecken.'

let stop: (() => void) | null = null
afterEach(() => {
  stop?.()
  stop = null
  vi.unstubAllGlobals()
})

function open(role: 'moderator' | 'participant', setup?: (doc: Y.Doc) => void) {
  const board = moderatedBoard(role, setup)
  stop = board.stop
  render(<BoardPage boardId="board-1" />)
  return board
}

async function openSettings(user: ReturnType<typeof userEvent.setup>) {
  const button = screen.getByRole('button', { name: 'Einstellungen' })
  await user.click(button)
  expect(button.getAttribute('aria-expanded')).toBe('true')
}

describe('phase bar', () => {
  it('gives the moderator one button per phase, the current one marked, and "Nächste Phase"', () => {
    open('moderator')
    const group = screen.getByRole('group', { name: 'Phase wechseln' })
    const buttons = PHASE_NAMES.map((name) => within(group).getByRole('button', { name }))
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual(['step', null, null, null, null, null])
    expect(screen.getByRole('button', { name: 'Nächste Phase' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Phase 1 von 6: Sammeln' })).toBeTruthy()
    expect(screen.getByText(PRIVATE_HINT)).toBeTruthy()
  })

  it('shows participants the phase and instruction but no phase buttons', () => {
    open('participant')
    for (const name of PHASE_NAMES) expect(screen.queryByRole('button', { name })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Nächste Phase' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Einstellungen' })).toBeNull()
    expect(screen.getByRole('heading', { level: 2, name: 'Phase 1 von 6: Sammeln' })).toBeTruthy()
    const steps = screen.getByRole('list', { name: 'Ablauf der Retrospektive' })
    expect(within(steps).getByText('Sammeln').closest('li')?.getAttribute('aria-current')).toBe('step')
    expect(screen.getByText(PRIVATE_HINT)).toBeTruthy()
  })

  it('"Nächste Phase" moves the doc on, changes the instruction and announces the phase', async () => {
    const user = userEvent.setup()
    const { doc } = open('moderator')
    await user.click(screen.getByRole('button', { name: 'Nächste Phase' }))
    expect(toBoardView(doc).phase).toBe('aufdecken')
    expect(screen.getByText('Alle Notizen sind sichtbar. Lest sie gemeinsam.')).toBeTruthy()
    expect(screen.queryByText(PRIVATE_HINT)).toBeNull()
    expect(screen.getByRole('button', { name: 'Aufdecken' }).getAttribute('aria-current')).toBe('step')
    expect(liveRegion().textContent).toBe('Phase: Aufdecken')

    await user.click(screen.getByRole('button', { name: 'Nächste Phase' }))
    expect(toBoardView(doc).phase).toBe('clustern')
    expect(screen.getByText('Ordnet ähnliche Notizen zu Clustern und benennt sie.')).toBeTruthy()
    expect(liveRegion().textContent).toBe('Phase: Clustern')

    await user.click(screen.getByRole('button', { name: 'Abschluss' }))
    expect(toBoardView(doc).phase).toBe('abschluss')
    expect(screen.getByText('Das Board ist abgeschlossen und schreibgeschützt.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Nächste Phase' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Abstimmen' }))
    expect(toBoardView(doc).phase).toBe('abstimmen')
    expect(screen.getByText('Verteilt eure Stimmen auf die wichtigsten Punkte.')).toBeTruthy()
  })

  it('announces a phase change by the moderator to participants, and not on first render', () => {
    const { doc } = open('participant', (d) => setPhase(d, 'aufdecken'))
    expect(liveRegion().textContent).toBe('')
    act(() => setPhase(doc, 'massnahmen'))
    expect(screen.getByText('Haltet fest, was ihr konkret tun wollt: was, wer, bis wann.')).toBeTruthy()
    expect(liveRegion().textContent).toBe('Phase: Maßnahmen')
  })

  it('says a different Sammeln line when collecting is not private', () => {
    const { doc } = open('participant', (d) => setSetting(d, 'privateWriting', false))
    expect(screen.getByText('Schreibt eure Gedanken in die drei Bereiche – alle sehen sie sofort.')).toBeTruthy()
    act(() => setSetting(doc, 'privateWriting', true))
    expect(screen.getByText(PRIVATE_HINT)).toBeTruthy()
  })
})

describe('fertig', () => {
  it('the toggle writes my private doc and shows as pressed', async () => {
    const user = userEvent.setup()
    const { privateDoc } = open('participant')
    const toggle = screen.getByRole('button', { name: 'Ich bin fertig' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    await user.click(toggle)
    expect(statusOf(privateDoc).get('done')).toBe(true)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    await user.click(toggle)
    expect(statusOf(privateDoc).get('done')).toBe(false)
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('lists who is done by name with a count and their participant mark, only while collecting', () => {
    const { doc } = open('moderator')
    expect(screen.getByText('0 fertig')).toBeTruthy()
    act(() =>
      useSession.setState({
        peers: [
          { clientId: 1, participantId: 'berta', name: 'Berta', self: false },
          { clientId: 2, participantId: 'carl', name: '', self: false },
        ],
      }),
    )
    const other = new Y.Doc()
    setDone(other, true)
    act(() => {
      writeProgress(doc, 'berta', other)
      writeProgress(doc, 'carl', other)
      writeProgress(doc, 'dora', new Y.Doc())
    })
    const list = screen.getByRole('list', { name: '2 fertig' })
    const items = within(list).getAllByRole('listitem')
    // What a screen reader reads: the name; the mark (shape, colour, initials) is hidden from it.
    const spoken = (li: HTMLElement) => {
      const copy = li.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
      return copy.textContent
    }
    expect(items.map(spoken)).toEqual(['Berta', 'Anonym'])
    const marks = items.map((li) => li.querySelector('[aria-hidden="true"][data-shape]'))
    expect(marks.map((mark) => mark?.getAttribute('data-shape'))).toEqual([participantLook('berta').shape, participantLook('carl').shape])
    expect(marks.map((mark) => mark?.textContent)).toEqual(['BE', 'AN'])
    act(() => setPhase(doc, 'aufdecken'))
    expect(screen.queryByText('2 fertig')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Ich bin fertig' })).toBeNull()
  })
})

describe('read-only notice', () => {
  it('appears for a participant when the board is locked or in Abschluss', () => {
    const { doc } = open('participant')
    expect(screen.queryByText('Das Board ist schreibgeschützt.')).toBeNull()
    act(() => setLocked(doc, true))
    expect(screen.getByText('Das Board ist schreibgeschützt.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Ich bin fertig' }) as HTMLButtonElement).disabled).toBe(true)
    act(() => setLocked(doc, false))
    expect(screen.queryByText('Das Board ist schreibgeschützt.')).toBeNull()
    act(() => setPhase(doc, 'abschluss'))
    expect(screen.getByText('Das Board ist schreibgeschützt.')).toBeTruthy()
  })

  it('tells the moderator, who can still act, that participants can only read', async () => {
    const user = userEvent.setup()
    const { doc } = open('moderator')
    await openSettings(user)
    await user.click(screen.getByRole('button', { name: 'Board sperren' }))
    expect(toBoardView(doc).locked).toBe(true)
    expect(screen.queryByText('Das Board ist schreibgeschützt.')).toBeNull()
    expect(screen.getByText('Für Teilnehmende ist das Board schreibgeschützt.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Board entsperren' }))
    expect(toBoardView(doc).locked).toBe(false)
    expect(screen.queryByText('Für Teilnehmende ist das Board schreibgeschützt.')).toBeNull()
  })
})

describe('settings', () => {
  it('checkboxes write the settings into the doc and follow remote changes', async () => {
    const user = userEvent.setup()
    const { doc } = open('moderator')
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
    const { doc } = open('moderator')
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
    const { doc } = open('moderator')
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

    const max = screen.getByRole('textbox', { name: 'Stimmen höchstens pro Punkt' }) as HTMLInputElement
    await user.clear(max)
    await user.type(max, '2{Enter}')
    expect(toBoardView(doc).settings.maxVotesPerItem).toBe(2)
    act(() => setSetting(doc, 'maxVotesPerItem', 4))
    expect(max.value).toBe('4')
  })

  it('edits title, topic and questions; an empty question restores the default', async () => {
    const user = userEvent.setup()
    const { doc } = open('moderator', (d) => setQuestion(d, 'untenHalten', 'Was bremst uns?'))
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
    open('moderator')
    await openSettings(user)
    await user.click(screen.getByRole('checkbox', { name: 'Anonyme Notizen' }))
    await user.keyboard('{Escape}')
    const button = screen.getByRole('button', { name: 'Einstellungen' })
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button)
    expect(screen.queryByRole('checkbox', { name: 'Anonyme Notizen' })).toBeNull()
  })

  it('"Co-Moderation einladen" copies the moderator link, or shows it in a read-only field', async () => {
    const user = userEvent.setup()
    open('moderator')
    useSession.setState({ boardId: 'board-1' })
    saveModeratorToken('board-1', 'secret-token_1')
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await openSettings(user)
    await user.click(screen.getByRole('button', { name: 'Co-Moderation einladen' }))
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/b/board-1#m=secret-token_1`)
    expect(screen.getByText('Link für die Co-Moderation kopiert')).toBeTruthy()

    writeText.mockImplementation(() => Promise.reject(new Error('denied')))
    await user.click(screen.getByRole('button', { name: 'Co-Moderation einladen' }))
    const field = screen.getByRole('textbox', { name: 'Link für die Co-Moderation zum Kopieren' }) as HTMLInputElement
    expect(field.readOnly).toBe(true)
    expect(field.value).toBe(`${window.location.origin}/b/board-1#m=secret-token_1`)
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
  })
})

describe('deleting the board', () => {
  async function askToDelete(user: ReturnType<typeof userEvent.setup>) {
    await openSettings(user)
    await user.click(screen.getByRole('button', { name: 'Board löschen' }))
    return screen.getByRole('alertdialog', { name: 'Board endgültig löschen?' })
  }

  it('asks in an alertdialog that keeps the focus, and Abbrechen or Escape go back', async () => {
    const user = userEvent.setup()
    open('moderator')
    const dialog = await askToDelete(user)
    const cancel = within(dialog).getByRole('button', { name: 'Abbrechen' })
    const confirm = within(dialog).getByRole('button', { name: 'Endgültig löschen' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.activeElement).toBe(cancel)
    await user.tab()
    expect(document.activeElement).toBe(confirm)
    await user.tab()
    expect(document.activeElement).toBe(cancel)
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(confirm)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Board löschen' }))
    // The panel stays open after the dialog's Escape.
    expect(screen.getByRole('button', { name: 'Einstellungen' }).getAttribute('aria-expanded')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Board löschen' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Abbrechen' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('"Endgültig löschen" deletes on the server and goes to the start page; a failure is told', async () => {
    const user = userEvent.setup()
    window.history.replaceState(null, '', '/b/board-1')
    open('moderator')
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
    await vi.waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(fetch).toHaveBeenLastCalledWith('/api/boards/board-1', { method: 'DELETE', headers: { authorization: 'Bearer secret-token_1' } })
  })

  it('shows a page for a deleted board', () => {
    open('participant')
    act(() => useSession.setState({ problem: 'deleted' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Dieses Board wurde gelöscht' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('region')).toBeNull()
  })
})

describe('board layout by phase', () => {
  it('shows the vote in Abstimmen and once ended, the actions in Maßnahmen and Abschluss', () => {
    const { doc } = open('participant')
    const voting = () => screen.queryByRole('region', { name: 'Abstimmung' })
    const actions = () => screen.queryByRole('region', { name: 'Maßnahmen' })
    expect(voting()).toBeNull()
    expect(actions()).toBeNull()
    act(() => setPhase(doc, 'abstimmen'))
    expect(voting()).toBeTruthy()
    expect(actions()).toBeNull()
    act(() => setVotesRevealed(doc, true))
    act(() => setPhase(doc, 'massnahmen'))
    expect(voting()).toBeTruthy()
    expect(actions()).toBeTruthy()
    act(() => setPhase(doc, 'abschluss'))
    expect(actions()).toBeTruthy()
    act(() => setVotesRevealed(doc, false))
    expect(voting()).toBeNull()
    // The zones come before the panels, in reading order.
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby') ? document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent : r.getAttribute('aria-label'))
    expect(regions.at(-1)).toBe('Maßnahmen')
  })
})

describe('participant identity', () => {
  it('uses the participant id of the active board', () => {
    open('participant')
    expect(useSession.getState().participantId).toBe(PARTICIPANT_ID)
  })
})
