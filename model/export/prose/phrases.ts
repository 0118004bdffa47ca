import type { Locale, ZoneId } from '../../zones'
import { capital, counted, countWord, joinList } from './grammar'

/**
 * The sentences of the report draft, per language. Every argument that comes from the board is
 * already quoted or formatted; these functions only build the sentence around it, with the
 * grammatical number each count needs.
 */
export interface ZoneWords {
  /** "förderlicher Faktor" */
  readonly one: string
  /** "förderliche Faktoren" */
  readonly many: string
  /** "den förderlichen Faktoren", after "unter". */
  readonly among: string
}

export interface Phrases {
  readonly zone: Readonly<Record<ZoneId, ZoneWords>>
  /** The zone's opening sentence: the question as the frame, the items named ("beispielsweise" from three on). */
  named(question: string, words: ZoneWords, items: readonly string[]): string
  /** A zone without notes. */
  nothing(question: string): string
  /** How many themes there were, when the opening sentence named only some. */
  themes(count: number): string
  /** How many notes there were, when the opening sentence named only some (a zone without clusters). */
  notes(count: number): string
  /** Notes of the leading cluster; `all` when every note of it is named. */
  detail(cluster: string, notes: readonly string[], all: boolean): string
  /** Notes in no cluster, after the clusters; `total` may exceed the named ones. */
  loose(notes: readonly string[], total: number): string
  actions(items: readonly string[], total: number): string
  actionDone: string
  until(day: string): string
  summary(notes: number, clusters: number): string
  mostVotes(item: string, among: string): string
  method: string
}

const de: Phrases = {
  zone: {
    steigen: { one: 'förderlicher Faktor', many: 'förderliche Faktoren', among: 'den förderlichen Faktoren' },
    untenHalten: { one: 'hemmender Faktor', many: 'hemmende Faktoren', among: 'den hemmenden Faktoren' },
    einheizen: { one: 'Impuls für die weitere Arbeit', many: 'Impulse für die weitere Arbeit', among: 'den Impulsen' },
  },
  named: (q, w, items) =>
    items.length === 1
      ? `Auf die Frage ${q} wurde als ${w.one} ${items[0]!} genannt.`
      : `Auf die Frage ${q} wurden als ${w.many}${items.length > 2 ? ' beispielsweise' : ''} ${joinList(items, 'de')} genannt.`,
  nothing: (q) => `Zu der Frage ${q} wurden keine Notizen festgehalten.`,
  themes: (n) => `Insgesamt kamen ${counted(n, 'de', 'Thema', 'Themen', 'n')} zusammen.`,
  notes: (n) => `Insgesamt wurden ${counted(n, 'de', 'Notiz', 'Notizen')} festgehalten.`,
  detail: (c, notes, all) =>
    `Unter ${c} ${notes.length === 1 ? 'wurde' : 'wurden'}${all ? '' : ' etwa'} ${joinList(notes, 'de')} festgehalten.`,
  loose: (notes, total) =>
    total === 1
      ? `Außerdem wurde ${notes[0]!} genannt.`
      : total === notes.length
        ? `Außerdem wurden ${joinList(notes, 'de')} genannt.`
        : `Außerdem wurden ${countWord(total, 'de')} einzelne Notizen festgehalten, etwa ${joinList(notes, 'de')}.`,
  actions: (items, total) =>
    total === 0
      ? 'Es wurden keine Maßnahmen vereinbart.'
      : total === 1
        ? `Zum Abschluss wurde eine Maßnahme vereinbart: ${items[0]!}.`
        : `Zum Abschluss wurden ${countWord(total, 'de')} Maßnahmen vereinbart${total > items.length ? ', darunter' : ':'} ${joinList(items, 'de')}.`,
  actionDone: 'bereits erledigt',
  until: (day) => `bis zum ${day}`,
  summary: (notes, clusters) =>
    notes === 0
      ? 'Es wurden keine Notizen gesammelt.'
      : `Insgesamt ${notes === 1 ? 'wurde' : 'wurden'} ${counted(notes, 'de', 'Notiz', 'Notizen')} gesammelt${
          clusters > 0 ? ` und zu ${counted(clusters, 'de', 'Thema', 'Themen', 'n')} zusammengefasst` : ''
        }.`,
  mostVotes: (item, among) => `Die meisten Stimmen erhielt ${item} unter ${among}.`,
  method:
    'Mit der Methode Heißluftballon blickte die Gruppe gemeinsam auf ihre Arbeit: was sie steigen lässt, was sie unten hält und wo sie mehr einheizen muss.',
}

const en: Phrases = {
  zone: {
    steigen: { one: 'supporting factor', many: 'supporting factors', among: 'the supporting factors' },
    untenHalten: { one: 'hindering factor', many: 'hindering factors', among: 'the hindering factors' },
    einheizen: { one: 'impulse for the work ahead', many: 'impulses for the work ahead', among: 'the impulses' },
  },
  named: (q, w, items) =>
    items.length === 1
      ? `Asked ${q}, participants named one ${w.one}: ${items[0]!}.`
      : items.length === 2
        ? `Asked ${q}, participants named two ${w.many}: ${joinList(items, 'en')}.`
        : `Asked ${q}, participants named ${w.many} such as ${joinList(items, 'en')}.`,
  nothing: (q) => `No notes were recorded for the question ${q}.`,
  themes: (n) => `In all, ${counted(n, 'en', 'theme', 'themes')} came up.`,
  notes: (n) => `In all, ${counted(n, 'en', 'note', 'notes')} were recorded.`,
  detail: (c, notes, all) => `Under ${c}, they noted${all ? '' : ', for example,'} ${joinList(notes, 'en')}.`,
  loose: (notes, total) =>
    total === notes.length
      ? `They also mentioned ${joinList(notes, 'en')}.`
      : `They also wrote ${countWord(total, 'en')} single notes, for example ${joinList(notes, 'en')}.`,
  actions: (items, total) =>
    total === 0
      ? 'No actions were agreed.'
      : total === 1
        ? `One action was agreed: ${items[0]!}.`
        : `${capital(countWord(total, 'en'))} actions were agreed${total > items.length ? ', among them' : ':'} ${joinList(items, 'en')}.`,
  actionDone: 'already done',
  until: (day) => `by ${day}`,
  summary: (notes, clusters) =>
    notes === 0
      ? 'No notes were collected.'
      : `In all, ${counted(notes, 'en', 'note', 'notes')} ${notes === 1 ? 'was' : 'were'} collected${
          clusters > 0 ? ` and grouped into ${counted(clusters, 'en', 'theme', 'themes')}` : ''
        }.`,
  mostVotes: (item, among) => `The most votes went to ${item} among ${among}.`,
  method:
    'Using the hot-air balloon method, the group looked at its work together: what lifts it, what holds it down and where it must add more heat.',
}

export const PHRASES: Readonly<Record<Locale, Phrases>> = { de, en }
