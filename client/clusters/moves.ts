import type { NoteId } from '../../model/ids'
import type { BoardView, ClusterView, NoteView, ZoneView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { announce } from '../a11y/announce'
import { errorKey } from '../board/errors'
import type { Translate } from '../i18n/index'
import { useBoard } from '../store/board'
import { addToCluster, dissolveCluster, groupNotes, groupSelected, moveCluster, removeFromCluster } from '../store/clustering'
import { requestFocus } from '../store/focusRequest'
import { moveNote } from '../store/notes'
import { usePrivate } from '../store/private'
import type { ActionResult } from '../store/run'

const SHORT = 40

/** A note's text on one line, cut to a length that fits a button's name or a message. */
export function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SHORT ? `${line.slice(0, SHORT)}…` : line
}

export function clusterTitle(t: Translate, cluster: { readonly title: string }): string {
  return cluster.title.trim() === '' ? t('cluster.untitled') : cluster.title
}

export interface NotePlace {
  readonly note: NoteView
  readonly zone: ZoneView
  readonly cluster: ClusterView | null
  /** The list the note is shown in: its cluster's notes, or the zone's loose notes. */
  readonly list: readonly NoteView[]
}

export function findNote(board: BoardView, id: NoteId): NotePlace | null {
  for (const zoneId of ZONE_IDS) {
    const zone = board.zones[zoneId]
    const note = zone.notes.find((n) => n.id === id)
    if (!note) continue
    const cluster = zone.clusters.find((c) => c.id === note.clusterId) ?? null
    return { note, zone, cluster, list: cluster ? cluster.notes : zone.loose }
  }
  return null
}

export function findCluster(board: BoardView, id: string): ClusterView | null {
  for (const zoneId of ZONE_IDS) {
    const cluster = board.zones[zoneId].clusters.find((c) => c.id === id)
    if (cluster) return cluster
  }
  return null
}

export function neighbourZone(zone: ZoneId, step: -1 | 1): ZoneId | null {
  return ZONE_IDS[ZONE_IDS.indexOf(zone) + step] ?? null
}

/** Announces the outcome and, when done, brings focus back to the moved element. */
function finish(t: Translate, result: ActionResult, message: string, focusId: string): boolean {
  if (result.ok) {
    announce(message)
    requestFocus(focusId)
  } else announce(t(errorKey(result.code), { max: useBoard.getState().settings.maxVotesPerItem }))
  return result.ok
}

/** Where a note would go one step up (-1) or down (+1) in its list; undefined if it cannot. */
export function stepTarget(place: NotePlace, step: -1 | 1): NoteId | null | undefined {
  const i = place.list.findIndex((n) => n.id === place.note.id)
  if (step < 0) return i > 0 ? (place.list[i - 1]?.id ?? undefined) : undefined
  const next = place.list[i + 1]
  if (!next) return undefined
  // Orders are zone-wide: place the note right after its next sibling.
  const j = place.zone.notes.findIndex((n) => n.id === next.id)
  return place.zone.notes[j + 1]?.id ?? null
}

export function moveNoteStep(t: Translate, id: NoteId, step: -1 | 1): boolean {
  const place = findNote(useBoard.getState(), id)
  if (!place) return false
  const beforeId = stepTarget(place, step)
  if (beforeId === undefined) return false
  const text = shorten(place.note.text)
  return finish(t, moveNote(id, { zone: place.zone.id, beforeId }), t(step < 0 ? 'announce.up' : 'announce.down', { text }), `note-${id}`)
}

/** Moves a note (or one of my drafts) to the end of another zone. */
export function moveNoteToZone(t: Translate, id: NoteId, zone: ZoneId): boolean {
  const note = findNote(useBoard.getState(), id)?.note
  const draft = ZONE_IDS.flatMap((z) => usePrivate.getState().drafts[z]).find((d) => d.id === id)
  const text = shorten(note?.text ?? draft?.text ?? '')
  return finish(t, moveNote(id, { zone, beforeId: null }), t('announce.toZone', { text, zone: t(`zone.${zone}.title`) }), `note-${id}`)
}

/** Moves a note (or draft) to the previous (-1) or next (+1) zone. */
export function moveNoteZoneStep(t: Translate, id: NoteId, from: ZoneId, step: -1 | 1): boolean {
  const zone = neighbourZone(from, step)
  return zone ? moveNoteToZone(t, id, zone) : false
}

export function moveNoteToCluster(t: Translate, id: NoteId, clusterId: string, beforeId: NoteId | null = null): boolean {
  const board = useBoard.getState()
  const note = findNote(board, id)?.note
  const cluster = findCluster(board, clusterId)
  if (!note || !cluster) return false
  const message = t('announce.toCluster', { text: shorten(note.text), title: clusterTitle(t, cluster) })
  return finish(t, addToCluster(id, clusterId, beforeId), message, `note-${id}`)
}

/** Drops a note on another: joins its cluster, or both form a new one. */
export function groupWith(t: Translate, id: NoteId, targetId: NoteId): boolean {
  const board = useBoard.getState()
  const note = findNote(board, id)?.note
  const target = findNote(board, targetId)
  if (!note || !target || id === targetId) return false
  if (target.cluster) return moveNoteToCluster(t, id, target.cluster.id)
  const message = t('announce.newCluster', { text: shorten(note.text), other: shorten(target.note.text) })
  return finish(t, groupNotes(id, targetId), message, `note-${id}`)
}

/** Groups the selected notes in one step; says how many went into which cluster and focuses it. */
export function groupSelection(t: Translate, ids: readonly NoteId[]): boolean {
  const { result, clusterId } = groupSelected(ids)
  const cluster = clusterId === null ? null : findCluster(useBoard.getState(), clusterId)
  const message = cluster ? t('announce.grouped', { count: cluster.notes.length, title: clusterTitle(t, cluster) }) : ''
  return finish(t, result, message, `cluster-${clusterId}`)
}

export function uncluster(t: Translate, id: NoteId): boolean {
  const note = findNote(useBoard.getState(), id)?.note
  if (!note) return false
  return finish(t, removeFromCluster(id), t('announce.unclustered', { text: shorten(note.text) }), `note-${id}`)
}

/** Reorders by drag and drop: puts a note before `beforeId` (null: at the end) of `zone`. */
export function placeNote(t: Translate, id: NoteId, zone: ZoneId, beforeId: NoteId | null): boolean {
  const note = findNote(useBoard.getState(), id)?.note
  if (!note || beforeId === id) return false
  if (note.zone !== zone) return moveNoteToZone(t, id, zone)
  const message = t('announce.toZone', { text: shorten(note.text), zone: t(`zone.${zone}.title`) })
  return finish(t, moveNote(id, { zone, beforeId }), message, `note-${id}`)
}

export function clusterStepTarget(zone: ZoneView, clusterId: string, step: -1 | 1): string | null | undefined {
  const i = zone.clusters.findIndex((c) => c.id === clusterId)
  if (i < 0) return undefined
  if (step < 0) return i > 0 ? (zone.clusters[i - 1]?.id ?? undefined) : undefined
  if (i >= zone.clusters.length - 1) return undefined
  return zone.clusters[i + 2]?.id ?? null
}

export function moveClusterStep(t: Translate, clusterId: string, step: -1 | 1): boolean {
  const cluster = findCluster(useBoard.getState(), clusterId)
  if (!cluster) return false
  const beforeId = clusterStepTarget(useBoard.getState().zones[cluster.zone], clusterId, step)
  if (beforeId === undefined) return false
  const title = clusterTitle(t, cluster)
  return finish(t, moveCluster(clusterId, cluster.zone, beforeId), t(step < 0 ? 'announce.clusterUp' : 'announce.clusterDown', { title }), `cluster-${clusterId}`)
}

export function moveClusterToZone(t: Translate, clusterId: string, zone: ZoneId, beforeId: string | null = null): boolean {
  const cluster = findCluster(useBoard.getState(), clusterId)
  if (!cluster || beforeId === clusterId) return false
  const message = t('announce.clusterToZone', { title: clusterTitle(t, cluster), zone: t(`zone.${zone}.title`) })
  return finish(t, moveCluster(clusterId, zone, beforeId), message, `cluster-${clusterId}`)
}

export function dissolve(t: Translate, clusterId: string): boolean {
  const cluster = findCluster(useBoard.getState(), clusterId)
  if (!cluster) return false
  const first = cluster.notes[0]
  return finish(t, dissolveCluster(clusterId), t('announce.dissolved', { title: clusterTitle(t, cluster) }), first ? `note-${first.id}` : '')
}
