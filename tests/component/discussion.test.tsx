import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { Announcer } from '../../client/a11y/announce'
import { DiscussionPanel } from '../../client/discussion/DiscussionPanel'
import { saveFollow } from '../../client/focus/follow'
import { PhaseBar } from '../../client/moderation/PhaseBar'
import { PresentationDiscussion } from '../../client/presentation/PresentationDiscussion'
import { createCluster } from '../../model/clusters'
import { setDiscussion } from '../../model/discussion'
import { addNote } from '../../model/notes'
import { changePhase, planPhaseChange } from '../../model/phases'
import { votesOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import type { Role } from '../../model/identity'
import { liveRegion, moderatedBoard } from '../helpers/moderatedBoard'

/** Maßnahmen after a vote: "Zu wenig Zeit" 5 votes, the cluster "Vernetzung" 3, "Mehr Treffen" 1. */
function afterTheVote(doc: Y.Doc): void {
  const a = addNote(doc, { zone: 'steigen', text: 'Austausch', author: 'p1' })
  const b = addNote(doc, { zone: 'steigen', text: 'Netzwerk', author: 'p1' })
  const c = addNote(doc, { zone: 'untenHalten', text: 'Zu wenig Zeit', author: 'p2' })
  const d = addNote(doc, { zone: 'einheizen', text: 'Mehr Treffen', author: 'p2' })
  const cluster = createCluster(doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [a, b] })
  changePhase(doc, planPhaseChange({ phase: 'abstimmen', votesRevealed: false }, 'massnahmen'))
  doc.transact(() => {
    votesOf(doc).set(c, 5)
    votesOf(doc).set(cluster, 3)
    votesOf(doc).set(d, 1)
  })
}

const discussing = (doc: Y.Doc) => toBoardView(doc).discussion

/** The bar and the Besprechen panel (what the board page shows of it), after the vote. */
function openDiscussion(role: Role) {
  const board = moderatedBoard(role, afterTheVote)
  render(
    <>
      <PhaseBar />
      <DiscussionPanel boardId="board-1" />
      <Announcer />
    </>,
  )
  return board
}

/** The class of each element scrollIntoView was called on. */
const scrolled: string[] = []
const original = Element.prototype.scrollIntoView
beforeEach(() => {
  scrolled.length = 0
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this.className)
  } as typeof Element.prototype.scrollIntoView
})
afterEach(() => {
  Element.prototype.scrollIntoView = original
  localStorage.clear()
})

describe('Besprechen', () => {
  it('lets the moderator step through the voted items from the bar, each shown large with its notes', async () => {
    const user = userEvent.setup()
    const { doc } = openDiscussion('moderator')
    await user.click(screen.getByRole('button', { name: 'Besprechen starten (3 Punkte)' }))
    let panel = screen.getByRole('region', { name: 'Besprechen: Punkt 1 von 3' })
    expect(within(panel).getByText('Zu wenig Zeit')).toBeTruthy()
    expect(within(panel).getByText('Unten halten · 5 Stimmen')).toBeTruthy()
    const steps = screen.getByRole('group', { name: 'Besprechen' })
    expect((within(steps).getByRole('button', { name: 'Voriger Punkt' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(within(steps).getByRole('button', { name: 'Nächster Punkt' }))
    panel = screen.getByRole('region', { name: 'Besprechen: Punkt 2 von 3' })
    expect(within(panel).getByText('Vernetzung')).toBeTruthy()
    const notes = within(panel).getByRole('list', { name: 'Notizen zu „Vernetzung“' })
    expect(within(notes).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Austausch', 'Netzwerk'])
    expect(liveRegion().textContent).toBe('Besprechen: Vernetzung')

    await user.click(within(steps).getByRole('button', { name: 'Nächster Punkt' }))
    expect((within(steps).getByRole('button', { name: 'Nächster Punkt' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(within(steps).getByRole('button', { name: 'Besprechen beenden' }))
    expect(discussing(doc)).toBeNull()
    expect(screen.queryByRole('region', { name: /Besprechen: Punkt/ })).toBeNull()
  })

  it('adds a Maßnahme right there, linked to the item under discussion', async () => {
    const user = userEvent.setup()
    const { doc } = openDiscussion('moderator')
    await user.click(screen.getByRole('button', { name: 'Besprechen starten (3 Punkte)' }))
    await user.click(screen.getByRole('button', { name: 'Nächster Punkt' }))
    const panel = screen.getByRole('region', { name: 'Besprechen: Punkt 2 von 3' })
    await user.type(within(panel).getByRole('textbox', { name: 'Was' }), 'Austauschtreffen vierteljährlich{Enter}')
    const view = toBoardView(doc)
    expect(view.actions.map((a) => [a.what, a.link])).toEqual([['Austauschtreffen vierteljährlich', view.discussion]])
    expect(within(within(panel).getByRole('list', { name: 'Maßnahmen zu diesem Punkt' })).getByText('Austauschtreffen vierteljährlich')).toBeTruthy()
  })

  it('shows participants what the moderator puts up and takes followers and the Präsentation there', () => {
    saveFollow('board-1', true)
    const { doc } = openDiscussion('participant')
    render(<PresentationDiscussion />)
    expect(screen.queryByRole('region', { name: /Besprechen/ })).toBeNull()
    const [first] = [...votesOf(doc).keys()].filter((id) => votesOf(doc).get(id) === 5)
    act(() => setDiscussion(doc, first!))
    const regions = screen.getAllByRole('region', { name: 'Besprechen: Punkt 1 von 3' })
    expect(regions).toHaveLength(2)
    for (const region of regions) expect(within(region).getByText('Zu wenig Zeit')).toBeTruthy()
    expect(liveRegion().textContent).toBe('Besprechen: Zu wenig Zeit')
    expect(scrolled.sort()).toEqual(['discussion', 'presentation__discussion'])
    // Participants get no steps.
    expect(screen.queryByRole('button', { name: 'Nächster Punkt' })).toBeNull()
  })
})

describe('Besprechen without following', () => {
  it('shows the item but leaves the page where it is', () => {
    const { doc } = openDiscussion('participant')
    const [first] = [...votesOf(doc).keys()].filter((id) => votesOf(doc).get(id) === 5)
    act(() => setDiscussion(doc, first!))
    expect(screen.getByRole('region', { name: 'Besprechen: Punkt 1 von 3' })).toBeTruthy()
    expect(scrolled).toEqual([])
  })
})
