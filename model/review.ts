import type * as Y from 'yjs'
import { isUntil } from './agreements'
import { LIMITS } from './limits'
import { LOCAL, carriedOf, reviewOf } from './schema'

/**
 * Rückblick: a follow-up meeting (model/followUp.ts) starts with the previous meeting's open
 * Maßnahmen, carried over into the `carried` root by the server when it creates the board; no
 * client writes there. The group then marks each of them in the `review` root, keyed by the
 * carried action's id: erledigt, läuft or verworfen, with a short note. One value per action (the
 * last writer wins, as for a setting): the note is a remark, not a text written together.
 */
export const REVIEW_STATUSES = ['erledigt', 'laeuft', 'verworfen'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export interface CarriedAction {
  readonly what: string
  readonly who: string
  /** YYYY-MM-DD or empty. */
  readonly until: string
}

/** As stored: with its place in the previous meeting's list. */
interface StoredCarried extends CarriedAction {
  readonly pos: number
}

export interface ReviewMark {
  readonly status?: ReviewStatus
  readonly note?: string
}

/** One carried action with what the group said about it. */
export interface ReviewItem extends CarriedAction {
  readonly id: string
  readonly status: ReviewStatus | null
  readonly note: string
}

export function isReviewStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether `value` is a carried action as the server writes it: these three texts and nothing else. */
function isStoredCarried(value: unknown): value is StoredCarried {
  if (!isPlainObject(value) || Object.keys(value).some((key) => !['what', 'who', 'until', 'pos'].includes(key))) return false
  const { what, who, until, pos } = value
  const texts = typeof what === 'string' && what.length <= LIMITS.actionLength && typeof who === 'string' && who.length <= LIMITS.whoLength
  return texts && isUntil(until) && Number.isSafeInteger(pos)
}

/** Whether `value` is a valid mark: a known status and/or a note within the limit, nothing else. */
export function isReviewMark(value: unknown): value is ReviewMark {
  if (!isPlainObject(value)) return false
  return Object.entries(value).every(([key, field]) => {
    if (key === 'status') return isReviewStatus(field)
    if (key === 'note') return typeof field === 'string' && field.length <= LIMITS.reviewNoteLength
    return false
  })
}

/** Writes the previous meeting's open actions into a new board (the server does this when it creates a follow-up). */
export function carryActions(doc: Y.Doc, actions: readonly (CarriedAction & { readonly id: string })[]): void {
  doc.transact(() => {
    actions.forEach(({ id, what, who, until }, pos) => carriedOf(doc).set(id, { what, who, until, pos }))
  }, LOCAL)
}

/** Marks a carried action (status and note); an empty mark removes it. */
export function setReview(doc: Y.Doc, id: string, mark: ReviewMark): void {
  const note = mark.note?.trim().slice(0, LIMITS.reviewNoteLength)
  const entry: { status?: ReviewStatus; note?: string } = {}
  if (mark.status) entry.status = mark.status
  if (note) entry.note = note
  doc.transact(() => {
    if (!carriedOf(doc).has(id)) return
    if (Object.keys(entry).length === 0) reviewOf(doc).delete(id)
    else reviewOf(doc).set(id, entry)
  }, LOCAL)
}

/** The carried actions with their marks, in the previous meeting's order. */
export function readReview(doc: Y.Doc): ReviewItem[] {
  const rows: (ReviewItem & { pos: number })[] = []
  const review = reviewOf(doc)
  carriedOf(doc).forEach((carried, id) => {
    if (!isStoredCarried(carried)) return
    const mark = review.get(id)
    const valid = isReviewMark(mark) ? mark : {}
    const { what, who, until, pos } = carried
    rows.push({ id, what, who, until, pos, status: valid.status ?? null, note: valid.note ?? '' })
  })
  rows.sort((a, b) => a.pos - b.pos || (a.id < b.id ? -1 : 1))
  return rows.map(({ pos: _pos, ...item }) => item)
}

/** How many carried actions have each status, and how many are not yet marked. */
export function reviewCounts(items: readonly ReviewItem[]): Readonly<Record<ReviewStatus | 'offen', number>> {
  const counts = { erledigt: 0, laeuft: 0, verworfen: 0, offen: 0 }
  for (const item of items) counts[item.status ?? 'offen'] += 1
  return counts
}
