import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { setSetting } from '../../model/settings'
import { toBoardView } from '../../model/view'
import { openBoardPage, openSettings } from '../helpers/moderatedBoard'

// The board's "Anrede": the moderator switches between "Sie" and "du"; everyone's German interface follows.

const HINT_SIE = 'Schreiben Sie Ihre Gedanken in die drei Bereiche – die anderen sehen sie erst beim Aufdecken.'
const HINT_DU = 'Schreibt eure Gedanken in die drei Bereiche – die anderen sehen sie erst beim Aufdecken.'

describe('Anrede', () => {
  // The panel's contents are a lazily loaded module; loading it here first keeps its first
  // transform (slow on a loaded machine) out of the one-second wait for the panel's heading.
  beforeAll(async () => {
    await import('../../client/moderation/SettingsContent')
  })

  it('a new board says "Sie"; the moderator chooses "du" in the settings and the hints follow', async () => {
    const user = userEvent.setup()
    const { doc } = openBoardPage('moderator')
    expect(screen.getAllByText(HINT_SIE).length).toBeGreaterThan(0)
    await openSettings(user)
    const group = screen.getByRole('group', { name: 'Anrede' })
    const sie = within(group).getByRole('radio', { name: '„Sie“ (förmlich)' }) as HTMLInputElement
    const du = within(group).getByRole('radio', { name: '„du“ (vertraut)' }) as HTMLInputElement
    expect(sie.checked).toBe(true)
    await user.click(du)
    expect(toBoardView(doc).settings.address).toBe('du')
    expect(du.checked).toBe(true)
    expect(screen.getAllByText(HINT_DU).length).toBeGreaterThan(0)
    expect(screen.queryByText(HINT_SIE)).toBeNull()
    // The panel's own texts that address nobody stay as they were.
    expect(screen.getByRole('heading', { level: 2, name: 'Einstellungen des Boards' })).toBeTruthy()
  })

  it('a participant follows the moderator\'s change and has no way to make it', () => {
    const { doc } = openBoardPage('participant')
    expect(screen.queryByRole('group', { name: 'Anrede' })).toBeNull()
    expect(screen.getAllByText(HINT_SIE).length).toBeGreaterThan(0)
    act(() => setSetting(doc, 'address', 'du'))
    expect(screen.getAllByText(HINT_DU).length).toBeGreaterThan(0)
    act(() => setSetting(doc, 'address', 'sie'))
    expect(screen.getAllByText(HINT_SIE).length).toBeGreaterThan(0)
  })
})
