import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { setLocale } from '../../client/store/locale'
import { openBoardPage } from '../helpers/moderatedBoard'


/** The introduction is a section found by its heading (not a fourth region next to the zones). */
function intro(): HTMLElement {
  const heading = screen.getByRole('heading', { name: 'Kurze Einführung' })
  const section = heading.closest('section')
  if (!section) throw new Error('no section around the introduction')
  return section
}

describe('first-visit introduction', () => {
  it('shows inline above the zones, without a dialog and without taking the focus', () => {
    openBoardPage('participant')
    const section = intro()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getAllByRole('region')).toHaveLength(3)
    expect(section.contains(document.activeElement)).toBe(false)
    // Placed before the zones in reading and tab order.
    const firstZone = screen.getByRole('region', { name: /Steigen/ })
    expect(section.compareDocumentPosition(firstZone) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(within(section).getByText('Schritt 1 von 3')).toBeTruthy()
    expect(within(section).getByRole('heading', { name: 'Drei Bereiche wie ein Heißluftballon' })).toBeTruthy()
    const zones = within(section).getAllByRole('listitem').map((li) => li.textContent)
    expect(zones).toEqual([
      expect.stringContaining('„Steigen“'),
      expect.stringContaining('„Unten halten“'),
      expect.stringContaining('„Einheizen“'),
    ])
    // The first step has nothing to go back to.
    expect(within(section).queryByRole('button', { name: 'Zurück' })).toBeNull()
  })

  it('goes forward and back through three steps, moving the focus to each step heading', async () => {
    const user = userEvent.setup()
    openBoardPage('participant')
    const section = intro()
    await user.click(within(section).getByRole('button', { name: 'Weiter' }))
    expect(within(section).getByText('Schritt 2 von 3')).toBeTruthy()
    const notes = within(section).getByRole('heading', { name: 'Notizen schreiben' })
    await waitFor(() => expect(document.activeElement).toBe(notes))
    expect(section.textContent).toContain('sehen nur Sie Ihre Notizen')

    await user.click(within(section).getByRole('button', { name: 'Weiter' }))
    expect(within(section).getByText('Schritt 3 von 3')).toBeTruthy()
    expect(within(section).getByRole('heading', { name: 'Clustern, abstimmen und die Tastatur' })).toBeTruthy()
    expect(section.textContent).toContain('Alt+Pfeil')
    expect(within(section).queryByRole('button', { name: 'Weiter' })).toBeNull()

    await user.click(within(section).getByRole('button', { name: 'Zurück' }))
    expect(within(section).getByText('Schritt 2 von 3')).toBeTruthy()
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Notizen schreiben' })))
  })

  it('"Los geht’s" on the last step closes it for good and leads to the first note box', async () => {
    const user = userEvent.setup()
    openBoardPage('participant')
    await user.click(screen.getByRole('button', { name: 'Weiter' }))
    await user.click(screen.getByRole('button', { name: 'Weiter' }))
    await user.click(screen.getByRole('button', { name: 'Los geht’s' }))
    expect(screen.queryByRole('heading', { name: 'Kurze Einführung' })).toBeNull()
    expect(localStorage.getItem('ballonfahrt:intro')).toBe('done')
    const box = within(screen.getByRole('region', { name: /Steigen/ })).getByRole('textbox', { name: /Notiz/ })
    expect(document.activeElement).toBe(box)
  })

  it('"Überspringen" closes it at once and remembers it', async () => {
    const user = userEvent.setup()
    openBoardPage('participant')
    await user.click(screen.getByRole('button', { name: 'Überspringen' }))
    expect(screen.queryByRole('heading', { name: 'Kurze Einführung' })).toBeNull()
    expect(localStorage.getItem('ballonfahrt:intro')).toBe('done')
  })

  it('is not shown to someone who has seen it', () => {
    localStorage.setItem('ballonfahrt:intro', 'done')
    openBoardPage('participant')
    expect(screen.queryByRole('heading', { name: 'Kurze Einführung' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Überspringen' })).toBeNull()
  })

  it('speaks English with the English zone names', () => {
    setLocale('en')
    openBoardPage('participant')
    const section = screen.getByRole('heading', { name: 'Quick introduction' }).closest('section') as HTMLElement
    expect(within(section).getByRole('button', { name: 'Skip' })).toBeTruthy()
    expect(within(section).getByRole('button', { name: 'Next' })).toBeTruthy()
    expect(section.textContent).toContain('“Lift”')
    expect(section.textContent).not.toContain('Steigen')
  })
})
