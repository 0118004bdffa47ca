import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Announcer } from '../../client/a11y/announce'
import { setLocale } from '../../client/store/locale'
import { receiveTrashList, receiveTrashOutcome, setTrashChannel, useTrash } from '../../client/store/trash'
import { TrashContent } from '../../client/trash/TrashContent'
import type { TrashItem } from '../../model/trash'
import type { TrashRequest } from '../../protocol/trash'

const FAZIT = 'Kita und Jugendamt treffen sich künftig jeden Monat. '.repeat(6).trim()
const ENTRY: TrashItem = { id: 'bericht-1', kind: 'bericht', part: 'fazit', text: FAZIT, deletedAt: Date.UTC(2026, 11, 6, 14, 5) }
const announced = () => screen.getByTestId('announcer').textContent

/** The panel with `items` listed; requests go to `sent` (the socket is tested in tests/server/trash.test.ts). */
function openPanel(items: readonly TrashItem[]): TrashRequest[] {
  const sent: TrashRequest[] = []
  setTrashChannel((request) => {
    sent.push(request)
    return true
  })
  render(
    <>
      <TrashContent headingId="trash-heading" onClose={() => {}} />
      <Announcer />
    </>,
  )
  act(() => receiveTrashList(items))
  return sent
}

afterEach(() => {
  setTrashChannel(null)
  useTrash.setState({ items: null })
  setLocale('de')
})

describe('a Bericht entry in the Papierkorb panel', () => {
  it('names the part, shows the start of the kept text, and restores it by its button', async () => {
    const user = userEvent.setup()
    const sent = openPanel([ENTRY])
    const entry = within(screen.getByRole('list', { name: 'Gelöschte Einträge' })).getByRole('listitem')
    expect(entry.textContent).toContain('Bericht: Fazit, Stand vor dem Löschen um')
    // A preview, not the whole text: the restore brings back all of it.
    expect(entry.textContent).toContain(FAZIT.slice(0, 120))
    expect(entry.textContent).not.toContain(FAZIT)
    const restore = within(entry).getByRole('button', { name: 'Wiederherstellen' })
    expect(restore.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(restore.getAttribute('aria-describedby')!)!.textContent).toContain('Kita und Jugendamt')
    await user.click(restore)
    expect(sent).toContainEqual({ kind: 'restore', id: 'bericht-1' })
    await act(async () => receiveTrashOutcome({ id: 'bericht-1', code: '' }))
    expect(announced()).toBe('„Bericht: Fazit“ ist wiederhergestellt und für alle wieder auf dem Board.')
    expect(screen.getByRole('heading', { name: 'Papierkorb' })).toBe(document.activeElement)
  })

  it('speaks English too', () => {
    setLocale('en')
    openPanel([{ ...ENTRY, part: 'steigen', text: 'Kurz.' }])
    const entry = within(screen.getByRole('list', { name: 'Deleted items' })).getByRole('listitem')
    expect(entry.textContent).toContain('Report: Lift, as it was before text was deleted at')
    expect(entry.textContent).toContain('Kurz.')
  })
})
