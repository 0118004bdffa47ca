import type { Locale } from '../zones'

/** The fixed wording of every report format, per language. User texts never come from here. */
export interface ReportLabels {
  readonly date: string
  readonly topic: string
  readonly participants: string
  readonly untitled: string
  /** Heading of a zone's notes outside any cluster, when the zone has clusters too. */
  readonly looseNotes: string
  /** Heading of a zone's notes when the zone has no clusters at all. */
  readonly notes: string
  readonly noNotes: string
  readonly actions: string
  readonly noActions: string
  readonly what: string
  readonly who: string
  readonly until: string
  readonly link: string
  readonly done: string
  readonly yes: string
  readonly no: string
  /** "7 Stimmen", "1 Stimme", "keine Stimmen". */
  readonly votes: (count: number) => string
  /** CSV header. */
  readonly csv: {
    readonly zone: string
    readonly cluster: string
    readonly text: string
    readonly votes: string
    readonly clusterVotes: string
    readonly author: string
    readonly created: string
  }
  readonly months: readonly string[]
}

export const LABELS: Readonly<Record<Locale, ReportLabels>> = {
  de: {
    date: 'Datum',
    topic: 'Thema',
    participants: 'Teilnehmende',
    untitled: 'Ohne Titel',
    looseNotes: 'Weitere Notizen',
    notes: 'Notizen',
    noNotes: 'Keine Notizen.',
    actions: 'Maßnahmen',
    noActions: 'Keine Maßnahmen vereinbart.',
    what: 'Was',
    who: 'Wer',
    until: 'Bis wann',
    link: 'Bezug',
    done: 'Erledigt',
    yes: 'ja',
    no: 'nein',
    votes: (n) => (n === 0 ? 'keine Stimmen' : n === 1 ? '1 Stimme' : `${n} Stimmen`),
    csv: {
      zone: 'Bereich',
      cluster: 'Cluster',
      text: 'Notiz',
      votes: 'Stimmen (Notiz)',
      clusterVotes: 'Stimmen (Cluster)',
      author: 'Verfasser-ID',
      created: 'Erstellt',
    },
    months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  },
  en: {
    date: 'Date',
    topic: 'Topic',
    participants: 'Participants',
    untitled: 'Untitled',
    looseNotes: 'Further notes',
    notes: 'Notes',
    noNotes: 'No notes.',
    actions: 'Actions',
    noActions: 'No actions agreed.',
    what: 'What',
    who: 'Who',
    until: 'By when',
    link: 'Related to',
    done: 'Done',
    yes: 'yes',
    no: 'no',
    votes: (n) => (n === 0 ? 'no votes' : n === 1 ? '1 vote' : `${n} votes`),
    csv: {
      zone: 'Zone',
      cluster: 'Cluster',
      text: 'Note',
      votes: 'Votes (note)',
      clusterVotes: 'Votes (cluster)',
      author: 'Author ID',
      created: 'Created',
    },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
}

/** `2025-01-29` as `29.01.2025` (de) or `29 January 2025` (en); anything else stays as it is. */
export function formatDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match as unknown as [string, string, string, string]
  if (locale === 'de') return `${day}.${month}.${year}`
  return `${Number(day)} ${LABELS.en.months[Number(month) - 1] ?? month} ${year}`
}
