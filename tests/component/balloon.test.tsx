import { act, render, screen, within } from '@testing-library/react'
import { Profiler } from 'react'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Balloon } from '../../client/board/Balloon'
import { setLocale } from '../../client/store/locale'
import { createCluster, renameCluster } from '../../model/clusters'
import { addNote, editNoteText } from '../../model/notes'
import { setVotesRevealed } from '../../model/phases'
import { castVote, declarePrivateRoots } from '../../model/privateDoc'
import { writeTally } from '../../model/reveal'
import { localBoard } from '../helpers/board'


/** A board with two Steigen notes, two Unten-halten clusters and one Einheizen note. */
function board() {
  const b = localBoard([
    { zone: 'steigen', text: 'Vernetzung' },
    { zone: 'untenHalten', text: 'Geld' },
    { zone: 'untenHalten', text: 'Personalwechsel' },
    { zone: 'einheizen', text: 'Sichtbarkeit' },
  ])
  const [up, money, staff, heat] = b.ids as [string, string, string, string]
  const resources = createCluster(b.doc, { zone: 'untenHalten', title: 'Ressourcen', noteIds: [money] })
  const people = createCluster(b.doc, { zone: 'untenHalten', title: 'Personal', noteIds: [staff] })
  return { doc: b.doc, up, heat, resources, people }
}

function endVote(doc: Y.Doc, votes: Readonly<Record<string, number>>): void {
  const ballot = new Y.Doc()
  declarePrivateRoots(ballot)
  for (const [target, n] of Object.entries(votes)) for (let i = 0; i < n; i++) castVote(ballot, target, 1, { votesPerPerson: 20, maxVotesPerItem: 10 })
  act(() => {
    writeTally(doc, [ballot])
    setVotesRevealed(doc, true)
  })
}

describe('the balloon', () => {
  it('without a board: the plain picture, named in words, with no Steighöhe yet', () => {
    render(<Balloon />)
    const img = screen.getByRole('img')
    expect(img.getAttribute('aria-label')).toBe(
      'Heißluftballon: die Hülle mit heißer Luft steht für „Steigen“, die Flamme des Brenners für „Einheizen“, die Sandsäcke am Korb für „Unten halten“.',
    )
    expect(img.getAttribute('data-lift')).toBe('open')
    // The zones are written on the picture too.
    for (const title of ['Steigen', 'Einheizen', 'Unten halten']) expect(within(img).getByText(title)).toBeTruthy()
  })

  it('hangs the Unten-halten clusters as sandbags and, once the vote ended, says the Steighöhe', () => {
    const b = board()
    render(<Balloon />)
    const img = screen.getByRole('img', { name: /Heißluftballon/ })
    expect(img.getAttribute('aria-label')).toContain('Sandsäcke: Ressourcen, Personal.')
    expect(img.getAttribute('aria-label')).not.toContain('Steighöhe')
    expect(within(img).getByText('Ressourcen')).toBeTruthy()
    expect(within(img).queryByText('Steighöhe')).toBeNull()

    endVote(b.doc, { [b.up]: 1, [b.resources]: 1, [b.people]: 4, [b.heat]: 2 })
    // Heaviest bag first once the totals are known; 1 vote of lift against 5 of ballast.
    expect(img.getAttribute('aria-label')).toContain('Sandsäcke: Personal, Ressourcen.')
    expect(img.getAttribute('aria-label')).toContain('Steighöhe: der Ballon sinkt (1 Stimme für Auftrieb, 5 Stimmen für Ballast).')
    expect(img.getAttribute('data-lift')).toBe('sinking')
    expect(within(img).getByText('Steighöhe')).toBeTruthy()
    // Sinking: the craft sits lower than at rest (positive y offset).
    const craft = img.querySelector<SVGGElement>('.balloon__craft')!
    const y = Number(/translate\(20px, ([-\d.]+)px\)/.exec(craft.style.transform)?.[1])
    expect(y).toBeGreaterThan(0)
  })

  it('rises when lift outweighs ballast, and says so in English too', () => {
    const b = board()
    endVote(b.doc, { [b.up]: 3, [b.people]: 1 })
    render(<Balloon />)
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Steighöhe: der Ballon steigt (3 Stimmen für Auftrieb, 1 Stimme für Ballast).')
    act(() => setLocale('en'))
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Altitude: the balloon is rising (3 votes for lift, 1 vote for ballast).')
  })

  it('counts further sandbags instead of drawing them, and clips long titles on the picture (not in the text)', () => {
    const b = board()
    const long = 'Fehlende zeitliche Ressourcen der Netzwerkpartner'
    act(() => {
      for (const title of [long, 'Drei', 'Vier']) {
        const note = addNote(b.doc, { zone: 'untenHalten', text: title, author: 'x' })
        createCluster(b.doc, { zone: 'untenHalten', title, noteIds: [note] })
      }
    })
    render(<Balloon size="large" />)
    const img = screen.getByRole('img')
    expect(img.getAttribute('class')).toContain('balloon--large')
    expect(img.getAttribute('aria-label')).toContain(`Sandsäcke: Ressourcen, Personal, ${long}, Drei, +1.`)
    expect(within(img).getByText('+1')).toBeTruthy()
    expect(within(img).getByText('Fehlende zeit…')).toBeTruthy()
    expect(within(img).queryByText(long)).toBeNull()
    expect(img.querySelectorAll('.balloon__bag')).toHaveLength(4)
  })

  it('does not render again when a note is typed or edited, only when its picture changes', () => {
    const b = board()
    let renders = 0
    render(
      <Profiler id="balloon" onRender={() => renders++}>
        <Balloon />
      </Profiler>,
    )
    const before = renders
    act(() => {
      editNoteText(b.doc, b.up, 'Vernetzung, länger geschrieben')
      addNote(b.doc, { zone: 'steigen', text: 'Noch eine', author: 'x' })
    })
    act(() => editNoteText(b.doc, b.heat, 'Sichtbarkeit!'))
    expect(renders).toBe(before)

    act(() => renameCluster(b.doc, b.people, 'Fachkräfte'))
    expect(renders).toBe(before + 1)
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('Sandsäcke: Ressourcen, Fachkräfte.')
  })
})
