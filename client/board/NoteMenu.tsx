import { useId, useRef, useState } from 'react'
import { clusterMenuItems } from '../clusters/clusterChoices'
import { shorten } from '../clusters/moves'
import { useT } from '../i18n/index'
import { MenuList } from '../MenuList'
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
        aria-controls={open ? `${id}-menu` : undefined}
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
      {open && (
        <MenuList
          id={`${id}-menu`}
          label={t('note.menu', { text: short })}
          items={open === 'main' ? noteMenuItems(t, context) : clusterMenuItems(t, context.noteId)}
          onChoose={(item) => {
            const outcome = item.run()
            if (outcome === 'submenu') setOpen('clusters')
            else if (outcome === 'back') setOpen('main')
            else close(!outcome)
          }}
          onClose={close}
        />
      )}
    </div>
  )
}
