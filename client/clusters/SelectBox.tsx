import type { MouseEvent } from 'react'
import { useT } from '../i18n/index'
import { selectRange, toggleSelected, useSelection } from '../store/selection'

/** The notes that can be selected, as the page shows them (for a Shift+click range). */
function notesInPageOrder(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-select-note]')].map((el) => el.dataset.selectNote ?? '')
}

/** Shift+click (or Shift+Space) selects the range from the last chosen note; else one toggles. */
export function chooseNote(id: string, range: boolean): void {
  if (range) selectRange(id, notesInPageOrder())
  else toggleSelected(id)
}

/**
 * A note's checkbox for grouping several at once, for the pointer: a click toggles it, Shift+click
 * selects a range. Keyboard users select on the focused note itself (Space, Shift+Space; see
 * NoteItem), so 125 notes do not add 125 Tab stops; the box is out of the Tab order.
 */
export function SelectBox({ noteId, text }: { readonly noteId: string; readonly text: string }) {
  const t = useT()
  const selected = useSelection((s) => s.ids.includes(noteId))
  return (
    <input
      type="checkbox"
      className="note__select"
      tabIndex={-1}
      data-select-note={noteId}
      checked={selected}
      aria-label={t('select.note', { text })}
      onChange={(event) => chooseNote(noteId, (event.nativeEvent as unknown as MouseEvent).shiftKey === true)}
    />
  )
}
