import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { Announcer } from '../../client/a11y/announce'
import { ActionsPanel } from '../../client/agreements/ActionsPanel'
import { addAction } from '../../model/agreements'
import { createCluster } from '../../model/clusters'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { MOD, localBoard } from '../helpers/board'


function actionsBoard(options: Parameters<typeof localBoard>[1] = {}) {
  const board = localBoard(
    [
      { zone: 'einheizen', text: 'Mehr Pairing' },
      { zone: 'einheizen', text: 'Retro öfter' },
      { zone: 'steigen', text: 'Teamgeist' },
    ],
    { phase: 'massnahmen', ...options },
  )
  const cluster = createCluster(board.doc, { zone: 'einheizen', title: 'Zusammenarbeit', noteIds: [board.ids[0] as string] })
  return { ...board, cluster }
}

describe('actions (Maßnahmen)', () => {
  it('adds an action with what, who, date and a link, and lists it in the table', async () => {
    const user = userEvent.setup()
    const board = actionsBoard({ actor: MOD })
    render(
      <>
        <Announcer />
        <ActionsPanel />
      </>,
    )
    expect(screen.getByRole('heading', { name: 'Maßnahmen' })).toBeTruthy()
    expect(screen.getByText('Noch keine Maßnahmen.')).toBeTruthy()

    const link = screen.getByRole('combobox', { name: 'Bezug' }) as HTMLSelectElement
    // Einheizen first; cluster before loose notes; notes in a cluster are reached via the cluster.
    expect([...link.options].map((o) => o.textContent)).toEqual([
      'kein Bezug',
      'Cluster „Zusammenarbeit“',
      'Notiz „Retro öfter“',
      'Notiz „Teamgeist“',
    ])
    expect(link.querySelector('optgroup')?.label).toBe('Einheizen')

    await user.type(screen.getByRole('textbox', { name: 'Was' }), 'Pairing-Tage einführen')
    await user.type(screen.getByRole('textbox', { name: 'Wer' }), 'Anna')
    const date = screen.getByLabelText('Bis wann') as HTMLInputElement
    expect(date.type).toBe('date')
    await user.type(date, '2030-05-17')
    await user.selectOptions(link, 'Cluster „Zusammenarbeit“')
    await user.click(screen.getByRole('button', { name: 'Maßnahme hinzufügen' }))

    const [action] = toBoardView(board.doc).actions
    expect(action).toMatchObject({ what: 'Pairing-Tage einführen', who: 'Anna', until: '2030-05-17', link: board.cluster, done: false })
    const table = screen.getByRole('table', { name: 'Vereinbarte Maßnahmen' })
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Was', 'Wer', 'Bis wann', 'Bezug', 'Erledigt', 'Ändern'])
    const row = within(table).getAllByRole('row')[1] as HTMLElement
    const cells = within(row).getAllByRole('cell').map((td) => td.textContent)
    expect(cells.slice(0, 4)).toEqual(['Pairing-Tage einführen', 'Anna', '17.05.2030', 'Cluster „Zusammenarbeit“'])
    // The column names the narrow layout shows before each value.
    expect(within(row).getAllByRole('cell').map((td) => td.getAttribute('data-label'))).toEqual(['Was', 'Wer', 'Bis wann', 'Bezug', 'Erledigt', null])
    expect((screen.getByRole('textbox', { name: 'Was' }) as HTMLInputElement).value).toBe('')
    expect(screen.getByRole('status').textContent).toBe('Maßnahme „Pairing-Tage einführen“ hinzugefügt.')
  })

  it('refuses an action without "Was"', async () => {
    const user = userEvent.setup()
    const board = actionsBoard({ actor: MOD })
    render(<ActionsPanel />)
    await user.type(screen.getByRole('textbox', { name: 'Wer' }), 'Ben')
    await user.click(screen.getByRole('button', { name: 'Maßnahme hinzufügen' }))
    expect(toBoardView(board.doc).actions).toHaveLength(0)
    const what = screen.getByRole('textbox', { name: 'Was' })
    expect(what.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Bitte beschreiben Sie, was zu tun ist.').id).toBe(what.getAttribute('aria-describedby'))
  })

  it('edits inline, marks done and deletes', async () => {
    const user = userEvent.setup()
    const board = actionsBoard({ actor: MOD })
    const id = addAction(board.doc, { what: 'Retro-Format wechseln', who: 'Cem' })
    render(<ActionsPanel />)

    await user.click(screen.getByRole('button', { name: 'Maßnahme bearbeiten: Retro-Format wechseln' }))
    const editor = screen.getByRole('group', { name: 'Maßnahme bearbeiten: Retro-Format wechseln' })
    const what = within(editor).getByRole('textbox', { name: 'Was' })
    await user.clear(what)
    await user.type(what, 'Retro-Format jeden Monat wechseln')
    await user.clear(within(editor).getByRole('textbox', { name: 'Wer' }))
    await user.type(within(editor).getByRole('textbox', { name: 'Wer' }), 'Dana{Enter}')
    expect(toBoardView(board.doc).actions[0]).toMatchObject({ id, what: 'Retro-Format jeden Monat wechseln', who: 'Dana' })
    expect(screen.queryByRole('group', { name: /Maßnahme bearbeiten/ })).toBeNull()

    const done = screen.getByRole('checkbox', { name: 'Erledigt: Retro-Format jeden Monat wechseln' })
    await user.click(done)
    expect(toBoardView(board.doc).actions[0]?.done).toBe(true)
    expect((done as HTMLInputElement).checked).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Maßnahme löschen: Retro-Format jeden Monat wechseln' }))
    expect(toBoardView(board.doc).actions).toHaveLength(0)
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('is read-only for participants unless the moderator allows editing', async () => {
    const board = actionsBoard()
    addAction(board.doc, { what: 'Tests zuerst', who: 'Eva', until: '2030-01-02' })
    act(() => void addAction(board.doc, { what: 'Zweite' }))
    render(<ActionsPanel />)
    const table = screen.getByRole('table', { name: 'Vereinbarte Maßnahmen' })
    expect(within(table).getAllByRole('columnheader')).toHaveLength(5)
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('nein')
    expect(screen.queryByRole('checkbox')).toBeNull()
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.queryByRole('textbox')).toBeNull()

    act(() => setSetting(board.doc, 'participantsEditActions', true))
    expect(screen.getByRole('button', { name: 'Maßnahme hinzufügen' })).toBeTruthy()
    expect(screen.getAllByRole('checkbox')).toHaveLength(2)
  })
})
