import { memo, useId, useState } from 'react'
import { REVIEW_STATUSES } from '../../model/review'
import type { ReviewItem, ReviewStatus } from '../../model/review'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { formatDay } from '../i18n/format'
import { useBoard } from '../store/board'
import { useLocale } from '../store/locale'
import { useMayReview } from '../store/permissions'
import { markReview } from '../store/review'
import './review.css'

const STATUS_LABEL: Readonly<Record<ReviewStatus, MessageKey>> = {
  erledigt: 'review.erledigt',
  laeuft: 'review.laeuft',
  verworfen: 'review.verworfen',
}

/**
 * The Rückblick of a follow-up meeting: each action the previous meeting left open, with a choice
 * of erledigt / läuft / verworfen and a note. Everyone marks during the Rückblick (the moderator at
 * any time); the guard enforces the same rule (model/permissions.ts mayReview).
 */
export function ReviewPanel() {
  const t = useT()
  const id = useId()
  const items = useBoard((s) => s.review)
  const editable = useMayReview()
  if (items.length === 0) return null
  const marked = items.filter((item) => item.status !== null).length
  return (
    <section className="review-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('review.heading')}</h2>
      <p>{t('review.intro')}</p>
      <p className="review-panel__count">{t('review.progress', { marked, total: items.length })}</p>
      <ol className="review-panel__list">
        {items.map((item) => (
          <ReviewRow key={item.id} item={item} editable={editable} />
        ))}
      </ol>
    </section>
  )
}

const ReviewRow = memo(function ReviewRow({ item, editable }: { readonly item: ReviewItem; readonly editable: boolean }) {
  const t = useT()
  const id = useId()
  const locale = useLocale((s) => s.locale)
  const [note, setNote] = useState(item.note)
  const [editingNote, setEditingNote] = useState(false)
  const shownNote = editingNote ? note : item.note
  const mark = (status: ReviewStatus | null, text: string) => {
    const result = markReview(item.id, { ...(status ? { status } : {}), ...(text.trim() ? { note: text } : {}) })
    if (!result.ok) announce(t('review.failed'))
    return result.ok
  }
  const details = [item.who && t('review.who', { who: item.who }), item.until && t('review.until', { date: formatDay(item.until, locale) })].filter(Boolean)
  return (
    <li className="review-item">
      <fieldset className="review-item__choice" disabled={!editable}>
        <legend>
          <span className="review-item__what">{item.what}</span>
          {details.length > 0 && <span className="review-item__details">{details.join(' · ')}</span>}
        </legend>
        <div className="review-item__options">
          {REVIEW_STATUSES.map((status) => (
            <label key={status} className="review-item__option">
              <input
                type="radio"
                name={`${id}-status`}
                value={status}
                checked={item.status === status}
                onChange={() => mark(status, item.note) && announce(t('review.marked', { what: item.what, status: t(STATUS_LABEL[status]) }))}
              />
              {t(STATUS_LABEL[status])}
            </label>
          ))}
        </div>
        <label className="review-item__note" htmlFor={`${id}-note`}>
          {t('review.note')}
        </label>
        <input
          id={`${id}-note`}
          type="text"
          maxLength={500}
          value={shownNote}
          onFocus={() => {
            setNote(item.note)
            setEditingNote(true)
          }}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            setEditingNote(false)
            if (note.trim() !== item.note) mark(item.status, note)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && note.trim() !== item.note && mark(item.status, note)) announce(t('review.noteSaved'))
          }}
        />
      </fieldset>
    </li>
  )
})
