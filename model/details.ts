import type * as Y from 'yjs'
import { isUntil } from './agreements'
import { LIMITS } from './limits'
import { LOCAL, metaOf } from './schema'

/**
 * The meeting's details, as the report's header names them: date, time, format, place and who
 * organised it. Stored in meta as `date` and `meeting.<field>`; the moderator's to set.
 */
export const MEETING_FORMATS = ['digital', 'praesenz', 'hybrid'] as const
export type MeetingFormat = (typeof MEETING_FORMATS)[number]

export interface MeetingDetails {
  /** "HH:MM" or empty. */
  readonly start: string
  readonly end: string
  /** Empty when not given. */
  readonly format: MeetingFormat | ''
  readonly place: string
  readonly organiser: string
}

export const NO_DETAILS: MeetingDetails = Object.freeze({ start: '', end: '', format: '', place: '', organiser: '' })

export type DetailField = keyof MeetingDetails
export const DETAIL_FIELDS = Object.keys(NO_DETAILS) as DetailField[]

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Whether `value` is acceptable for meta `meeting.<field>` (also the server guard's check). */
export function isDetailValue(field: string, value: unknown): boolean {
  if (typeof value !== 'string') return false
  switch (field) {
    case 'start':
    case 'end':
      return value === '' || TIME.test(value)
    case 'format':
      return value === '' || (MEETING_FORMATS as readonly string[]).includes(value)
    case 'place':
    case 'organiser':
      return value.length <= LIMITS.detailLength
    default:
      return false
  }
}

/** Reads the details from meta; what is missing or invalid reads as empty. */
export function readDetails(meta: Y.Map<unknown>): MeetingDetails {
  const out: Record<string, string> = { ...NO_DETAILS }
  for (const field of DETAIL_FIELDS) {
    const value = meta.get(`meeting.${field}`)
    if (isDetailValue(field, value)) out[field] = value as string
  }
  return out as unknown as MeetingDetails
}

/** Sets some of the meeting's details and its date (moderator only); texts are trimmed. */
export function setMeetingDetails(doc: Y.Doc, details: Partial<MeetingDetails> & { readonly date?: string }): void {
  const meta = metaOf(doc)
  if (details.date !== undefined && !isUntil(details.date)) throw new RangeError('invalid date')
  const values = DETAIL_FIELDS.flatMap((field) => {
    const value = details[field]
    if (value === undefined) return []
    const clean = value.trim()
    if (!isDetailValue(field, clean)) throw new RangeError(`invalid ${field}`)
    return [[field, clean] as const]
  })
  doc.transact(() => {
    if (details.date !== undefined) meta.set('date', details.date)
    for (const [field, value] of values) meta.set(`meeting.${field}`, value)
  }, LOCAL)
}
