import type { Locale } from '../zones'
import type { MeetingFormat } from '../details'
import { plural } from './format'

/** The fixed wording of every report format, per language. User texts never come from here. */
export interface ReportLabels {
  readonly date: string
  readonly topic: string
  readonly participants: string
  /** What a board without a title is called, in every export and in the interface (client/i18n). */
  readonly untitledBoard: string
  /** What a cluster without a title is called, in every export and in the interface (client/i18n). */
  readonly untitledCluster: string
  /** Heading of a zone's notes outside any cluster, when the zone has clusters too. */
  readonly looseNotes: string
  /** Heading of a zone's notes when the zone has no clusters at all. */
  readonly notes: string
  readonly noNotes: string
  readonly actions: string
  readonly noActions: string
  /** Heading of the closing paragraph of the report's prose. */
  readonly fazit: string
  readonly time: string
  readonly format: string
  readonly place: string
  readonly organiser: string
  readonly institutions: string
  /** The meeting's format as the header names it. */
  readonly formats: Readonly<Record<MeetingFormat, string>>
  /** "10:00–12:00 Uhr", "ab 10:00 Uhr". */
  readonly timeRange: (start: string, end: string) => string
  /** A quote's attribution: never a name ("Teilnehmerin/Teilnehmer der Veranstaltung"). */
  readonly quoteBy: string
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
    untitledBoard: 'Heißluftballon-Retrospektive',
    untitledCluster: 'Unbenannter Cluster',
    looseNotes: 'Weitere Notizen',
    notes: 'Notizen',
    noNotes: 'Keine Notizen.',
    actions: 'Maßnahmen',
    noActions: 'Keine Maßnahmen vereinbart.',
    fazit: 'Fazit',
    time: 'Zeit',
    format: 'Format',
    place: 'Ort',
    organiser: 'Veranstaltet von',
    institutions: 'Institutionen',
    formats: { digital: 'digital', praesenz: 'in Präsenz', hybrid: 'hybrid' },
    timeRange: (start, end) => (end === '' ? `ab ${start} Uhr` : start === '' ? `bis ${end} Uhr` : `${start}–${end} Uhr`),
    quoteBy: 'Teilnehmerin/Teilnehmer der Veranstaltung',
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
      author: 'Verfasst von',
      created: 'Erstellt',
    },
  },
  en: {
    date: 'Date',
    topic: 'Topic',
    participants: 'Participants',
    untitledBoard: 'Hot-air balloon retrospective',
    untitledCluster: 'Untitled cluster',
    looseNotes: 'Further notes',
    notes: 'Notes',
    noNotes: 'No notes.',
    actions: 'Actions',
    noActions: 'No actions agreed.',
    fazit: 'Conclusion',
    time: 'Time',
    format: 'Format',
    place: 'Place',
    organiser: 'Organised by',
    institutions: 'Institutions',
    formats: { digital: 'online', praesenz: 'in person', hybrid: 'hybrid' },
    timeRange: (start, end) => (end === '' ? `from ${start}` : start === '' ? `until ${end}` : `${start}–${end}`),
    quoteBy: 'participant of the meeting',
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
      author: 'Author',
      created: 'Created',
    },
  },
}
