import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { useSession } from '../../client/store/session'
import { lookOfSeat } from '../../client/theme/participant'
import { setLocked, setPhase, setVotesRevealed } from '../../model/phases'
import { setDone, statusOf } from '../../model/privateDoc'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { PARTICIPANT_ID, liveRegion, openBoardPage, openSettings } from '../helpers/moderatedBoard'
import { progressOfMember } from '../helpers/board'

const PHASE_NAMES = ['Sammeln', 'Aufdecken', 'Clustern', 'Abstimmen', 'Maßnahmen', 'Abschluss']
const PRIVATE_HINT = 'Schreiben Sie Ihre Gedanken in die drei Bereiche – die anderen sehen sie erst beim Aufdecken.'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('phase bar', () => {
  it('gives the moderator one button per phase, the current one marked, and "Nächste Phase"', () => {
    openBoardPage('moderator')
    const group = screen.getByRole('group', { name: 'Phase wechseln' })
    const buttons = PHASE_NAMES.map((name) => within(group).getByRole('button', { name }))
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual(['step', null, null, null, null, null])
    expect(screen.getByRole('button', { name: 'Nächste Phase' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Phase 1 von 6: Sammeln' })).toBeTruthy()
    expect(screen.getByText(PRIVATE_HINT)).toBeTruthy()
  })

  it('shows participants the phase and instruction but no phase buttons', () => {
    openBoardPage('participant')
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
    const { doc } = openBoardPage('moderator')
    await user.click(screen.getByRole('button', { name: 'Nächste Phase' }))
    expect(toBoardView(doc).phase).toBe('aufdecken')
    expect(screen.getByText('Alle Notizen sind sichtbar. Lesen Sie sie gemeinsam.')).toBeTruthy()
    expect(screen.queryByText(PRIVATE_HINT)).toBeNull()
    expect(screen.getByRole('button', { name: 'Aufdecken' }).getAttribute('aria-current')).toBe('step')
    expect(liveRegion().textContent).toBe('Phase: Aufdecken')

    await user.click(screen.getByRole('button', { name: 'Nächste Phase' }))
    expect(toBoardView(doc).phase).toBe('clustern')
    expect(screen.getByText('Ordnen Sie ähnliche Notizen zu Clustern und benennen Sie sie.')).toBeTruthy()
    expect(liveRegion().textContent).toBe('Phase: Clustern')

    await user.click(screen.getByRole('button', { name: 'Abschluss' }))
    expect(toBoardView(doc).phase).toBe('abschluss')
    expect(screen.getByText('Das Board ist abgeschlossen und schreibgeschützt.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Nächste Phase' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Abstimmen' }))
    expect(toBoardView(doc).phase).toBe('abstimmen')
    expect(screen.getByText('Verteilen Sie Ihre Stimmen auf die wichtigsten Punkte.')).toBeTruthy()
  })

  it('announces a phase change by the moderator to participants, and not on first render', () => {
    const { doc } = openBoardPage('participant', (d) => setPhase(d, 'aufdecken'))
    expect(liveRegion().textContent).toBe('')
    act(() => setPhase(doc, 'massnahmen'))
    expect(screen.getByText('Halten Sie fest, was Sie konkret tun wollen: was, wer, bis wann.')).toBeTruthy()
    expect(liveRegion().textContent).toBe('Phase: Maßnahmen')
  })

  it('says a different Sammeln line when collecting is not private', () => {
    const { doc } = openBoardPage('participant', (d) => setSetting(d, 'privateWriting', false))
    expect(screen.getByText('Schreiben Sie Ihre Gedanken in die drei Bereiche – alle sehen sie sofort.')).toBeTruthy()
    act(() => setSetting(doc, 'privateWriting', true))
    expect(screen.getByText(PRIVATE_HINT)).toBeTruthy()
  })
})

describe('fertig', () => {
  it('the toggle writes my private doc and shows as pressed', async () => {
    const user = userEvent.setup()
    const { privateDoc } = openBoardPage('participant')
    const toggle = screen.getByRole('button', { name: 'Ich bin fertig' })
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    await user.click(toggle)
    expect(statusOf(privateDoc).get('done')).toBe(true)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    await user.click(toggle)
    expect(statusOf(privateDoc).get('done')).toBe(false)
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
  })

  it('is not offered to the moderator, who sees how many of those present are done instead', () => {
    const { doc } = openBoardPage('moderator')
    expect(screen.queryByRole('button', { name: 'Ich bin fertig' })).toBeNull()
    act(() => useSession.setState({ peers: [{ clientId: 1, participantId: 'berta', name: 'Berta', self: false }] }))
    expect(screen.getByText('0 von 1 fertig')).toBeTruthy()
    const other = new Y.Doc()
    setDone(other, true)
    act(() => progressOfMember(doc, 'berta', other))
    expect(screen.getByText('1 von 1 fertig')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Wer fehlt/ })).toBeNull()
  })

  it('lists who is done by name with a count and their participant mark, only while collecting', () => {
    const { doc } = openBoardPage('participant')
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
      progressOfMember(doc, 'berta', other)
      progressOfMember(doc, 'carl', other)
      progressOfMember(doc, 'dora', new Y.Doc())
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
    // Members written as on boards from before seats (`true`): seated by id, berta, carl, dora.
    expect(marks.map((mark) => mark?.getAttribute('data-shape'))).toEqual([lookOfSeat(0).shape, lookOfSeat(1).shape])
    expect(marks.map((mark) => mark?.textContent)).toEqual(['BE', 'AN'])
    act(() => setPhase(doc, 'aufdecken'))
    expect(screen.queryByText('2 fertig')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Ich bin fertig' })).toBeNull()
  })
})

describe('read-only notice', () => {
  it('appears for a participant when the board is locked or in Abschluss', () => {
    const { doc } = openBoardPage('participant')
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
    const { doc } = openBoardPage('moderator')
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

describe('board layout by phase', () => {
  it('shows the vote in Abstimmen and once ended, the actions in Maßnahmen and Abschluss', () => {
    const { doc } = openBoardPage('participant')
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
    openBoardPage('participant')
    expect(useSession.getState().participantId).toBe(PARTICIPANT_ID)
  })
})
