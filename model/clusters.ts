import * as Y from 'yjs'
import { cleanInput, ModelError } from './errors'
import { newItemId } from './ids'
import type { NoteId } from './ids'
import { LIMITS } from './limits'
import { orderInZone } from './order'
import { LOCAL, clustersOf, notesOf } from './schema'
import { replaceText } from './text'
import type { ZoneId } from './zones'

export type ClusterId = string

function cluster(doc: Y.Doc, id: ClusterId): Y.Map<unknown> {
  const c = clustersOf(doc).get(id)
  if (!c) throw new ModelError('unknownCluster')
  return c
}

function note(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  const n = notesOf(doc).get(id)
  if (!n) throw new ModelError('unknownNote')
  return n
}

/** Deletes a cluster that no note belongs to any more (inside a transaction). */
function dropIfEmpty(doc: Y.Doc, id: unknown): void {
  if (typeof id !== 'string' || !clustersOf(doc).has(id)) return
  let used = false
  notesOf(doc).forEach((n) => (used ||= n.get('clusterId') === id))
  if (!used) clustersOf(doc).delete(id)
}

/** Puts a note into a cluster, in the cluster's zone, at the end (or before `beforeId`). */
function place(doc: Y.Doc, noteId: NoteId, clusterId: ClusterId | null, zone: ZoneId, beforeId: NoteId | null): void {
  const n = note(doc, noteId)
  const previous = n.get('clusterId')
  if (n.get('zone') !== zone) n.set('zone', zone)
  n.set('order', orderInZone(notesOf(doc), zone, beforeId, noteId))
  if (previous !== clusterId) n.set('clusterId', clusterId)
  if (previous !== clusterId) dropIfEmpty(doc, previous)
}

/** Creates a cluster in `zone` holding `noteIds` and returns its id. */
export function createCluster(doc: Y.Doc, input: { zone: ZoneId; title?: string; noteIds: readonly NoteId[] }): ClusterId {
  if (clustersOf(doc).size >= LIMITS.clustersPerBoard) throw new ModelError('boardFull')
  // Check every note first: a throw inside the transaction would leave a half-made cluster.
  for (const noteId of input.noteIds) note(doc, noteId)
  const title = (input.title ?? '').trim().slice(0, LIMITS.clusterTitleLength)
  const id = newItemId()
  doc.transact(() => {
    const c = new Y.Map<unknown>()
    c.set('zone', input.zone)
    c.set('title', new Y.Text(title))
    c.set('order', orderInZone(clustersOf(doc), input.zone, null))
    clustersOf(doc).set(id, c)
    for (const noteId of input.noteIds) place(doc, noteId, id, input.zone, null)
  }, LOCAL)
  return id
}

/**
 * Drops note `noteId` onto note `targetId`: joins the target's cluster, or forms a new cluster
 * of the two. Returns the cluster's id.
 */
export function groupNotes(doc: Y.Doc, noteId: NoteId, targetId: NoteId): ClusterId {
  const target = note(doc, targetId)
  note(doc, noteId)
  const existing = target.get('clusterId')
  if (typeof existing === 'string' && clustersOf(doc).has(existing)) {
    addToCluster(doc, noteId, existing)
    return existing
  }
  return createCluster(doc, { zone: target.get('zone') as ZoneId, noteIds: [targetId, noteId] })
}

/** The cluster that a selection joins: the first selected note's existing cluster, in selection order. */
function clusterOfSelection(doc: Y.Doc, noteIds: readonly NoteId[]): ClusterId | null {
  for (const noteId of noteIds) {
    const id = note(doc, noteId).get('clusterId')
    if (typeof id === 'string' && clustersOf(doc).has(id)) return id
  }
  return null
}

/**
 * Groups several selected notes in one step (one transaction, so one update): when one of them
 * is already in a cluster, the others join the first such cluster (in selection order); else
 * they form a new cluster in the first note's zone. Notes from other zones move along, emptied
 * clusters are removed. Needs at least two different notes; returns the cluster's id.
 */
export function groupSelected(doc: Y.Doc, noteIds: readonly NoteId[]): ClusterId {
  const ids = [...new Set(noteIds)]
  // Check every note before writing: a throw inside the transaction would leave half a grouping.
  for (const noteId of ids) note(doc, noteId)
  if (ids.length < 2) throw new ModelError('tooFew')
  const joined = clusterOfSelection(doc, ids)
  if (joined === null) return createCluster(doc, { zone: note(doc, ids[0]!).get('zone') as ZoneId, noteIds: ids })
  const zone = cluster(doc, joined).get('zone') as ZoneId
  doc.transact(() => {
    for (const noteId of ids) if (note(doc, noteId).get('clusterId') !== joined) place(doc, noteId, joined, zone, null)
  }, LOCAL)
  return joined
}

/** Moves a note into a cluster (and the cluster's zone). */
export function addToCluster(doc: Y.Doc, noteId: NoteId, clusterId: ClusterId, beforeId: NoteId | null = null): void {
  const zone = cluster(doc, clusterId).get('zone') as ZoneId
  doc.transact(() => place(doc, noteId, clusterId, zone, beforeId), LOCAL)
}

/** Takes a note out of its cluster; it stays in its zone. An emptied cluster is removed. */
export function removeFromCluster(doc: Y.Doc, noteId: NoteId): void {
  const n = note(doc, noteId)
  doc.transact(() => place(doc, noteId, null, n.get('zone') as ZoneId, null), LOCAL)
}

/** Renames a cluster by editing its collaborative title. */
export function renameCluster(doc: Y.Doc, clusterId: ClusterId, title: string): void {
  const text = cluster(doc, clusterId).get('title')
  if (!(text instanceof Y.Text)) throw new ModelError('unknownCluster')
  const wanted = title.trim() === '' ? '' : cleanInput(title, LIMITS.clusterTitleLength)
  doc.transact(() => replaceText(text, wanted), LOCAL)
}

/** Dissolves a cluster: its notes stay, unclustered, where they are. */
export function dissolveCluster(doc: Y.Doc, clusterId: ClusterId): void {
  cluster(doc, clusterId)
  doc.transact(() => {
    notesOf(doc).forEach((n) => {
      if (n.get('clusterId') === clusterId) n.set('clusterId', null)
    })
    clustersOf(doc).delete(clusterId)
  }, LOCAL)
}

/** Moves a cluster before another one (or to the end), into `zone` with all its notes. */
export function moveCluster(doc: Y.Doc, clusterId: ClusterId, zone: ZoneId, beforeId: ClusterId | null = null): void {
  const c = cluster(doc, clusterId)
  doc.transact(() => {
    c.set('order', orderInZone(clustersOf(doc), zone, beforeId, clusterId))
    if (c.get('zone') !== zone) {
      c.set('zone', zone)
      notesOf(doc).forEach((n) => {
        if (n.get('clusterId') === clusterId) n.set('zone', zone)
      })
    }
  }, LOCAL)
}
