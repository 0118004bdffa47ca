import type { ReviewItem, ReviewStatus } from '../review'
import { reviewCounts } from '../review'
import type { Locale } from '../zones'
import { formatDay } from './format'
import { capital, countWord, joinList } from './prose/grammar'

/**
 * The Rückblick in the report of a follow-up meeting: a heading, one sentence that sums it up and
 * every carried action with what the group said about it. Every format (Markdown, DOCX, text,
 * HTML, the printed Ergebnis page) shows the same content from here.
 */
export interface ReportReviewItem {
  readonly what: string
  readonly who: string
  /** Formatted for the locale, or empty. */
  readonly until: string
  /** "erledigt", "läuft", "verworfen" or "nicht besprochen", in the locale. */
  readonly status: string
  readonly note: string
}

export interface ReportReview {
  readonly heading: string
  readonly summary: string
  readonly items: readonly ReportReviewItem[]
  /** Column headings: Maßnahme, Wer, Bis, Stand, Anmerkung. */
  readonly columns: readonly [string, string, string, string, string]
}

const WORDS = {
  de: {
    heading: 'Rückblick auf die offenen Maßnahmen',
    status: { erledigt: 'erledigt', laeuft: 'läuft', verworfen: 'verworfen', offen: 'nicht besprochen' },
    columns: ['Maßnahme', 'Wer', 'Bis', 'Stand', 'Anmerkung'],
  },
  en: {
    heading: 'Review of the open actions',
    status: { erledigt: 'done', laeuft: 'ongoing', verworfen: 'dropped', offen: 'not discussed' },
    columns: ['Action', 'Who', 'By', 'Status', 'Note'],
  },
} as const

interface Clause {
  readonly n: number
  readonly one: string
  readonly many: string
  readonly rest: string
}

const CLAUSES: Readonly<Record<Locale, Readonly<Record<ReviewStatus | 'offen', readonly [string, string, string]>>>> = {
  de: { erledigt: ['wurde', 'wurden', 'erledigt'], laeuft: ['läuft', 'laufen', 'noch'], verworfen: ['wurde', 'wurden', 'verworfen'], offen: ['wurde', 'wurden', 'nicht besprochen'] },
  en: { erledigt: ['was', 'were', 'done'], laeuft: ['is', 'are', 'still ongoing'], verworfen: ['was', 'were', 'dropped'], offen: ['was', 'were', 'not discussed'] },
}

/**
 * "Von den drei offenen Maßnahmen des letzten Treffens wurde eine erledigt, eine läuft noch und
 * eine wurde verworfen." German puts the verb second: the first clause after "Von den …" turns
 * round ("wurde eine erledigt"), the others keep subject first. Counts stand for "Maßnahme"
 * (feminine: "eine").
 */
export function reviewSummary(items: readonly ReviewItem[], locale: Locale): string {
  const c = reviewCounts(items)
  const clauses: Clause[] = (['erledigt', 'laeuft', 'verworfen', 'offen'] as const)
    .filter((status) => c[status] > 0)
    .map((status) => {
      const [one, many, rest] = CLAUSES[locale][status]
      return { n: c[status], one, many, rest }
    })
  const verb = (k: Clause) => (k.n === 1 ? k.one : k.many)
  if (items.length === 1) {
    const k = clauses[0]!
    return locale === 'de' ? `Die offene Maßnahme des letzten Treffens ${k.one} ${k.rest}.` : `The open action from the last meeting ${k.one} ${k.rest}.`
  }
  if (locale === 'en') {
    const parts = clauses.map((k) => `${countWord(k.n, locale)} ${verb(k)} ${k.rest}`)
    return `Of the ${countWord(items.length, locale)} open actions from the last meeting, ${joinList(parts, locale)}.`
  }
  const parts = clauses.map((k, i) => (i === 0 ? `${verb(k)} ${countWord(k.n, locale)} ${k.rest}` : `${countWord(k.n, locale)} ${verb(k)} ${k.rest}`))
  return `Von den ${countWord(items.length, locale)} offenen Maßnahmen des letzten Treffens ${joinList(parts, locale)}.`
}

/** The report's Rückblick, or null on a meeting that carried nothing. */
export function reportReview(items: readonly ReviewItem[], locale: Locale): ReportReview | null {
  if (items.length === 0) return null
  const w = WORDS[locale]
  return {
    heading: w.heading,
    summary: capital(reviewSummary(items, locale)),
    columns: [...w.columns],
    items: items.map((item) => ({
      what: item.what,
      who: item.who,
      until: item.until === '' ? '' : formatDay(item.until, locale),
      status: w.status[item.status ?? 'offen'],
      note: item.note,
    })),
  }
}

export type { ReviewStatus }
