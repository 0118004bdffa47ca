import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NoteAuthor } from '../../client/theme/NoteAuthor'

// A note keeps its author's initials after the author leaves the board.

describe('NoteAuthor', () => {
  it('keeps the initials and the name in words once the author has left', () => {
    const view = render(<NoteAuthor author="author-anna" name="Anna Berg" />)
    expect(view.container.querySelector('.pmark__initials')?.textContent).toBe('AB')
    view.rerender(<NoteAuthor author="author-anna" name={null} />)
    expect(view.container.querySelector('.pmark__initials')?.textContent).toBe('AB')
    expect(view.container.textContent).toContain('Von Anna Berg')
  })

  it('an author never seen in this tab is "a person who is not here", without initials', () => {
    const view = render(<NoteAuthor author="author-never-seen" name={null} />)
    expect(view.container.querySelector('.pmark__initials')).toBeNull()
    expect(view.container.textContent).toContain('Von einer Person, die gerade nicht da ist')
  })
})
