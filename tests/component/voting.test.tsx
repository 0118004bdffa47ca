import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { VotingPanel } from '../../client/voting/VotingPanel'
import { createCluster } from '../../model/clusters'
import { setVotesRevealed } from '../../model/phases'
import { ballotOf } from '../../model/privateDoc'
import { toBoardView } from '../../model/view'
import { MOD, localBoard } from '../helpers/board'
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
    render(<VotingPanel />)
    renderZones()

    expect(screen.getByText('Noch 5 von 5 Stimmen')).toBeTruthy()
    // Notes inside a cluster have no vote buttons of their own: the cluster has.
    expect(screen.queryByRole('button', { name: 'Stimme geben: Pairing' })).toBeNull()
    const give = screen.getByRole('button', { name: 'Stimme geben: Vernetzung' })
    await user.click(give)
    await user.click(give)
    await user.click(screen.getByRole('button', { name: 'Stimme geben: Klare Ziele' }))
    expect(ballotOf(board.privateDoc).toJSON()).toEqual({ [board.cluster]: 2, [ziele]: 1 })
    expect(toBoardView(board.doc).tally).toEqual({})
    const group = within(zone(/Steigen/)).getByRole('group', { name: 'Vernetzung' })
    expect(within(group).getByText('Deine Stimmen: 2')).toBeTruthy()
    expect(screen.getByText('Noch 2 von 5 Stimmen')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Stimme für „Klare Ziele“ gegeben. Noch 2 Stimmen.')

    await user.click(screen.getByRole('button', { name: 'Stimme zurücknehmen: Vernetzung' }))
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(1)
    expect(screen.getByText('Noch 3 von 5 Stimmen')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Stimme zurücknehmen: Tests' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('refuses votes beyond my votes and beyond the limit per item, with a message', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ settings: { votesPerPerson: 3, maxVotesPerItem: 2 } })
    const [, , ziele, tests] = board.ids as [string, string, string, string]
    renderZones()
    const give = screen.getByRole('button', { name: 'Stimme geben: Vernetzung' })
    await user.click(give)
    await user.click(give)
    await user.click(give)
    expect(ballotOf(board.privateDoc).get(board.cluster)).toBe(2)
    expect(within(screen.getByRole('group', { name: 'Vernetzung' })).getByText('Mehr Stimmen sind für einen Eintrag nicht erlaubt (höchstens 2).')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Stimme geben: Klare Ziele' }))
    await user.click(screen.getByRole('button', { name: 'Stimme geben: Tests' }))
    expect(ballotOf(board.privateDoc).toJSON()).toEqual({ [board.cluster]: 2, [ziele]: 1 })
    expect(ballotOf(board.privateDoc).has(tests)).toBe(false)
    expect(within(zone(/Einheizen/)).getByText(/Du hast keine Stimmen mehr/)).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('Du hast keine Stimmen mehr')
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

  it('lets the moderator end and reopen the vote', async () => {
    const user = userEvent.setup()
    const board = votingBoard({ actor: MOD })
    render(<VotingPanel />)
    await user.click(screen.getByRole('button', { name: 'Abstimmung beenden' }))
    expect(toBoardView(board.doc).votesRevealed).toBe(true)
    expect(screen.getByText('Die Abstimmung ist beendet; die Ergebnisse sind sichtbar.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Abstimmung wieder öffnen' }))
    expect(toBoardView(board.doc).votesRevealed).toBe(false)
    expect(screen.getByRole('button', { name: 'Abstimmung beenden' })).toBeTruthy()
  })

  it('gives participants no moderator buttons in the panel', () => {
    votingBoard()
    render(<VotingPanel />)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
