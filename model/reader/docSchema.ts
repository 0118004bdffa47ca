import { DRAFT_KEYS } from '../privateDoc'
import { ACTION_KEYS, CLUSTER_KEYS, NOTE_KEYS } from '../schema'
import type { RootName } from '../schema'

/**
 * How each root of a doc is shaped, as far as the reader needs it: a map of plain values, or a
 * map of entries (each a map of fields, one of them a collaborative text). Anything else in an
 * update is not our document.
 */
export type RootShape =
  | { readonly kind: 'values' }
  | { readonly kind: 'entries'; readonly fields: readonly string[]; readonly text: string }

export type DocSchema = Readonly<Record<string, RootShape>>

const values: RootShape = { kind: 'values' }
/** Every root of the board (model/schema.ts ROOTS) must be described here: the type says so. */
export const BOARD_SCHEMA: Readonly<Record<RootName, RootShape>> = {
  meta: values,
  notes: { kind: 'entries', fields: NOTE_KEYS, text: 'text' },
  clusters: { kind: 'entries', fields: CLUSTER_KEYS, text: 'title' },
  actions: { kind: 'entries', fields: ACTION_KEYS, text: 'what' },
  votes: values,
  progress: values,
  members: values,
  /** Participant id -> institution (and a name where allowed); model/people.ts. */
  people: values,
  /** Part -> { text }: the Bericht's collaborative texts; model/bericht.ts. */
  bericht: { kind: 'entries', fields: ['text'], text: 'text' },
  /** Carried action id -> what, who, until (server-written); model/review.ts. */
  carried: values,
  /** Carried action id -> the Rückblick's mark; model/review.ts. */
  review: values,
}
export const PRIVATE_SCHEMA: DocSchema = {
  drafts: { kind: 'entries', fields: DRAFT_KEYS, text: 'text' },
  ballot: values,
  status: values,
}
