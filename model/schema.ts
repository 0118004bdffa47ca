import type * as Y from 'yjs'
import type { Locale, ZoneId } from './zones'

/**
 * The board document. One Y.Doc per board; these root names and keys are the schema that
 * the view, the rules and the server guard all read.
 */
export const ROOTS = ['meta', 'notes', 'clusters', 'votes', 'actions', 'progress', 'members', 'people', 'bericht', 'carried', 'review'] as const
export type RootName = (typeof ROOTS)[number]

export const SCHEMA_VERSION = 1

/**
 * Keys of the `meta` map. Questions are stored per zone as `question.<zoneId>`, settings as
 * `setting.<name>`; `phase`, `locked`, `timer`, `focus`, `votesRevealed` and `discussion` steer the meeting.
 */
export type MetaKey =
  | 'v'
  | 'title'
  | 'topic'
  | 'locale'
  | 'createdAt'
  | `question.${ZoneId}`
  | `setting.${string}`
  | 'phase'
  | 'locked'
  | 'timer'
  | 'focus'
  | 'votesRevealed'
  | 'discussion'
  /** The Präsentation's page (model/presentation.ts). */
  | 'presentation'
  | 'date'
  /** The meeting's details (model/details.ts): start, end, format, place, organiser. */
  | `meeting.${string}`
  /** Vote totals an imported board came with (target id -> votes): no ballot holds them. */
  | 'importedVotes'
  /** The state vector (base64) the server last renewed entries at (model/renewal.ts); the server's alone. */
  | 'renewedAt'

/** Keys of one note's Y.Map; `quote` marks a note the report quotes (moderator only). */
export const NOTE_KEYS = ['zone', 'text', 'author', 'createdAt', 'order', 'clusterId', 'quote'] as const

/** Keys of one cluster's Y.Map; `title` is a Y.Text. */
export const CLUSTER_KEYS = ['zone', 'title', 'order'] as const
/** Keys of one action's Y.Map; `what` is a Y.Text. */
export const ACTION_KEYS = ['what', 'who', 'until', 'link', 'done', 'createdAt'] as const

/**
 * `votes` holds the revealed totals (target id -> number) and `progress` the collecting
 * progress per participant; only the server writes either. Ballots themselves stay in each
 * participant's private doc until the moderator ends the vote.
 */
export function progressOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('progress')
}

/**
 * Participant id -> seat, the order of joining (model/seats.ts); `true` on boards from before
 * seats. Written by the server alone; the report shows only how many joined.
 */
export function membersOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('members')
}

/** Participant id -> what it tells about itself for the report (model/people.ts); each writes its own. */
export function peopleOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('people')
}

/** Part -> `{ text: Y.Text }`: the Bericht as the moderator edits it (model/bericht.ts). */
export function berichtOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('bericht')
}

/** A follow-up meeting's carried actions (model/review.ts): written by the server when it creates the board, never by a client. */
export function carriedOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('carried')
}

/** Carried action id -> the group's mark (status and note) in the Rückblick (model/review.ts). */
export function reviewOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('review')
}

export interface NewBoard {
  readonly title?: string
  readonly topic?: string
  readonly locale?: Locale
  readonly createdAt?: number
  /** Settings that differ from the defaults, e.g. `{ privateWriting: false }`. */
  readonly settings?: Readonly<Record<string, unknown>>
}

/** Origin of transactions made by this process's own model calls. */
export const LOCAL = Symbol('ballonfahrt-local')

/**
 * The `meta` map with its keys limited to MetaKey: a new key must be named there first, where the
 * rules and the guard's schema are written against the same list.
 */
export interface MetaMap extends Y.Map<unknown> {
  get(key: MetaKey): unknown
  set<V>(key: MetaKey, value: V): V
  has(key: MetaKey): boolean
  delete(key: MetaKey): void
}

export function metaOf(doc: Y.Doc): MetaMap {
  return doc.getMap('meta') as MetaMap
}

export function notesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('notes')
}

export function clustersOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('clusters')
}

export function votesOf(doc: Y.Doc): Y.Map<number> {
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
  progressOf(doc)
  membersOf(doc)
  peopleOf(doc)
  berichtOf(doc)
  carriedOf(doc)
  reviewOf(doc)
}
