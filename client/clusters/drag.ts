import type { DragEvent } from 'react'
import type { ZoneId } from '../../model/zones'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { removeFromCluster } from '../store/clustering'
import { findNote, groupWith, moveClusterToZone, moveNoteToCluster, placeNote, uncluster } from './moves'

/**
 * Native drag and drop for pointer users. Every drop has a keyboard and single-pointer
 * equivalent (the "Verschieben …" menu, the cluster buttons, Alt+arrow keys).
 */
export interface Dragged {
  readonly kind: 'note' | 'cluster'
  readonly id: string
}

let dragged: Dragged | null = null
const TYPE = 'application/x-ballonfahrt'

export function startDrag(event: DragEvent, item: Dragged): void {
  event.stopPropagation()
  dragged = item
  event.dataTransfer.effectAllowed = 'move'
  event.dataTransfer.setData(TYPE, JSON.stringify(item))
  event.dataTransfer.setData('text/plain', item.id)
}

export function endDrag(): void {
  dragged = null
  for (const el of document.querySelectorAll<HTMLElement>('[data-drop]')) unmark(el)
}

export type Where = 'before' | 'after' | 'onto'

/** The band at a card's top and bottom edge that reorders: a fifth of the card, at most 10 px. */
const EDGE_SHARE = 0.2
const EDGE_MAX_PX = 10

/**
 * Where a drop at `y` pixels from a card's top, on a card `height` pixels high, lands: only thin
 * bands at the top and bottom edge reorder, the rest of the card (at least 60 %) groups.
 */
export function dropPosition(y: number, height: number): Where {
  const edge = Math.min(height * EDGE_SHARE, EDGE_MAX_PX)
  return y < edge ? 'before' : y > height - edge ? 'after' : 'onto'
}

function where(event: DragEvent<HTMLElement>): Where {
  const box = event.currentTarget.getBoundingClientRect()
  return dropPosition(event.clientY - box.top, box.height)
}

/** Marks the target under the pointer: its outline (CSS) and a label that says what a drop does. */
function mark(event: DragEvent<HTMLElement>, value: string, label: string): void {
  event.preventDefault()
  event.stopPropagation()
  event.dataTransfer.dropEffect = 'move'
  const el = event.currentTarget
  if (el.dataset.drop !== value) el.dataset.drop = value
  if (el.dataset.dropLabel !== label) el.dataset.dropLabel = label
}

function unmark(el: HTMLElement): void {
  delete el.dataset.drop
  delete el.dataset.dropLabel
}

const NOTE_LABEL = { onto: 'drop.group', before: 'drop.before', after: 'drop.after' } as const

/** Handlers for a note as drop target: thin top/bottom edges reorder, the rest of the card groups. */
export function noteDropHandlers(t: Translate, noteId: string) {
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (dragged?.kind !== 'note' || dragged.id === noteId) return
      const at = where(event)
      mark(event, at, t(NOTE_LABEL[at]))
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      unmark(event.currentTarget)
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const item = dragged
      if (item?.kind !== 'note' || item.id === noteId) return
      event.preventDefault()
      event.stopPropagation()
      const at = where(event)
      endDrag()
      const target = findNote(useBoard.getState(), noteId)
      if (!target) return
      if (at === 'onto') groupWith(t, item.id, noteId)
      else {
        const i = target.zone.notes.findIndex((n) => n.id === noteId)
        const beforeId = at === 'before' ? noteId : (target.zone.notes[i + 1]?.id ?? null)
        if (target.cluster && findNote(useBoard.getState(), item.id)?.note.clusterId !== target.cluster.id)
          moveNoteToCluster(t, item.id, target.cluster.id, beforeId)
        else {
          const moving = findNote(useBoard.getState(), item.id)?.note
          if (!target.cluster && moving?.clusterId && moving.zone === target.zone.id) removeFromCluster(item.id)
          placeNote(t, item.id, target.zone.id, beforeId)
        }
      }
    },
  }
}

/** A cluster takes notes (into it) and other clusters (placed before it). */
export function clusterDropHandlers(t: Translate, clusterId: string, zone: ZoneId) {
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!dragged || dragged.id === clusterId) return
      if (dragged.kind === 'note') mark(event, 'onto', t('drop.intoCluster'))
      else mark(event, 'before', t('drop.before'))
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      unmark(event.currentTarget)
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const item = dragged
      if (!item || item.id === clusterId) return
      event.preventDefault()
      event.stopPropagation()
      endDrag()
      if (item.kind === 'note') moveNoteToCluster(t, item.id, clusterId)
      else moveClusterToZone(t, item.id, zone, clusterId)
    },
  }
}

/** The zone's list: a drop on its free space puts the note or cluster at the zone's end. */
export function zoneDropHandlers(t: Translate, zone: ZoneId) {
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (dragged) mark(event, 'onto', t('drop.zoneEnd'))
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      if (event.currentTarget === event.target) unmark(event.currentTarget)
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const item = dragged
      if (!item) return
      event.preventDefault()
      endDrag()
      if (item.kind === 'note') {
        const note = findNote(useBoard.getState(), item.id)?.note
        // Dropped from its cluster onto free space of its zone: it leaves the cluster.
        if (note?.clusterId && note.zone === zone) uncluster(t, item.id)
        else placeNote(t, item.id, zone, null)
      } else moveClusterToZone(t, item.id, zone, null)
    },
  }
}
