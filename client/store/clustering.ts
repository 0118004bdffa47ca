import * as clusters from '../../model/clusters'
import type { ClusterId } from '../../model/clusters'
import type { NoteId } from '../../model/ids'
import type { ZoneId } from '../../model/zones'
import { run } from './run'
import type { ActionResult } from './run'

/** Grouping notes into clusters (moderator, or everyone if the moderator allows it). */
export const groupNotes = (noteId: NoteId, targetId: NoteId) => run(({ doc }) => void clusters.groupNotes(doc, noteId, targetId))
export const addToCluster = (noteId: NoteId, clusterId: ClusterId, beforeId: NoteId | null = null) =>
  run(({ doc }) => clusters.addToCluster(doc, noteId, clusterId, beforeId))
export const removeFromCluster = (noteId: NoteId) => run(({ doc }) => clusters.removeFromCluster(doc, noteId))
export const newCluster = (zone: ZoneId, noteIds: readonly NoteId[], title = '') =>
  run(({ doc }) => void clusters.createCluster(doc, { zone, title, noteIds }))
export const renameCluster = (clusterId: ClusterId, title: string) => run(({ doc }) => clusters.renameCluster(doc, clusterId, title))
export const dissolveCluster = (clusterId: ClusterId) => run(({ doc }) => clusters.dissolveCluster(doc, clusterId))
export const moveCluster = (clusterId: ClusterId, zone: ZoneId, beforeId: ClusterId | null = null) =>
  run(({ doc }) => clusters.moveCluster(doc, clusterId, zone, beforeId))
/** Groups several selected notes in one update; the result, and the cluster they are in when done. */
export function groupSelected(noteIds: readonly NoteId[]): { readonly result: ActionResult; readonly clusterId: ClusterId | null } {
  let clusterId: ClusterId | null = null
  const result = run(({ doc }) => (clusterId = clusters.groupSelected(doc, noteIds)))
  return { result, clusterId }
}
