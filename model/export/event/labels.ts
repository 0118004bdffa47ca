import type { Locale } from '../../zones'

/** The combined report's own wording; the rest comes from the board report's LABELS. */
export interface EventLabels {
  readonly place: string
  readonly forums: string
  readonly rounds: string
  readonly forum: string
  readonly round: string
  /** A forum with no round that has notes yet. */
  readonly notRun: string
  /** A forum round with no cluster or note in a zone. */
  readonly nothing: string
  /** "3 Notizen". */
  readonly notes: (n: number) => string
}

export const EVENT_LABELS: Readonly<Record<Locale, EventLabels>> = {
  de: {
    place: 'Ort',
    forums: 'Foren',
    rounds: 'Runden',
    forum: 'Forum',
    round: 'Runde',
    notRun: 'Noch keine Runde mit Notizen.',
    nothing: '–',
    notes: (n) => (n === 1 ? '1 Notiz' : `${n} Notizen`),
  },
  en: {
    place: 'Place',
    forums: 'Forums',
    rounds: 'Rounds',
    forum: 'Forum',
    round: 'Round',
    notRun: 'No round with notes yet.',
    nothing: '–',
    notes: (n) => (n === 1 ? '1 note' : `${n} notes`),
  },
}
