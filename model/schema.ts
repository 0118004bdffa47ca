import type * as Y from 'yjs'
import type { Locale, ZoneId } from './zones'

/**
 * The board document. One Y.Doc per board; these root names and keys are the schema that
 * the view, the rules and the server guard all read.
 */
export const ROOTS = ['meta', 'notes', 'clusters', 'votes', 'actions'] as const
export type RootName = (typeof ROOTS)[number]

export const SCHEMA_VERSION = 1

/** Keys of the `meta` map. Questions are stored per zone as `question.<zoneId>`. */
export type MetaKey = 'v' | 'title' | 'topic' | 'locale' | 'createdAt' | `question.${ZoneId}`

/** Keys of one note's Y.Map. */
export const NOTE_KEYS = ['zone', 'text', 'author', 'createdAt', 'order', 'clusterId'] as const
export type NoteKey = (typeof NOTE_KEYS)[number]

export interface NewBoard {
  readonly title?: string
  readonly topic?: string
  readonly locale?: Locale
  readonly createdAt?: number
}

/** Origin of transactions made by this process's own model calls. */
export const LOCAL = Symbol('ballonfahrt-local')

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

export function notesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('notes')
}

export function clustersOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('clusters')
}

export function votesOf(doc: Y.Doc): Y.Map<Y.Map<number>> {
  return doc.getMap('votes')
}

export function actionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('actions')
}

/** Declares every root type, so that decoders and observers find them on any doc. */
export function declareRoots(doc: Y.Doc): void {
  metaOf(doc)
  notesOf(doc)
  clustersOf(doc)
  votesOf(doc)
  actionsOf(doc)
}
