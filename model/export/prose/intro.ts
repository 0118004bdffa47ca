import type { ReportContent } from '../report'
import type { Locale } from '../../zones'
import type { MeetingFormat } from '../../details'
import { capital, counted, countWord, joinList, quote } from './grammar'
import { PHRASES } from './phrases'

/** The introduction's sentences, per language: when and what the meeting was, who took part. */
interface IntroPhrases {
  held(title: string, when: string): string
  /** " von 10:00 bis 12:00 Uhr", after the date. */
  time(start: string, end: string): string
  format: Readonly<Record<MeetingFormat, string>>
  place(place: string): string
  organiser(organiser: string): string
  topic(topic: string): string
  people(count: number): string
  institutions(names: readonly string[]): string
}

const INTRO: Readonly<Record<Locale, IntroPhrases>> = {
  de: {
    held: (title, when) => (when === '' ? `Dies ist das Ergebnis der Veranstaltung ${title}.` : `Die Veranstaltung ${title} fand ${when} statt.`),
    time: (start, end) => (end === '' ? ` um ${start} Uhr` : start === '' ? ` bis ${end} Uhr` : ` von ${start} bis ${end} Uhr`),
    format: { digital: ' als digitales Treffen', praesenz: ' als Präsenztreffen', hybrid: ' als hybrides Treffen' },
    place: (place) => `Veranstaltungsort: ${place}.`,
    organiser: (organiser) => `Veranstaltet von: ${organiser}.`,
    topic: (topic) => `Ihr Thema war ${topic}.`,
    people: (n) => (n === 1 ? 'Teilgenommen hat eine Person.' : `Teilgenommen haben ${countWord(n, 'de')} Personen.`),
    institutions: (names) =>
      `Vertreten ${names.length === 1 ? 'war' : 'waren'} ${counted(names.length, 'de', 'Institution', 'Institutionen')}: ${joinList(names, 'de')}.`,
  },
  en: {
    held: (title, when) => (when === '' ? `These are the results of the meeting ${title}.` : `The meeting ${title} took place ${when}.`),
    time: (start, end) => (end === '' ? ` at ${start}` : start === '' ? ` until ${end}` : ` from ${start} to ${end}`),
    format: { digital: ' online', praesenz: ' in person', hybrid: ' as a hybrid meeting' },
    place: (place) => `Venue: ${place}.`,
    organiser: (organiser) => `Organised by: ${organiser}.`,
    topic: (topic) => `Its topic was ${topic}.`,
    people: (n) => (n === 1 ? 'One person took part.' : `${capital(countWord(n, 'en'))} people took part.`),
    institutions: (names) =>
      `${capital(counted(names.length, 'en', 'institution', 'institutions'))} ${names.length === 1 ? 'was' : 'were'} represented: ${joinList(names, 'en')}.`,
  },
}

const ON: Readonly<Record<Locale, string>> = { de: 'am', en: 'on' }

/** The introduction's draft, from the meeting's details. */
export function draftIntro(report: ReportContent): string {
  const { locale } = report
  const t = INTRO[locale]
  const { start, end, format, place, organiser } = report.details
  const when = [
    report.date === '' ? '' : `${ON[locale]} ${report.date}`,
    start === '' && end === '' ? '' : t.time(start, end),
    format === '' ? '' : t.format[format],
  ].join('')
  const sentences = [t.held(quote(report.title, locale, 200), when.trim())]
  if (place !== '') sentences.push(t.place(place))
  if (organiser !== '') sentences.push(t.organiser(organiser))
  if (report.topic.trim() !== '') sentences.push(t.topic(quote(report.topic, locale, 200)))
  if (report.participantCount > 0) sentences.push(t.people(report.participantCount))
  if (report.institutions.length > 0) sentences.push(t.institutions(report.institutions))
  sentences.push(PHRASES[locale].method)
  return sentences.join(' ')
}
