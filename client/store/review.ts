import { setReview } from '../../model/review'
import type { ReviewMark } from '../../model/review'
import { run } from './run'

/** Rückblick: marks a carried action erledigt / läuft / verworfen, with a note (model/review.ts). */
export const markReview = (id: string, mark: ReviewMark) => run(({ doc }) => setReview(doc, id, mark))
