import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { createCluster } from '../../model/clusters'
import { setFocus } from '../../model/focus'
import { addNote } from '../../model/notes'
import { setPhase } from '../../model/phases'
import { toBoardView } from '../../model/view'
import { liveRegion, moderatedBoard, openBoardPage } from '../helpers/moderatedBoard'

/** The element each scrollIntoView was called on, with its options. */
const scrolled: { id: string; options: unknown }[] = []
const original = Element.prototype.scrollIntoView

beforeEach(() => {
  scrolled.length = 0
  Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
    scrolled.push({ id: this.id, options })
  } as typeof Element.prototype.scrollIntoView
})

afterEach(() => {
  Element.prototype.scrollIntoView = original
  vi.unstubAllGlobals()
  document.querySelectorAll('[data-test-target]').forEach((el) => el.remove())
})

/** Notes and clusters carry ids `note-<id>` / `cluster-<id>` (rendered by the zones); make sure one exists. */
function ensureTarget(id: string): void {
  if (document.getElementById(id)) return
  const el = document.createElement('div')
  el.id = id
  el.dataset.testTarget = ''
  document.body.append(el)
}

function open(role: 'moderator' | 'participant') {
  let noteId = ''
  let clusterId = ''
  const board = openBoardPage(role, (doc) => {
    setPhase(doc, 'clustern')
    noteId = addNote(doc, { zone: 'steigen', text: 'Gute Zusammenarbeit', author: 'x' })
    const other = addNote(doc, { zone: 'untenHalten', text: 'Zu viele Meetings', author: 'x' })
    clusterId = createCluster(doc, { zone: 'untenHalten', title: 'Meetings', noteIds: [other] })
  })
  ensureTarget(`note-${noteId}`)
  ensureTarget(`cluster-${clusterId}`)
  return { ...board, noteId, clusterId }
}

describe('following the moderator', () => {
  it('is off by default: a new focus neither scrolls nor announces', () => {
    const { doc, noteId } = open('participant')
    const follow = screen.getByRole('button', { name: 'Folgen' })
    expect(follow.getAttribute('aria-pressed')).toBe('false')
    act(() => setFocus(doc, { kind: 'note', id: noteId }))
    expect(scrolled).toEqual([])
    expect(liveRegion().textContent).toBe('')
    expect(screen.getByText('Hervorgehoben: Gute Zusammenarbeit')).toBeTruthy()
  })

  it('when on, scrolls the focused note or cluster into view and says what it is', async () => {
    const user = userEvent.setup()
    const { doc, noteId, clusterId } = open('participant')
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    expect(screen.getByRole('button', { name: 'Folgen' }).getAttribute('aria-pressed')).toBe('true')
    expect(scrolled).toEqual([])

    act(() => setFocus(doc, { kind: 'note', id: noteId }))
    expect(scrolled.map((s) => s.id)).toEqual([`note-${noteId}`])
    expect(scrolled[0]?.options).toMatchObject({ behavior: 'smooth', block: 'center' })
    expect(liveRegion().textContent).toBe('Moderation zeigt: Gute Zusammenarbeit')

    act(() => setFocus(doc, { kind: 'cluster', id: clusterId }))
    expect(scrolled.map((s) => s.id)).toEqual([`note-${noteId}`, `cluster-${clusterId}`])
    expect(liveRegion().textContent).toBe('Moderation zeigt: Meetings')

    act(() => setFocus(doc, null))
    expect(scrolled).toHaveLength(2)
    expect(screen.queryByText(/^Hervorgehoben:/)).toBeNull()
  })

  it('scrolls without animation when the person prefers reduced motion', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener: () => {}, removeEventListener: () => {} }))
    const user = userEvent.setup()
    const { doc, noteId } = open('participant')
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    act(() => setFocus(doc, { kind: 'note', id: noteId }))
    expect(scrolled[0]?.options).toMatchObject({ behavior: 'auto' })
  })

  it('is remembered per board, and turning it on jumps to the current focus', async () => {
    const user = userEvent.setup()
    const { noteId, doc } = open('participant')
    act(() => setFocus(doc, { kind: 'note', id: noteId }))
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    expect(scrolled.map((s) => s.id)).toEqual([`note-${noteId}`])
    expect(localStorage.getItem('ballonfahrt:follow:board-1')).toBe('1')

    cleanup()
    open('participant')
    expect(screen.getByRole('button', { name: 'Folgen' }).getAttribute('aria-pressed')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    expect(localStorage.getItem('ballonfahrt:follow:board-1')).toBeNull()
  })

  it('does not scroll again when the focused note is edited', async () => {
    const user = userEvent.setup()
    const { doc, noteId } = open('participant')
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    act(() => setFocus(doc, { kind: 'note', id: noteId }))
    act(() => addNote(doc, { zone: 'einheizen', text: 'Mehr Pairing', author: 'x' }))
    expect(scrolled).toHaveLength(1)
  })
})

describe('following a note in a collapsed cluster', () => {
  it('scrolls to the cluster, since the hidden note itself cannot be shown', async () => {
    const user = userEvent.setup()
    let inside = ''
    let clusterId = ''
    const board = moderatedBoard('participant', (doc) => {
      setPhase(doc, 'clustern')
      inside = addNote(doc, { zone: 'untenHalten', text: 'Zu viele Meetings', author: 'x' })
      clusterId = createCluster(doc, { zone: 'untenHalten', title: 'Meetings', noteIds: [inside] })
    })
    render(<BoardPage boardId="board-1" />)
    await user.click(screen.getByRole('button', { name: 'Folgen' }))
    const toggle = screen.getByRole('button', { name: 'Meetings', expanded: true })
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('false')

    act(() => setFocus(board.doc, { kind: 'note', id: inside }))
    expect(scrolled.map((s) => s.id)).toEqual([`cluster-${clusterId}`])
    expect(liveRegion().textContent).toBe('Moderation zeigt: Zu viele Meetings')
  })
})

describe('the moderator and the highlight', () => {
  it('sees what is highlighted and clears it with "Hervorhebung aufheben"; no Folgen button', async () => {
    const user = userEvent.setup()
    const { doc, clusterId } = open('moderator')
    expect(screen.queryByRole('button', { name: 'Folgen' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Hervorhebung aufheben' })).toBeNull()
    act(() => setFocus(doc, { kind: 'cluster', id: clusterId }))
    expect(screen.getByText('Hervorgehoben: Meetings')).toBeTruthy()
    expect(scrolled).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Hervorhebung aufheben' }))
    expect(toBoardView(doc).focus).toBeNull()
    expect(screen.queryByRole('button', { name: 'Hervorhebung aufheben' })).toBeNull()
  })
})
