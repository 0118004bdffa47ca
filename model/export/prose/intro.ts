import type { ReportContent } from '../report'
import type { Locale } from '../../zones'
import { countWord, quote } from './grammar'
import { PHRASES } from './phrases'

/** The introduction's sentences, per language: when and what the meeting was, who took part. */
interface IntroPhrases {
  held(title: string, when: string): string
  topic(topic: string): string
  people(count: number): string
}

const INTRO: Readonly<Record<Locale, IntroPhrases>> = {
  de: {
    held: (title, when) => (when === '' ? `Dies ist das Ergebnis der Veranstaltung ${title}.` : `Die Veranstaltung ${title} fand ${when} statt.`),
    topic: (topic) => `Ihr Thema war ${topic}.`,
    people: (n) => (n === 1 ? 'Teilgenommen hat eine Person.' : `Teilgenommen haben ${countWord(n, 'de')} Personen.`),
  },
  en: {
    held: (title, when) => (when === '' ? `These are the results of the meeting ${title}.` : `The meeting ${title} took place ${when}.`),
    topic: (topic) => `Its topic was ${topic}.`,
    people: (n) => (n === 1 ? 'One person took part.' : `${countWord(n, 'en').replace(/^./, (c) => c.toUpperCase())} people took part.`),
  },
}

const ON: Readonly<Record<Locale, string>> = { de: 'am', en: 'on' }

/** The introduction's draft, from the meeting's details. */
export function draftIntro(report: ReportContent): string {
  const { locale } = report
  const t = INTRO[locale]
  const when = report.date === '' ? '' : `${ON[locale]} ${report.date}`
  const sentences = [t.held(quote(report.title || '–', locale, 200), when)]
  if (report.topic.trim() !== '') sentences.push(t.topic(quote(report.topic, locale, 200)))
  if (report.participantCount > 0) sentences.push(t.people(report.participantCount))
  sentences.push(PHRASES[locale].method)
  return sentences.join(' ')
}
