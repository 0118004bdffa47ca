import * as Y from 'yjs'
import { isBerichtPart } from './bericht'
import type { BerichtPart } from './bericht'
import type { UpdateDescription } from './changes'
import type { BoardFacts } from './facts'
import { isItemId } from './ids'
import type { Actor } from './identity'
import { LIMITS } from './limits'
import { isOrderKey } from './order'
import { mayModerate, writesDrafts } from './permissions'
import { LOCAL, clustersOf, notesOf } from './schema'
import { berichtStillLost, restoreBericht } from './trashBericht'
import type { TrashedBericht } from './trashBericht'
import { isZoneId } from './zones'
import type { ZoneId } from './zones'

/**
 * The Papierkorb: what a delete or a dissolve took out of the board, and a Bericht part's text
 * before a participant deleted some of it (model/trashBericht.ts), kept by the server (never in
 * the doc, so never synced to participants nor exported) until the moderator restores it, the
 * meeting reaches Abschluss (notes and clusters; Bericht entries stay, the Bericht is written
 * then), the board is deleted, or it expires. Entries are plain data the server captured from its
 * own doc just before applying an update the guard accepted.
 */
export type TrashEntry = TrashedNote | TrashedCluster | TrashedBericht

export interface TrashedNote {
  readonly kind: 'note'
  readonly id: string
  readonly zone: ZoneId
  readonly text: string
  /** Absent on anonymous boards: the Papierkorb keeps no author there either. */
  readonly author?: string
  readonly createdAt: number
  readonly order: string
  readonly clusterId: string | null
  readonly quote?: true
  readonly deletedAt: number
}

export interface TrashedCluster {
  readonly kind: 'cluster'
  readonly id: string
  readonly zone: ZoneId
  readonly title: string
  readonly order: string
  /** The notes that were in it when it was dissolved. */
  readonly noteIds: readonly string[]
  readonly deletedAt: number
}

/** What the moderator's Papierkorb panel lists of an entry. */
export type TrashItem = TrashedItem | TrashedBerichtItem

export interface TrashedItem {
  readonly id: string
  readonly kind: 'note' | 'cluster'
  readonly zone: ZoneId
  /** The note's text, or the cluster's title. */
  readonly text: string
  /** A cluster's notes (0 for a note). */
  readonly notes: number
  readonly deletedAt: number
}

export interface TrashedBerichtItem {
  readonly id: string
  readonly kind: 'bericht'
  readonly part: BerichtPart
  /** The part's text as it was kept. */
  readonly text: string
  readonly deletedAt: number
}

/** Why a restore is refused; the panel shows a message for each. */
export type RestoreRefusal = 'notAllowed' | 'notInTrash' | 'closed' | 'privateCollecting' | 'alreadyThere' | 'notesGone' | 'boardFull'

/** Only moderators see the Papierkorb and restore from it. */
export function mayUseTrash(actor: Actor): boolean {
  return mayModerate(actor)
}

/** Ids of notes and clusters an update deletes (a dissolve deletes its cluster). */
export function deletedItems(description: UpdateDescription): { root: 'notes' | 'clusters'; id: string }[] {
  const out: { root: 'notes' | 'clusters'; id: string }[] = []
  for (const w of description.writes) {
    if (w.kind === 'delete' && (w.root === 'notes' || w.root === 'clusters')) out.push({ root: w.root, id: w.id })
  }
  return out
}

function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : ''
}

/** The entry for a note or cluster as the doc holds it now (before the delete is applied). */
export function captureEntry(doc: Y.Doc, root: 'notes' | 'clusters', id: string, deletedAt: number, anonymous: boolean): TrashEntry | null {
  if (root === 'clusters') {
    const c = clustersOf(doc).get(id)
    if (!c) return null
    const noteIds: string[] = []
    notesOf(doc).forEach((n, noteId) => {
      if (n.get('clusterId') === id) noteIds.push(noteId)
    })
    return parseTrashEntry({ kind: 'cluster', id, zone: c.get('zone'), title: textOf(c.get('title')), order: c.get('order'), noteIds, deletedAt })
  }
  const n = notesOf(doc).get(id)
  if (!n) return null
  const author = n.get('author')
  return parseTrashEntry({
    kind: 'note',
    id,
    zone: n.get('zone'),
    text: textOf(n.get('text')),
    ...(typeof author === 'string' && !anonymous ? { author } : {}),
    createdAt: n.get('createdAt'),
    order: n.get('order'),
    clusterId: typeof n.get('clusterId') === 'string' ? n.get('clusterId') : null,
    ...(n.get('quote') === true ? { quote: true } : {}),
    deletedAt,
  })
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max

/** An entry from storage (or a capture), checked field by field; null for anything else. */
export function parseTrashEntry(value: unknown): TrashEntry | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (v.kind === 'bericht') return parseTrashedBericht(v)
  if (!isItemId(v.id) || !isZoneId(v.zone) || !isOrderKey(v.order) || !isTime(v.deletedAt)) return null
  if (v.kind === 'cluster') {
    const ids = v.noteIds
    if (!isShortString(v.title, LIMITS.clusterTitleLength) || !Array.isArray(ids) || !ids.every(isItemId)) return null
    return { kind: 'cluster', id: v.id, zone: v.zone, title: v.title, order: v.order, noteIds: ids, deletedAt: v.deletedAt }
  }
  if (v.kind !== 'note' || !isShortString(v.text, LIMITS.noteLength) || !isTime(v.createdAt)) return null
  if (v.clusterId !== null && !isItemId(v.clusterId)) return null
  if (v.author !== undefined && !isShortString(v.author, 64)) return null
  return {
    kind: 'note',
    id: v.id,
    zone: v.zone,
    text: v.text,
    ...(typeof v.author === 'string' ? { author: v.author } : {}),
    createdAt: v.createdAt,
    order: v.order,
    clusterId: v.clusterId,
    ...(v.quote === true ? { quote: true as const } : {}),
    deletedAt: v.deletedAt,
  }
}

function parseTrashedBericht(v: Record<string, unknown>): TrashedBericht | null {
  if (!isItemId(v.id) || !isBerichtPart(v.part) || !isShortString(v.text, LIMITS.berichtPartLength) || !isTime(v.deletedAt)) return null
  return { kind: 'bericht', id: v.id, part: v.part, text: v.text, deletedAt: v.deletedAt }
}

/** The same entry without its author (the board turned anonymous). */
export function withoutAuthor(entry: TrashEntry): TrashEntry {
  if (entry.kind !== 'note' || entry.author === undefined) return entry
  const { author: _author, ...rest } = entry
  return rest
}

export function trashItemOf(entry: TrashEntry): TrashItem {
  if (entry.kind === 'bericht') return { id: entry.id, kind: 'bericht', part: entry.part, text: entry.text, deletedAt: entry.deletedAt }
  const text = entry.kind === 'note' ? entry.text : entry.title
  const notes = entry.kind === 'cluster' ? entry.noteIds.length : 0
  return { id: entry.id, kind: entry.kind, zone: entry.zone, text, notes, deletedAt: entry.deletedAt }
}

/** Notes of a dissolved cluster that can go back into it: still there, and in no other cluster. */
function returningNotes(doc: Y.Doc, entry: TrashedCluster): string[] {
  const clusters = clustersOf(doc)
  return entry.noteIds.filter((id) => {
    const clusterId = notesOf(doc).get(id)?.get('clusterId')
    return notesOf(doc).has(id) && (typeof clusterId !== 'string' || !clusters.has(clusterId))
  })
}

/**
 * Whether `actor` may put `entry` back now. The Papierkorb is the moderator's; no note or cluster
 * comes back once the meeting is closed (Abschluss empties them), nor a note while notes are
 * private drafts (the rules refuse notes in the board then), nor over an id in use or beyond the
 * board's limits. A Bericht text comes back at any time (the moderator may replace parts, also in
 * Abschluss and on a locked board), unless its part holds exactly that text again.
 */
export function restoreRefusal(doc: Y.Doc, facts: BoardFacts, actor: Actor, entry: TrashEntry): RestoreRefusal | null {
  if (!mayUseTrash(actor)) return 'notAllowed'
  if (entry.kind === 'bericht') return berichtStillLost(doc, entry) ? null : 'alreadyThere'
  if (facts.phase === 'abschluss') return 'closed'
  if (facts.rootOf(entry.id) !== undefined) return 'alreadyThere'
  if (entry.kind === 'note') {
    if (writesDrafts(facts)) return 'privateCollecting'
    return notesOf(doc).size >= LIMITS.notesPerBoard ? 'boardFull' : null
  }
  if (returningNotes(doc, entry).length === 0) return 'notesGone'
  return clustersOf(doc).size >= LIMITS.clustersPerBoard ? 'boardFull' : null
}

/**
 * Puts an entry back where it was, under its own id, in one transaction: a note in its zone, at
 * its order, in its cluster if that still exists there; a cluster with its title and order, and
 * those of its notes that are still on the board and in no other cluster (they follow it into
 * its zone); a Bericht part's text as the part's new text. No author on a board that is anonymous
 * now. Check `restoreRefusal` first.
 */
export function restoreEntry(doc: Y.Doc, entry: TrashEntry, anonymous: boolean): void {
  if (entry.kind === 'bericht') return restoreBericht(doc, entry)
  doc.transact(() => {
    if (entry.kind === 'note') {
      const note = new Y.Map<unknown>()
      const cluster = entry.clusterId === null ? undefined : clustersOf(doc).get(entry.clusterId)
      note.set('zone', entry.zone)
      note.set('text', new Y.Text(entry.text))
      if (entry.author !== undefined && !anonymous) note.set('author', entry.author)
      note.set('createdAt', entry.createdAt)
      note.set('order', entry.order)
      note.set('clusterId', cluster && cluster.get('zone') === entry.zone ? entry.clusterId : null)
      if (entry.quote) note.set('quote', true)
      notesOf(doc).set(entry.id, note)
      return
    }
    const members = returningNotes(doc, entry)
    const cluster = new Y.Map<unknown>()
    cluster.set('zone', entry.zone)
    cluster.set('title', new Y.Text(entry.title))
    cluster.set('order', entry.order)
    clustersOf(doc).set(entry.id, cluster)
    for (const id of members) {
      const note = notesOf(doc).get(id)!
      if (note.get('zone') !== entry.zone) note.set('zone', entry.zone)
      note.set('clusterId', entry.id)
    }
  }, LOCAL)
}
