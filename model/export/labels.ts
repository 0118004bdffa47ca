import type { Locale } from '../zones'
import { plural } from './format'

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
  /** Heading of the closing paragraph of the report's prose. */
  readonly fazit: string
  readonly what: string
  readonly who: string
  readonly until: string
  readonly link: string
  readonly done: string
  readonly yes: string
  readonly no: string
  /** "7 Stimmen", "1 Stimme", "keine Stimmen": plural rules of the language (see ./format). */
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
    fazit: 'Fazit',
    what: 'Was',
    who: 'Wer',
    until: 'Bis wann',
    link: 'Bezug',
    done: 'Erledigt',
    yes: 'ja',
    no: 'nein',
    votes: (n) => plural(n, 'de', { zero: 'keine Stimmen', one: '{count} Stimme', other: '{count} Stimmen' }),
    csv: {
      zone: 'Bereich',
      cluster: 'Cluster',
      text: 'Notiz',
      votes: 'Stimmen (Notiz)',
      clusterVotes: 'Stimmen (Cluster)',
      author: 'Verfasser-ID',
      created: 'Erstellt',
    },
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
    fazit: 'Conclusion',
    what: 'What',
    who: 'Who',
    until: 'By when',
    link: 'Related to',
    done: 'Done',
    yes: 'yes',
    no: 'no',
    votes: (n) => plural(n, 'en', { zero: 'no votes', one: '{count} vote', other: '{count} votes' }),
    csv: {
      zone: 'Zone',
      cluster: 'Cluster',
      text: 'Note',
      votes: 'Votes (note)',
      clusterVotes: 'Votes (cluster)',
      author: 'Author ID',
      created: 'Created',
    },
  },
}
