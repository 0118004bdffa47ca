import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BoardPage } from '../../client/board/BoardPage'
import { useSession } from '../../client/store/session'
import type { Peer } from '../../client/store/session'
import { seatMembers } from '../../model/seats'
import { ME, localBoard } from '../helpers/board'

// 26 people present (the moderator first, me, one without a name, two "AB"): 26 different looks
// in the presence list and on their notes, each person the same in both places, and no two
// present with the same initials.

const NAMES = ['Moderation Meyer', 'Anna Berg', 'Andreas Brandt', '', 'Ich Selbst', ...Array.from({ length: 21 }, (_, i) => `Person ${String.fromCharCode(65 + i)}${i}`)]
const ids = NAMES.map((_, i) => (i === 4 ? ME.participantId : `p-${i}`))
const peers: Peer[] = NAMES.map((name, i) => ({ clientId: i + 1, participantId: ids[i]!, name, self: i === 4, moderator: i === 0 }))

/** What the eye sees of a mark: shape, fill, colour, the moderation's frame, and the initials. */
function look(scope: HTMLElement): string {
  const mark = scope.querySelector<HTMLElement>('.pmark')!
  return [mark.dataset.shape, mark.dataset.fill, mark.dataset.colour, mark.classList.contains('pmark--moderator'), mark.textContent].join('/')
}

describe('participant looks at 26 people', () => {
  it('differ for everyone, in the presence list and on the notes alike', async () => {
    const board = localBoard(ids.map((author, i) => ({ zone: 'steigen' as const, text: `Notiz ${i}`, author })))
    // Seated in the order of NAMES (the server's order of joining).
    seatMembers(board.doc, ids, 100)
    act(() => useSession.setState({ peers }))
    render(<BoardPage boardId="board-1" />)

    await userEvent.setup().click(screen.getByRole('button', { name: /26 anwesend/ }))
    const present = within(screen.getByRole('list', { name: 'Anwesend' })).getAllByRole('listitem')
    expect(present).toHaveLength(26)
    const inPresence = new Map(present.map((li) => [li.querySelector('.pmark')!.nextSibling!.textContent || '', look(li)]))
    expect(new Set(inPresence.values()).size).toBe(26)

    const notes = within(screen.getByRole('region', { name: /Steigen/ })).getAllByRole('listitem')
    expect(notes).toHaveLength(26)
    const onNotes = new Map(notes.map((li) => [li.querySelector('.note__author .visually-hidden')!.textContent!.replace(/^Von /, ''), look(li)]))
    expect(new Set(onNotes.values()).size).toBe(26)
    expect(onNotes).toEqual(inPresence)

    // Initials: the two "AB" are told apart by seat, the one without a name is "Anonym".
    expect(onNotes.get('Anna Berg')).toMatch(/\/AB$/)
    expect(onNotes.get('Andreas Brandt')).toMatch(/\/AB2$/)
    expect(onNotes.get('Anonym')).toMatch(/\/AN$/)
    // The moderation wears its frame and is named in words; nobody else has the frame.
    expect([...onNotes.entries()].filter(([, l]) => l.includes('/true/')).map(([name]) => name)).toEqual(['Moderation Meyer'])
    expect(within(present[0]!).getByText('(Moderation)')).toBeTruthy()
  })
})
