import { useEffect, useRef } from 'react'
import type { KeyboardEvent } from 'react'

/** One entry of a menu: what it says and what choosing it does. */
export interface MenuItem {
  readonly key: string
  readonly label: string
  /** For a toggle (menuitemcheckbox): whether it is on. */
  readonly checked?: boolean
  /**
   * true when it moved the focus itself (to a moved note, an editor), 'submenu'/'back' to switch
   * lists; false to give the focus back to the menu's button.
   */
  readonly run: () => boolean | 'submenu' | 'back'
}

interface ListProps {
  readonly id: string
  readonly label: string
  readonly items: readonly MenuItem[]
  readonly onChoose: (item: MenuItem) => void
  readonly onClose: (returnFocus: boolean) => void
  /** Whether the first item takes the focus on opening (false when a search box above has it). */
  readonly focusFirst?: boolean
  /** Arrow up on the first item: back to what sits above the menu (else it wraps to the last). */
  readonly onLeaveTop?: () => void
}

/** A menu (WAI-ARIA menu pattern): arrow keys, Home/End, Escape, first item focused. */
export function MenuList({ id, label, items, onChoose, onClose, focusFirst = true, onLeaveTop }: ListProps) {
  const list = useRef<HTMLUListElement>(null)
  const first = items[0]?.key

  useEffect(() => {
    if (focusFirst) list.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
  }, [first, focusFirst])

  // A click or tap anywhere outside the menu and its button closes it.
  useEffect(() => {
    function outside(event: PointerEvent) {
      const container = list.current?.parentElement
      if (container && event.target instanceof Node && !container.contains(event.target)) onClose(false)
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [onClose])

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]
    const i = all.indexOf(document.activeElement as HTMLElement)
    let next: HTMLElement | undefined
    if (event.key === 'ArrowDown') next = all[(i + 1) % all.length]
    else if (event.key === 'ArrowUp' && i === 0 && onLeaveTop) {
      event.preventDefault()
      onLeaveTop()
      return
    } else if (event.key === 'ArrowUp') next = all[(i - 1 + all.length) % all.length]
    else if (event.key === 'Home') next = all[0]
    else if (event.key === 'End') next = all[all.length - 1]
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onClose(true)
      return
    } else if (event.key === 'Tab') {
      onClose(false)
      return
    } else return
    event.preventDefault()
    event.stopPropagation()
    next?.focus()
  }

  return (
    <ul
      ref={list}
      id={id}
      role="menu"
      aria-label={label}
      className="menu"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        const to = event.relatedTarget
        if (to instanceof Node && (event.currentTarget.contains(to) || event.currentTarget.parentElement?.contains(to))) return
        if (to !== null) onClose(false)
      }}
    >
      {items.map((item) => (
        <li key={item.key} role="none">
          <button
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            tabIndex={-1}
            className="menu__item"
            onClick={() => onChoose(item)}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  )
}
