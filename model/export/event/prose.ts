import type { Locale, ZoneId } from '../../zones'
import { ZONE_IDS } from '../../zones'
import { counted, joinList, quote } from '../prose/grammar'
import { PHRASES } from '../prose/phrases'
import type { ZoneWords } from '../prose/phrases'
import type { EventAction, EventForum, EventReport } from './eventReport'

/**
 * The combined report's draft in prose, by the same fixed rules and grammar as a board's
 * (model/export/prose/): who met where, per zone what each forum named (its rounds together), and
 * the actions agreed. A draft for the organisers to edit; nothing is invented, every named item is
 * a cluster (or note) title from the report.
 */
export interface EventProse {
  readonly intro: string
  readonly zones: Readonly<Record<ZoneId, string>>
  readonly actions: string
}

/** How many items a forum's sentence names, institutions the introduction names, actions the closing. */
const NAMED_ITEMS = 3
const NAMED_INSTITUTIONS = 6
const NAMED_ACTIONS = 5

interface EventPhrases {
  intro(date: string, place: string, title: string, forums: number, rounds: number): string
  people(count: number, institutions: readonly string[], total: number): string
  forum(forum: string, words: ZoneWords, items: readonly string[]): string
  nothing(words: ZoneWords): string
  actions(items: readonly string[], total: number): string
  noActions: string
}

const de: EventPhrases = {
  intro: (date, place, title, forums, rounds) =>
    `Am ${date} fand${place ? ` in ${place}` : ''} die Veranstaltung ${title} statt, mit ${forums === 1 ? 'einem Forum' : `${counted(forums, 'de', 'Forum', 'Foren', 'n')}`}${rounds > 1 ? ` in je ${counted(rounds, 'de', 'Runde', 'Runden')}` : ''}.`,
  people: (count, names, total) => {
    const who = count > 0 ? `Beteiligt ${count === 1 ? 'war eine Person' : `waren ${count} Personen`}` : 'Beteiligt waren'
    if (total === 0) return count > 0 ? `${who}.` : ''
    const from = total > names.length ? `${total} Institutionen, darunter ${joinList(names, 'de')}` : joinList(names, 'de')
    return `${who}${count > 0 ? ' aus' : ''} ${from}.`
  },
  forum: (forum, w, items) =>
    items.length === 1 ? `Im Forum ${forum} wurde als ${w.one} ${items[0]!} genannt.` : `Im Forum ${forum} wurden als ${w.many} ${joinList(items, 'de')} genannt.`,
  nothing: (w) => `Als ${w.many} wurde in keinem Forum etwas festgehalten.`,
  actions: (items, total) =>
    total === 1 ? `Vereinbart wurde eine Maßnahme: ${items[0]!}.` : `Vereinbart wurden ${counted(total, 'de', 'Maßnahme', 'Maßnahmen')}${total > items.length ? ', darunter' : ':'} ${joinList(items, 'de')}.`,
  noActions: 'Maßnahmen wurden in den Foren nicht vereinbart.',
}

const en: EventPhrases = {
  intro: (date, place, title, forums, rounds) =>
    `On ${date}, the event ${title} took place${place ? ` in ${place}` : ''}, with ${counted(forums, 'en', 'forum', 'forums')}${rounds > 1 ? `, each in ${counted(rounds, 'en', 'round', 'rounds')}` : ''}.`,
  people: (count, names, total) => {
    const who = count > 0 ? `${count === 1 ? 'One person' : `${count} people`} took part` : 'Taking part were'
    if (total === 0) return count > 0 ? `${who}.` : ''
    const from = total > names.length ? `${total} institutions, among them ${joinList(names, 'en')}` : joinList(names, 'en')
    return `${who}${count > 0 ? ', from' : ''} ${from}.`
  },
  forum: (forum, w, items) =>
    `In the forum ${forum}, ${joinList(items, 'en')} ${items.length === 1 ? `was named as ${/^[aeiou]/i.test(w.one) ? 'an' : 'a'} ${w.one}` : `were named as ${w.many}`}.`,
  nothing: (w) => `No forum recorded ${w.many}.`,
  actions: (items, total) =>
    total === 1 ? `One action was agreed: ${items[0]!}.` : `${counted(total, 'en', 'action', 'actions').replace(/^./, (c) => c.toUpperCase())} were agreed${total > items.length ? ', among them' : ':'} ${joinList(items, 'en')}.`,
  noActions: 'No actions were agreed in the forums.',
}

const EVENT_PHRASES: Readonly<Record<Locale, EventPhrases>> = { de, en }

/** A forum's items over all its rounds, round by round, each title once (case and spaces aside). */
function forumItems(forum: EventForum): string[] {
  const seen = new Map<string, string>()
  for (const round of forum.rounds)
    for (const item of round.items) {
      const key = item.title.replace(/\s+/gu, ' ').trim().toLocaleLowerCase()
      if (key !== '' && !seen.has(key)) seen.set(key, item.title)
    }
  return [...seen.values()]
}

function draftZone(report: Omit<EventReport, 'prose'>, zone: ZoneId): string {
  const p = EVENT_PHRASES[report.locale]
  const words = PHRASES[report.locale].zone[zone]
  const forums = report.zones.find((z) => z.zone === zone)?.forums ?? []
  const sentences = forums.flatMap((f) => {
    const items = forumItems(f).slice(0, NAMED_ITEMS)
    return items.length === 0 ? [] : [p.forum(quote(f.forum, report.locale), words, items.map((i) => quote(i, report.locale)))]
  })
  return sentences.length > 0 ? sentences.join(' ') : p.nothing(words)
}

function actionItem(a: EventAction, locale: Locale): string {
  return `${quote(a.what, locale)} (${a.label})`
}

/** The combined report's prose draft, in the report's language. */
export function draftEventProse(report: Omit<EventReport, 'prose'>): EventProse {
  const p = EVENT_PHRASES[report.locale]
  const intro = [
    p.intro(report.date, report.place, quote(report.title, report.locale, 200), report.forumCount, report.roundCount),
    p.people(report.participantCount, report.institutions.slice(0, NAMED_INSTITUTIONS), report.institutions.length),
  ]
  const actions = report.actions.filter((a) => a.what.trim() !== '')
  return {
    intro: intro.filter((s) => s !== '').join(' '),
    zones: Object.fromEntries(ZONE_IDS.map((zone) => [zone, draftZone(report, zone)])) as Record<ZoneId, string>,
    actions: actions.length === 0 ? p.noActions : p.actions(actions.slice(0, NAMED_ACTIONS).map((a) => actionItem(a, report.locale)), actions.length),
  }
}
