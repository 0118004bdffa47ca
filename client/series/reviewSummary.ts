import type { ReviewStatus } from '../../model/review'
import type { Translate } from '../i18n/index'

type Counts = Readonly<Record<ReviewStatus | 'offen', number>>

/** Literal keys, so the i18n test sees each of them used. */
const PARTS = [
  ['erledigt', 'series.reviewPart.erledigt'],
  ['laeuft', 'series.reviewPart.laeuft'],
  ['verworfen', 'series.reviewPart.verworfen'],
  ['offen', 'series.reviewPart.offen'],
] as const

/**
 * The series table's Rückblick cell in words a reader understands: nothing carried over; the
 * actions carried but not discussed yet ("3 Maßnahmen, noch nicht besprochen"); else only the
 * outcomes that occur ("2 erledigt, 1 läuft, 1 noch nicht besprochen"), never a row of zeros.
 */
export function reviewSummary(t: Translate, counts: Counts): string {
  const marked = counts.erledigt + counts.laeuft + counts.verworfen
  if (marked + counts.offen === 0) return t('series.noReview')
  if (marked === 0) return t('series.reviewNotYet', { count: counts.offen })
  return PARTS.filter(([status]) => counts[status] > 0)
    .map(([status, key]) => t(key, { count: counts[status] }))
    .join(', ')
}
