import { useId, useRef, useState } from 'react'
import { ClusterPicker } from '../clusters/ClusterPicker'
import { shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import { MenuList } from '../MenuList'
import type { MenuItem } from '../MenuList'
import { noteMenuItems } from './noteActions'
import type { NoteActionContext } from './noteActions'

/**
 * The note's one "…" button: a menu of what this person may do with it (edit, delete, group,
 * move, highlight), with the clusters it can join as a second list. Keyboard: Enter, Space or
 * Arrow down opens it; Escape closes it and returns to the button.
 */
export function NoteMenu({ context, buttonRef }: { readonly context: NoteActionContext; readonly buttonRef?: (el: HTMLButtonElement | null) => void }) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState<'main' | 'clusters' | null>(null)
  const button = useRef<HTMLButtonElement | null>(null)
  const short = shorten(context.text)

  function close(returnFocus: boolean) {
    setOpen(null)
    if (returnFocus) button.current?.focus()
  }

  function choose(item: MenuItem) {
    const outcome = item.run()
    if (outcome === 'submenu') setOpen('clusters')
    else if (outcome === 'back') setOpen('main')
    else close(!outcome)
  }

  return (
    <div className="note-menu">
      <button
        ref={(el) => {
          button.current = el
          buttonRef?.(el)
        }}
        type="button"
        className="button button--small note-menu__button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open === 'main' ? `${id}-menu` : undefined}
        aria-label={t('note.menuLabel', { text: short })}
        onClick={() => setOpen(open ? null : 'main')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.altKey && !open) {
            event.preventDefault()
            setOpen('main')
          }
        }}
      >
        <span aria-hidden="true">…</span>
      </button>
      {open === 'main' && <MenuList id={`${id}-menu`} label={t('note.menu', { text: short })} items={noteMenuItems(t, context)} onChoose={choose} onClose={close} />}
      {open === 'clusters' && (
        <ClusterPicker noteId={context.noteId} label={t('note.menu', { text: short })} onChoose={choose} onClose={(back) => (back ? setOpen('main') : close(false))} />
      )}
    </div>
  )
}
