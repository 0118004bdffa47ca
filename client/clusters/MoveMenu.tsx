import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import {
  clusterTitle,
  findNote,
  groupWith,
  moveNoteStep,
  moveNoteToCluster,
  moveNoteToZone,
  shorten,
  stepTarget,
  uncluster,
} from './moves'

interface Item {
  readonly key: string
  readonly label: string
  /** Returns true when it moved the note (focus then follows the note). */
  readonly run: () => boolean | 'submenu' | 'back'
}

interface Props {
  readonly noteId: string
  readonly text: string
}

/**
 * The single-pointer and keyboard alternative to dragging a note: a menu button with the
 * moves that make sense for it, and a submenu with the clusters it can join.
 */
export function MoveMenu({ noteId, text }: Props) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState<'main' | 'clusters' | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const short = shorten(text)

  function close(returnFocus: boolean) {
    setOpen(null)
    if (returnFocus) button.current?.focus()
  }

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={t('move.noteLabel', { text: short })}
        onClick={() => setOpen(open ? null : 'main')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.altKey && !open) {
            event.preventDefault()
            setOpen('main')
          }
        }}
      >
        {t('move.button')}
      </button>
      {open && (
        <MenuList
          id={`${id}-menu`}
          label={t('move.menu', { text: short })}
          items={open === 'main' ? mainItems(noteId) : clusterItems(noteId)}
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

  function mainItems(note: string): Item[] {
    const place = findNote(useBoard.getState(), note)
    if (!place) return []
    const items: Item[] = [{ key: 'cluster', label: t('move.toCluster'), run: () => 'submenu' }]
    if (place.cluster) items.push({ key: 'out', label: t('move.uncluster'), run: () => uncluster(t, note) })
    if (stepTarget(place, -1) !== undefined) items.push({ key: 'up', label: t('move.up'), run: () => moveNoteStep(t, note, -1) })
    if (stepTarget(place, 1) !== undefined) items.push({ key: 'down', label: t('move.down'), run: () => moveNoteStep(t, note, 1) })
    for (const zone of ZONE_IDS) {
      if (zone !== place.zone.id)
        items.push({ key: `zone-${zone}`, label: t('move.toZone', { zone: t(`zone.${zone}.title`) }), run: () => moveNoteToZone(t, note, zone as ZoneId) })
    }
    return items
  }

  function clusterItems(note: string): Item[] {
    const board = useBoard.getState()
    const place = findNote(board, note)
    if (!place) return []
    const items: Item[] = []
    for (const zone of ZONE_IDS) {
      for (const cluster of board.zones[zone].clusters) {
        if (cluster.id === place.cluster?.id) continue
        items.push({
          key: `c-${cluster.id}`,
          label: t('move.clusterItem', { title: clusterTitle(t, cluster), zone: t(`zone.${zone}.title`) }),
          run: () => moveNoteToCluster(t, note, cluster.id),
        })
      }
    }
    for (const other of place.zone.loose) {
      if (other.id === note) continue
      items.push({ key: `n-${other.id}`, label: t('move.newClusterWith', { text: shorten(other.text) }), run: () => groupWith(t, note, other.id) })
    }
    items.push({ key: 'back', label: t('move.back'), run: () => 'back' })
    return items
  }
}

interface ListProps {
  readonly id: string
  readonly label: string
  readonly items: readonly Item[]
  readonly onChoose: (item: Item) => void
  readonly onClose: (returnFocus: boolean) => void
}

/** A menu (WAI-ARIA menu pattern): arrow keys, Home/End, Escape, first item focused. */
function MenuList({ id, label, items, onChoose, onClose }: ListProps) {
  const list = useRef<HTMLUListElement>(null)
  const first = items[0]?.key

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [first])

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
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const i = all.indexOf(document.activeElement as HTMLElement)
    let next: HTMLElement | undefined
    if (event.key === 'ArrowDown') next = all[(i + 1) % all.length]
    else if (event.key === 'ArrowUp') next = all[(i - 1 + all.length) % all.length]
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
          <button type="button" role="menuitem" tabIndex={-1} className="menu__item" onClick={() => onChoose(item)}>
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  )
}
