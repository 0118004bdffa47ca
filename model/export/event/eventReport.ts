import { ROUND_LABEL } from '../../event'
import type { EventPlan } from '../../event'
import { institutionsOf } from '../../people'
import type { BoardView } from '../../view'
import { ZONES, ZONE_IDS } from '../../zones'
import type { Locale, ZoneId } from '../../zones'
import { formatDay, formatNumber } from '../format'
import { LABELS } from '../labels'
import { buildReport } from '../report'
import { EVENT_LABELS } from './labels'
import { draftEventProse } from './prose'
import type { EventProse } from './prose'
import type { ReportAction } from '../report'

/**
 * The combined report of an event: per zone the top clusters of every forum, labelled by forum
 * and round, both rounds of a forum side by side; then the Maßnahmen of all forums. Built from
 * each board's own report (buildReport), so a forum round reads the same here as in its own report.
 */
export interface EventReport {
  readonly locale: Locale
  readonly title: string
  /** Formatted for `locale`. */
  readonly date: string
  readonly place: string
  readonly forumCount: number
  readonly roundCount: number
  /** People who joined, summed over the forum rounds (a person in two rounds counts twice). */
  readonly participantCount: number
  /** The institutions that took part in any forum round the reader may see, each once, alphabetically; never a person. */
  readonly institutions: readonly string[]
  readonly zones: readonly EventZone[]
  readonly actions: readonly EventAction[]
  /** The draft in prose (./prose.ts), from everything above. */
  readonly prose: EventProse
}

export interface EventZone {
  readonly zone: ZoneId
  /** "Förderliche Faktoren (Steigen)". */
  readonly heading: string
  readonly forums: readonly EventForum[]
}

export interface EventForum {
  readonly forum: string
  /** Every round of the forum that ran (has notes), in order: two or more are shown side by side. */
  readonly rounds: readonly EventForumRound[]
}

export interface EventForumRound {
  readonly round: number
  /** "Kinderrechte – Runde 2". */
  readonly label: string
  readonly items: readonly EventItem[]
}

/** A top cluster (or, on a board without clusters, a top note). */
export interface EventItem {
  readonly title: string
  readonly votes: number
  readonly notes: number
}

export interface EventAction extends ReportAction {
  readonly forum: string
  readonly round: number
  readonly label: string
}

/** How many clusters of each forum round the combined report shows per zone. */
export const TOP_CLUSTERS = 3

export interface ForumRoundView {
  readonly forum: number
  readonly round: number
  readonly view: BoardView
}

function label(plan: EventPlan, forum: number, round: number, locale: Locale): string {
  const title = plan.forums[forum]?.title ?? ''
  return plan.rounds.length > 1 ? `${title} – ${ROUND_LABEL[locale]} ${round}` : title
}

function topItems(view: BoardView, zone: ZoneId, locale: Locale): EventItem[] {
  const section = buildReport(view, locale).sections.find((s) => s.zone === zone)!
  const clusters = section.clusters.map((c) => ({ title: c.title, votes: c.votes, notes: c.notes.length }))
  const items = clusters.length > 0 ? clusters : [...section.loose].sort((a, b) => b.votes - a.votes).map((n) => ({ title: n.text, votes: n.votes, notes: 1 }))
  return items.slice(0, TOP_CLUSTERS)
}

/** The combined report of the forum rounds given (those the reader may see), in the plan's order. */
export function buildEventReport(plan: EventPlan, rounds: readonly ForumRoundView[], locale: Locale = plan.locale): EventReport {
  const content = eventContent(plan, rounds, locale)
  return { ...content, prose: draftEventProse(content) }
}

function eventContent(plan: EventPlan, rounds: readonly ForumRoundView[], locale: Locale): Omit<EventReport, 'prose'> {
  const ran = rounds.filter((r) => r.view.noteCount > 0)
  const forums = [...new Set(rounds.map((r) => r.forum))].sort((a, b) => a - b)
  return {
    locale,
    title: plan.title,
    date: formatDay(plan.date, locale),
    place: plan.place,
    forumCount: forums.length,
    roundCount: plan.rounds.length,
    participantCount: rounds.reduce((sum, r) => sum + r.view.participantCount, 0),
    institutions: institutionsOf(rounds.flatMap((r) => Object.values(r.view.people))),
    zones: ZONE_IDS.map((zone) => ({
      zone,
      heading: `${ZONES[zone].reportHeading[locale]} (${ZONES[zone].title[locale]})`,
      forums: forums.map((forum) => ({
        forum: plan.forums[forum]?.title ?? '',
        rounds: ran
          .filter((r) => r.forum === forum)
          .sort((a, b) => a.round - b.round)
          .map((r) => ({ round: r.round, label: label(plan, forum, r.round, locale), items: topItems(r.view, zone, locale) })),
      })),
    })),
    actions: rounds.flatMap((r) =>
      buildReport(r.view, locale).actions.map((a) => ({ ...a, forum: plan.forums[r.forum]?.title ?? '', round: r.round, label: label(plan, r.forum, r.round, locale) })),
    ),
  }
}

/** The report's header facts in order, each as [label, value], only those given: the same in every format. */
export function eventFacts(report: Omit<EventReport, 'prose'>): [label: string, value: string][] {
  const t = LABELS[report.locale]
  const e = EVENT_LABELS[report.locale]
  const count = (n: number) => formatNumber(n, report.locale)
  const facts: [string, string][] = [
    [t.date, report.date],
    [e.place, report.place],
    [e.forums, count(report.forumCount)],
    [e.rounds, count(report.roundCount)],
    [t.participants, report.participantCount > 0 ? count(report.participantCount) : ''],
    [t.institutions, report.institutions.join(', ')],
  ]
  return facts.filter(([, value]) => value !== '')
}
