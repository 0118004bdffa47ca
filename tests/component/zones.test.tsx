import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setFocus } from '../../model/focus'
import { setLocked } from '../../model/phases'
import { addDraft } from '../../model/privateDoc'
import { toPrivateView } from '../../model/privateView'
import { progressOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import { localBoard, ME, MOD } from '../helpers/board'
import { renderZones } from '../helpers/zones'


const zone = (name: RegExp) => screen.getByRole('region', { name })

describe('zone content', () => {
  it('shows my drafts as private list items and writes a new note to my private doc while collecting privately', async () => {
    const user = userEvent.setup()
    const board = localBoard()
    act(() => void addDraft(board.privateDoc, { zone: 'steigen', text: 'Mein Entwurf' }))
    renderZones()

    const steigen = zone(/Steigen/)
    const list = within(steigen).getByRole('list', { name: 'Notizen in Steigen' })
    const [draft] = within(list).getAllByRole('listitem')
    expect(draft?.textContent).toContain('Mein Entwurf')
    expect(draft?.textContent).toContain('privat – nur für Sie sichtbar')

    await user.type(within(steigen).getByRole('textbox', { name: /Notiz/ }), 'Noch einer{Enter}')
    expect(toPrivateView(board.privateDoc).drafts.steigen.map((d) => d.text)).toEqual(['Mein Entwurf', 'Noch einer'])
    expect(toBoardView(board.doc).noteCount).toBe(0)
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Mein Entwurf'),
      expect.stringContaining('Noch einer'),
    ])
    const [first] = within(list).getAllByRole('listitem')
    expect(first?.id).toBe(`note-${toPrivateView(board.privateDoc).drafts.steigen[0]?.id}`)
  })

  it('lets me edit and delete my drafts', async () => {
    const user = userEvent.setup()
    const board = localBoard()
    act(() => void addDraft(board.privateDoc, { zone: 'einheizen', text: 'Entwurf' }))
    renderZones()
    const einheizen = zone(/Einheizen/)
    await user.click(within(einheizen).getByRole('button', { name: 'Aktionen zur Notiz: Entwurf' }))
    await user.click(within(einheizen).getByRole('menuitem', { name: 'Bearbeiten' }))
    await user.type(within(einheizen).getByRole('textbox', { name: 'Text der Notiz' }), ' 2{Enter}')
    expect(toPrivateView(board.privateDoc).drafts.einheizen.map((d) => d.text)).toEqual(['Entwurf 2'])
    await user.click(within(einheizen).getByRole('button', { name: 'Aktionen zur Notiz: Entwurf 2' }))
    await user.click(within(einheizen).getByRole('menuitem', { name: 'Löschen' }))
    expect(toPrivateView(board.privateDoc).draftCount).toBe(0)
    expect(within(einheizen).queryByText(/privat/)).toBeNull()
  })

  it('counts the hidden drafts of the others, not mine, while collecting', () => {
    const board = localBoard()
    act(() => {
      addDraft(board.privateDoc, { zone: 'untenHalten', text: 'Meiner' })
      progressOf(board.doc).set(ME.participantId, { counts: { steigen: 0, untenHalten: 1, einheizen: 0 }, done: false })
      progressOf(board.doc).set('p-anna', { counts: { steigen: 1, untenHalten: 2, einheizen: 0 }, done: false })
      progressOf(board.doc).set('p-ben', { counts: { steigen: 0, untenHalten: 1, einheizen: 0 }, done: false })
    })
    renderZones()
    expect(within(zone(/Unten halten/)).getByText('3 verdeckte Notizen der anderen')).toBeTruthy()
    expect(within(zone(/Steigen/)).getByText('1 verdeckte Notiz der anderen')).toBeTruthy()
    expect(within(zone(/Einheizen/)).queryByText(/verdeckte/)).toBeNull()
  })

  it('shows clusters as list items with a group and heading, and loose notes, with stable ids', async () => {
    const board = localBoard(
      [
        { zone: 'steigen', text: 'Pairing' },
        { zone: 'steigen', text: 'Mob-Programming' },
        { zone: 'steigen', text: 'Klare Ziele' },
      ],
      { phase: 'clustern' },
    )
    const [a, b, c] = board.ids as [string, string, string]
    const { createCluster } = await import('../../model/clusters')
    const cluster = createCluster(board.doc, { zone: 'steigen', title: 'Zusammenarbeit', noteIds: [a, b] })
    renderZones()
    const steigen = zone(/Steigen/)
    const group = within(steigen).getByRole('group', { name: 'Zusammenarbeit' })
    expect(within(group).getByRole('heading', { level: 3, name: 'Zusammenarbeit' })).toBeTruthy()
    const inner = within(group).getByRole('list', { name: 'Notizen im Cluster Zusammenarbeit' })
    expect(within(inner).getAllByRole('listitem').map((li) => li.id)).toEqual([`note-${a}`, `note-${b}`])
    expect(group.closest('li')?.id).toBe(`cluster-${cluster}`)
    expect(document.getElementById(`note-${c}`)?.textContent).toContain('Klare Ziele')
  })

  it('marks the highlighted note and cluster for everyone', () => {
    const board = localBoard([{ zone: 'steigen', text: 'Wichtig' }])
    renderZones()
    const li = document.getElementById(`note-${board.ids[0]}`) as HTMLElement
    expect(within(li).queryByText('Hervorgehoben')).toBeNull()
    act(() => setFocus(board.doc, { kind: 'note', id: board.ids[0] as string }))
    expect(within(li).getByText('Hervorgehoben')).toBeTruthy()
    expect(li.className).toContain('note--focus')
    act(() => setFocus(board.doc, null))
    expect(within(li).queryByText('Hervorgehoben')).toBeNull()
  })

  it('gives the moderator a Hervorheben toggle that writes the focus', async () => {
    const user = userEvent.setup()
    const board = localBoard([{ zone: 'einheizen', text: 'Retro öfter' }], { actor: MOD, phase: 'aufdecken' })
    renderZones()
    const button = screen.getByRole('button', { name: 'Aktionen zur Notiz: Retro öfter' })
    await user.click(button)
    const toggle = screen.getByRole('menuitemcheckbox', { name: 'Hervorheben' })
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    await user.click(toggle)
    expect(toBoardView(board.doc).focus).toEqual({ kind: 'note', id: board.ids[0] })
    expect(document.activeElement).toBe(button)
    expect(screen.getByRole('status').textContent).toContain('„Retro öfter“ hervorgehoben.')
    await user.click(button)
    expect(screen.getByRole('menuitemcheckbox', { name: 'Hervorheben' }).getAttribute('aria-checked')).toBe('true')
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Hervorheben' }))
    expect(toBoardView(board.doc).focus).toBeNull()
  })

  it('is read-only for participants on a locked board: no composer, no edit controls', () => {
    const board = localBoard([{ zone: 'steigen', text: 'Meine', author: ME.participantId }], { settings: { privateWriting: false } })
    renderZones()
    expect(within(zone(/Steigen/)).getByRole('textbox', { name: /Notiz/ })).toBeTruthy()
    expect(within(zone(/Steigen/)).getByRole('button', { name: /Aktionen zur Notiz/ })).toBeTruthy()
    act(() => setLocked(board.doc, true))
    expect(screen.queryAllByRole('textbox')).toHaveLength(0)
    // Only the zone's own fold button is left.
    expect(within(zone(/Steigen/)).queryAllByRole('button').map((b) => b.textContent)).toEqual(['Steigen'])
    expect(within(zone(/Steigen/)).getByRole('listitem').textContent).toContain('Meine')
  })
})
