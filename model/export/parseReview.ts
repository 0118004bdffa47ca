import { isUntil } from '../agreements'
import { LIMITS } from '../limits'
import { isReviewStatus, REVIEW_STATUSES } from '../review'
import type { FileReviewItem } from './boardFile'
import { fail, kind, list, object, text } from './parseKit'

const ITEM_ID = /^[A-Za-z0-9_-]{1,40}$/

/** A follow-up meeting's Rückblick in an import file (`review`): absent or a list of carried actions with their marks. */
export function review(value: unknown): FileReviewItem[] | undefined {
  if (value === undefined || value === null) return undefined
  const seen = new Set<string>()
  return list(value, 'review', LIMITS.actionsPerBoard, 'Maßnahmen im Rückblick').map((entry, i): FileReviewItem => {
    const p = `review[${i}]`
    const r = object(entry, p)
    if (typeof r.id !== 'string' || !ITEM_ID.test(r.id)) fail(`${p}.id`, 'Kennung erwartet (1 bis 40 Zeichen: Buchstaben, Ziffern, - und _)')
    if (seen.has(r.id)) fail(`${p}.id`, `Kennung „${r.id}“ kommt zweimal vor`)
    seen.add(r.id)
    const until = r.until === undefined || r.until === null ? '' : r.until
    if (typeof until !== 'string' || !isUntil(until.trim())) fail(`${p}.until`, `Datum erwartet (JJJJ-MM-TT) oder leer, gefunden: ${kind(r.until)}`)
    if (r.status !== undefined && r.status !== null && !isReviewStatus(r.status))
      fail(`${p}.status`, `unbekannter Stand (erlaubt: ${REVIEW_STATUSES.join(', ')})`)
    const note = text(r.note, `${p}.note`, { max: LIMITS.reviewNoteLength })
    return {
      id: r.id,
      what: text(r.what, `${p}.what`, { max: LIMITS.actionLength, required: 'Beschreibung der Maßnahme („what“) fehlt' }),
      who: text(r.who, `${p}.who`, { max: LIMITS.whoLength }),
      until: until.trim(),
      ...(isReviewStatus(r.status) ? { status: r.status } : {}),
      ...(note !== '' ? { note } : {}),
    }
  })
}
