import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PhaseBar } from '../../client/moderation/PhaseBar'
import { useSession } from '../../client/store/session'
import { VotingPanel } from '../../client/voting/VotingPanel'
import { createCluster } from '../../model/clusters'
import { setVotesRevealed } from '../../model/phases'
import { ballotOf, castVote } from '../../model/privateDoc'
import { toBoardView } from '../../model/view'
import { MOD, localBoard, progressOfMember } from '../helpers/board'
import { renderZones } from '../helpers/zones'


const zone = (name: RegExp) => screen.getByRole('region', { name })

function votingBoard(options: Parameters<typeof localBoard>[1] = {}) {
  const board = localBoard(
    [
      { zone: 'steigen', text: 'Pairing' },
      { zone: 'steigen', text: 'Mob' },
      { zone: 'steigen', text: 'Klare Ziele' },
      { zone: 'einheizen', text: 'Tests' },
    ],
    { phase: 'abstimmen', ...options },
  )
  const [pairing, mob] = board.ids as [string, string, string, string]
  const cluster = createCluster(board.doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [pairing, mob] })
  return { ...board, cluster }
}

describe('voting', () => {
  it('gives and takes back votes on clusters and loose notes, written to my private ballot', async () => {
    const user = userEvent.setup()
    const board = votingBoard()
    const [, , ziele] = board.ids as [string, string, string]
    render(<PhaseBar />)
    renderZones()

    // The votes left are in the bar that stays in view.
    expect(screen.getByText('Noch 5 von 5 Stimmen').closest('.phase-bar')).toBeTruthy()
    // Notes inside a cluster have no vote buttons of their own: the cluster has.
    expect(screen.queryByRole('button', { name: 'Stimme geben: Pairing' })).toBeNull()
    const give = screen.getByRole('button', { name: 'Stimme geben: Vernetzung' })
    await user.click(give)
    await user.click(give)
    await user.click(screen.getByRole('button', { name: 'Stimme geben: Klare Ziele' }))
    expect(ballotOf(board.privateDoc).toJSON()).toEqual({ [board.cluster]: 2, [ziele]: 1 })
    expect(toBoardView(board.doc).tally).toEqual({})
    const group = within(zone(/Steigen/)).getByRole('group', { name: 'Vernetzung' })
    expect(within(group).getByText('Ihre Stimmen: 2')).toBeTruthy()
    expect(screen.getByText('Noch 2 von 5 Stimmen')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Stimme für „Klare Ziele“ gegeben. Noch 2 Stimmen.')

    await user.click(screen.getByRole('button', { name: 'Stimme zurücknehmen: Vernetzung' }))
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(1)
    expect(screen.getByText('Noch 3 von 5 Stimmen')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Stimme zurücknehmen: Tests' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('offers "+" only while a vote is left and the item is under its limit', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ settings: { votesPerPerson: 3, maxVotesPerItem: 2 } })
    const [, , ziele, tests] = board.ids as [string, string, string, string]
    render(<PhaseBar />)
    renderZones()
    const give = (name: string) => screen.getByRole('button', { name: `Stimme geben: ${name}` }) as HTMLButtonElement
    await user.click(give('Vernetzung'))
    await user.click(give('Vernetzung'))
    expect(give('Vernetzung').disabled).toBe(true)
    // A click on the disabled button changes nothing.
    await user.click(give('Vernetzung'))
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(2)
    expect(give('Klare Ziele').disabled).toBe(false)

    await user.click(give('Klare Ziele'))
    expect(ballotOf(board.privateDoc).toJSON()).toEqual({ [board.cluster]: 2, [ziele]: 1 })
    expect(screen.getByText('Noch 0 von 3 Stimmen')).toBeTruthy()
    expect(give('Tests').disabled).toBe(true)
    expect(give('Klare Ziele').disabled).toBe(true)
    await user.click(give('Tests'))
    expect(ballotOf(board.privateDoc).has(tests)).toBe(false)
    // Taking one back frees "+" everywhere again.
    await user.click(screen.getByRole('button', { name: 'Stimme zurücknehmen: Vernetzung' }))
    expect(give('Tests').disabled).toBe(false)
  })

  it('counts quick taps exactly: each click one vote, up to the limit', async () => {
    const user = userEvent.setup({ delay: null })
    const board = votingBoard({ settings: { votesPerPerson: 10, maxVotesPerItem: 5 } })
    renderZones()
    const give = screen.getByRole('button', { name: 'Stimme geben: Vernetzung' })
    await user.tripleClick(give)
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(3)
    await user.dblClick(give)
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(5)
    await user.dblClick(give)
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(5)
  })

  it('shows no vote controls outside the open vote', () => {
    const board = votingBoard({ phase: 'clustern' })
    renderZones()
    expect(screen.queryByRole('button', { name: /Stimme/ })).toBeNull()
    act(() => setVotesRevealed(board.doc, true))
    expect(screen.queryByRole('button', { name: /Stimme/ })).toBeNull()
  })

  it('shows totals once the vote ends and sorts each zone by them, ties in board order', () => {
    const board = votingBoard()
    const [, , ziele, tests] = board.ids as [string, string, string, string]
    renderZones()
    const order = () =>
      within(zone(/Steigen/))
        .getAllByRole('listitem')
        .filter((li) => li.parentElement?.classList.contains('zone__notes'))
        .map((li) => li.id)
    expect(order()).toEqual([`cluster-${board.cluster}`, `note-${ziele}`])

    act(() =>
      board.doc.transact(() => {
        board.doc.getMap('votes').set(ziele, 7)
        board.doc.getMap('votes').set(board.cluster, 3)
        board.doc.getMap('votes').set(tests, 1)
        setVotesRevealed(board.doc, true)
      }),
    )
    expect(order()).toEqual([`note-${ziele}`, `cluster-${board.cluster}`])
    expect((document.getElementById(`note-${ziele}`) as HTMLElement).textContent).toContain('7 Stimmen')
    expect(within(zone(/Steigen/)).getByRole('group', { name: 'Vernetzung' }).textContent).toContain('3 Stimmen')
    expect(within(zone(/Einheizen/)).getByText('1 Stimme')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Stimme geben/ })).toBeNull()
  })

  it('keeps the board order for equal totals', () => {
    const board = votingBoard()
    const [, , ziele] = board.ids as [string, string, string]
    renderZones()
    act(() => setVotesRevealed(board.doc, true))
    const ids = within(zone(/Steigen/))
      .getAllByRole('listitem')
      .filter((li) => li.parentElement?.classList.contains('zone__notes'))
      .map((li) => li.id)
    expect(ids).toEqual([`cluster-${board.cluster}`, `note-${ziele}`])
    expect(within(zone(/Steigen/)).getAllByText('0 Stimmen')).toHaveLength(2)
  })

  it('lets the moderator end and reopen the vote from the bar', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ actor: MOD })
    render(<PhaseBar />)
    render(<VotingPanel />)
    await user.click(screen.getByRole('button', { name: 'Abstimmung beenden' }))
    expect(toBoardView(board.doc).votesRevealed).toBe(true)
    expect(screen.getByText('Die Abstimmung ist beendet; die Ergebnisse sind sichtbar.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Abstimmung wieder öffnen' }))
    expect(toBoardView(board.doc).votesRevealed).toBe(false)
    expect(screen.getByRole('button', { name: 'Abstimmung beenden' })).toBeTruthy()
  })

  it('does not let "Nächste Phase" skip an open vote: it asks, and going on ends the vote', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ actor: MOD })
    render(<PhaseBar />)
    await user.click(screen.getByRole('button', { name: 'Nächste Phase' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Abstimmung beenden?' })
    expect(dialog.textContent).toContain('wird sie beendet und die abgegebenen Stimmen werden gezählt')
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }))
    expect(toBoardView(board.doc)).toMatchObject({ phase: 'abstimmen', votesRevealed: false })

    await user.click(screen.getByRole('button', { name: 'Maßnahmen' }))
    await user.click(screen.getByRole('button', { name: 'Weiter zu Maßnahmen' }))
    expect(toBoardView(board.doc)).toMatchObject({ phase: 'massnahmen', votesRevealed: true })

    // Back before the vote: the counted votes stay, and the moderator is told so first.
    await user.click(screen.getByRole('button', { name: 'Clustern' }))
    expect(screen.getByRole('alertdialog', { name: 'Zurück vor die Abstimmung?' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Weiter zu Clustern' }))
    expect(toBoardView(board.doc)).toMatchObject({ phase: 'clustern', votesRevealed: true })
  })

  it('shows the moderator how many of those present have voted, and who is missing on demand', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ actor: MOD })
    act(() =>
      useSession.setState({
        peers: [
          { clientId: 1, participantId: 'berta', name: 'Berta', self: false },
          { clientId: 2, participantId: 'carl', name: 'Carl', self: false },
          { clientId: 3, participantId: 'carl', name: 'Carl', self: false },
          { clientId: 4, participantId: MOD.participantId, name: 'Moderation', self: true },
        ],
      }),
    )
    render(<PhaseBar />)
    expect(screen.getByText('0 von 2 haben abgestimmt')).toBeTruthy()
    const berta = new Y.Doc()
    castVote(berta, board.cluster, 1, { votesPerPerson: 5, maxVotesPerItem: 3 })
    act(() => progressOfMember(board.doc, 'berta', berta))
    expect(screen.getByText('1 von 2 hat abgestimmt')).toBeTruthy()
    const missing = screen.getByRole('button', { name: 'Wer fehlt? (1)' })
    expect(missing.getAttribute('aria-expanded')).toBe('false')
    await user.click(missing)
    expect(within(screen.getByRole('list', { name: 'Noch nicht so weit' })).getByText('Carl')).toBeTruthy()
  })

  it('gives participants no moderator buttons in the panel', () => {
    votingBoard()
    render(<VotingPanel />)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
