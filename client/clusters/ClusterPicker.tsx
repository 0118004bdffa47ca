import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/index'
import { MenuList } from '../MenuList'
import type { MenuItem } from '../MenuList'
import { clusterChoices, filterChoices } from './clusterChoices'

interface Props {
  readonly noteId: string
  /** The note's short text, for the list's name. */
  readonly label: string
  readonly onChoose: (item: MenuItem) => void
  /** true: back to the note's main menu; false: close (the focus went elsewhere). */
  readonly onClose: (back: boolean) => void
}

/**
 * "In Cluster verschieben …": a search box over the clusters a note can join (existing ones
 * first) and the notes it can form a new cluster with. The box has the focus; typing filters,
 * a status says how many match, Arrow down (or Enter) goes into the list, Arrow up on the
 * first entry comes back; Escape returns to the note's menu.
 */
export function ClusterPicker({ noteId, label, onChoose, onClose }: Props) {
  const t = useT()
  const id = useId()
  const [query, setQuery] = useState('')
  const box = useRef<HTMLInputElement>(null)
  const all = useMemo(() => clusterChoices(t, noteId), [t, noteId])
  const shown = filterChoices(all, query)
  const back: MenuItem = { key: 'back', label: t('move.back'), run: () => 'back' }

  useEffect(() => box.current?.focus(), [])

  function intoList(): void {
    document.getElementById(`${id}-list`)?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.nativeEvent.isComposing)) {
      event.preventDefault()
      intoList()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose(true)
    }
  }

  return (
    <div className="picker">
      <label htmlFor={`${id}-search`} className="picker__label">
        {t('picker.search')}
      </label>
      <input
        ref={box}
        id={`${id}-search`}
        type="search"
        className="picker__search"
        value={query}
        autoComplete="off"
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-count ${id}-hint`}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          const to = event.relatedTarget
          if (to instanceof Node && event.currentTarget.parentElement?.contains(to)) return
          if (to !== null) onClose(false)
        }}
      />
      <p id={`${id}-count`} role="status" className="picker__count">
        {shown.length === 0 ? t('picker.none') : t('picker.count', { count: shown.length })}
      </p>
      <p id={`${id}-hint`} className="visually-hidden">
        {t('picker.hint')}
      </p>
      <MenuList
        id={`${id}-list`}
        label={label}
        items={[...shown, back]}
        focusFirst={false}
        onLeaveTop={() => box.current?.focus()}
        onChoose={onChoose}
        onClose={(returnFocus) => onClose(returnFocus)}
      />
    </div>
  )
}
