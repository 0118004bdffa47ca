import type * as Y from 'yjs'
import type { ParticipantId } from './ids'
import type { BoardState } from './permissions'
import { isPhase } from './phases'
import { ballotOf } from './privateDoc'
import { actionsOf, carriedOf, clustersOf, metaOf, notesOf } from './schema'
import { readSettings } from './settings'

/** What the rules need to know about a board before an update, read from its doc. */
export interface BoardFacts extends BoardState {
  readonly votesRevealed: boolean
  /** The note's author; null for an anonymous note; undefined when there is no such note. */
  noteAuthor(id: string): ParticipantId | null | undefined
  hasCluster(id: string): boolean
  /** Which of notes, clusters and Maßnahmen holds an entry with this id, if any: ids are unique across all three. */
  rootOf(id: string): 'notes' | 'clusters' | 'actions' | undefined
  /** Whether a follow-up board carried an action of this id over from the previous meeting. */
  isCarried(id: string): boolean
  /** Votes go on clusters and on notes in no cluster. */
  isVoteTarget(id: string): boolean
}

export function boardFacts(doc: Y.Doc): BoardFacts {
  const meta = metaOf(doc)
  const phase = meta.get('phase')
  const notes = notesOf(doc)
  const clusters = clustersOf(doc)
  const actions = actionsOf(doc)
  const carried = carriedOf(doc)
  return {
    phase: isPhase(phase) ? phase : 'sammeln',
    settings: readSettings(meta),
    locked: meta.get('locked') === true,
    votesRevealed: meta.get('votesRevealed') === true,
    noteAuthor(id) {
      const note = notes.get(id)
      if (!note) return undefined
      const author = note.get('author')
      return typeof author === 'string' ? author : null
    },
    hasCluster: (id) => clusters.has(id),
    isCarried: (id) => carried.has(id),
    rootOf: (id) => (notes.has(id) ? 'notes' : clusters.has(id) ? 'clusters' : actions.has(id) ? 'actions' : undefined),
    isVoteTarget(id) {
      if (clusters.has(id)) return true
      const clusterId = notes.get(id)?.get('clusterId')
      return notes.has(id) && (typeof clusterId !== 'string' || !clusters.has(clusterId))
    },
  }
}

/** The ballot in a private doc before an update: target -> votes. */
export function ballotFacts(privateDoc: Y.Doc): ReadonlyMap<string, number> {
  const out = new Map<string, number>()
  ballotOf(privateDoc).forEach((n, target) => out.set(target, n))
  return out
}
