import type { Bericht, BerichtPart } from '../bericht'
import type { MeetingDetails } from '../details'
import { institutionsOf } from '../people'
import type { BoardView, ClusterView, NoteView, ZoneView } from '../view'
import { ZONES, ZONE_IDS } from '../zones'
import type { Locale, ZoneId } from '../zones'
import { formatDay } from './format'
import { LABELS } from './labels'
import { draftProse } from './prose/draft'
import type { ReportProse } from './prose/draft'
import { draftIntro } from './prose/intro'
import { reportReview } from './review'
import type { ReportReview } from './review'

/**
 * The content every report format shows, in reading order: plain data, already in the reader's
 * language, with no author ids anywhere (a report names nobody but the "wer" of an action).
 */
export interface ReportContent {
  readonly locale: Locale
  readonly title: string
  /** The meeting's date, formatted for `locale` (`29.01.2025`), or empty. */
  readonly date: string
  readonly topic: string
  /** How many people joined; 0 when unknown (an imported board). Never who. */
  readonly participantCount: number
  /** Time, format, place and organiser, formatted for `locale`; each may be empty. */
  readonly meeting: ReportMeeting
  /** The same details as stored, for the prose to build its own sentence from. */
  readonly details: MeetingDetails
  /** The institutions that took part, each once, alphabetically; never a person. */
  readonly institutions: readonly string[]
  /** Whether the vote has ended, so votes are worth showing. */
  readonly showVotes: boolean
  readonly sections: readonly ReportSection[]
  readonly actions: readonly ReportAction[]
  /** A follow-up meeting's Rückblick (./review.ts); null when it carried nothing. */
  readonly review: ReportReview | null
}

/** The content, and the report's text in prose: the Bericht as edited, the draft where a part is not. */
export interface Report extends ReportContent {
  readonly prose: ReportProse
  /** The generated draft, whatever was edited (for "Absatz neu erzeugen"). */
  readonly draft: ReportProse
}

export interface ReportMeeting {
  readonly time: string
  readonly format: string
  readonly place: string
  readonly organiser: string
}

/** A note the moderator marked "Zitat", with its generic attribution (never a name). */
export interface ReportQuote {
  readonly text: string
  readonly by: string
}

export interface ReportSection {
  readonly zone: ZoneId
  /** ZONES.reportHeading, e.g. "Förderliche Faktoren". */
  readonly heading: string
  /** The zone's name on the board, e.g. "Steigen". */
  readonly zoneTitle: string
  /** The moderator's question, or the default question in `locale`. */
  readonly question: string
  /** By votes, most first; ties keep board order. */
  readonly clusters: readonly ReportCluster[]
  /** Notes in no cluster, in board order. */
  readonly loose: readonly ReportNote[]
  /** Notes marked "Zitat", in board order. */
  readonly quotes: readonly ReportQuote[]
}

export interface ReportCluster {
  /** The title, or "Unbenannter Cluster" (LABELS). */
  readonly title: string
  readonly votes: number
  readonly notes: readonly ReportNote[]
}

export interface ReportNote {
  readonly text: string
  /** Marked "Zitat": the prose quotes it rather than naming it. */
  readonly quote: boolean
  /** The note's own votes (only loose notes are voted on). */
  readonly votes: number
}

export interface ReportAction {
  readonly what: string
  readonly who: string
  /** Formatted for `locale`, or empty. */
  readonly until: string
  /** The linked cluster's title or note's text, or empty. */
  readonly link: string
  readonly done: boolean
}

/** A zone's clusters by votes (most first); a stable sort, so ties keep board order. */
export function rankedClusters(zone: ZoneView, tally: Readonly<Record<string, number>>): readonly ClusterView[] {
  return [...zone.clusters].sort((a, b) => (tally[b.id] ?? 0) - (tally[a.id] ?? 0))
}

function clusterTitle(cluster: ClusterView, locale: Locale): string {
  return cluster.title.trim() === '' ? LABELS[locale].untitledCluster : cluster.title
}

function note(n: NoteView, tally: Readonly<Record<string, number>>): ReportNote {
  return { text: n.text, quote: n.quote, votes: tally[n.id] ?? 0 }
}

/**
 * "Teilnehmerin/Teilnehmer der Veranstaltung", with the author's institution only where the
 * moderator allows it and the board is not anonymous (an anonymous note has no author anyway).
 */
function quoteOf(view: BoardView, n: NoteView, locale: Locale): ReportQuote {
  const by = LABELS[locale].quoteBy
  const institution = n.author !== null ? view.people[n.author]?.institution : undefined
  const named = view.settings.quoteInstitution && !view.settings.anonymous && institution !== undefined
  return { text: n.text, by: named ? `${by}, ${institution}` : by }
}

function meetingOf(view: BoardView, locale: Locale): ReportMeeting {
  const t = LABELS[locale]
  const { start, end, format, place, organiser } = view.meeting
  return {
    time: start === '' && end === '' ? '' : t.timeRange(start, end),
    format: format === '' ? '' : t.formats[format],
    place,
    organiser,
  }
}

/** The header's facts in order, each as [label, value], only those given. */
export function reportFacts(report: ReportContent, count: (n: number) => string): [label: string, value: string][] {
  const t = LABELS[report.locale]
  const facts: [string, string][] = [
    [t.date, report.date],
    [t.time, report.meeting.time],
    [t.format, report.meeting.format],
    [t.place, report.meeting.place],
    [t.organiser, report.meeting.organiser],
    [t.topic, report.topic],
    [t.participants, report.participantCount > 0 ? count(report.participantCount) : ''],
    [t.institutions, report.institutions.join(', ')],
  ]
  return facts.filter(([, value]) => value !== '')
}

function linkText(view: BoardView, link: string | null, locale: Locale): string {
  if (link === null) return ''
  for (const zone of ZONE_IDS) {
    const cluster = view.zones[zone].clusters.find((c) => c.id === link)
    if (cluster) return clusterTitle(cluster, locale)
    const found = view.zones[zone].notes.find((n) => n.id === link)
    if (found) return found.text
  }
  return ''
}

export function buildReport(view: BoardView, locale: Locale): Report {
  const content = reportContent(view, locale)
  const draft = draftProse(content, draftIntro(content))
  return { ...content, prose: editedProse(draft, view.bericht), draft }
}

/** The draft with each part the moderator edited (model/bericht.ts) in its place. */
function editedProse(draft: ReportProse, bericht: Bericht): ReportProse {
  const zones = {} as Record<ZoneId, string>
  for (const zone of ZONE_IDS) zones[zone] = bericht[zone] ?? draft.zones[zone]
  return {
    intro: bericht.intro ?? draft.intro,
    zones,
    actions: bericht.actions ?? draft.actions,
    fazit: bericht.fazit ?? draft.fazit,
  }
}

/** The draft as the Bericht's parts, to start the Bericht from or to generate a part again. */
export function draftParts(draft: ReportProse): Record<BerichtPart, string> {
  return { intro: draft.intro, ...draft.zones, actions: draft.actions, fazit: draft.fazit }
}

function reportContent(view: BoardView, locale: Locale): ReportContent {
  const { tally } = view
  return {
    locale,
    title: view.title.trim() === '' ? LABELS[locale].untitledBoard : view.title,
    date: formatDay(view.date, locale),
    topic: view.topic,
    participantCount: view.participantCount,
    meeting: meetingOf(view, locale),
    details: view.meeting,
    institutions: institutionsOf(Object.values(view.people)),
    showVotes: view.votesRevealed,
    sections: ZONE_IDS.map((id) => {
      const zone = view.zones[id]
      return {
        zone: id,
        heading: ZONES[id].reportHeading[locale],
        zoneTitle: ZONES[id].title[locale],
        question: zone.question ?? ZONES[id].question[locale],
        clusters: rankedClusters(zone, tally).map((c) => ({
          title: clusterTitle(c, locale),
          votes: tally[c.id] ?? 0,
          notes: c.notes.map((n) => note(n, tally)),
        })),
        loose: zone.loose.map((n) => note(n, tally)),
        quotes: zone.notes.filter((n) => n.quote).map((n) => quoteOf(view, n, locale)),
      }
    }),
    review: reportReview(view.review, locale),
    actions: view.actions.map((a) => ({
      what: a.what,
      who: a.who,
      until: formatDay(a.until, locale),
      link: linkText(view, a.link, locale),
      done: a.done,
    })),
  }
}

/** "Förderliche Faktoren (Steigen)": the report's name for the zone, with the board's. */
export function sectionHeading(section: ReportSection): string {
  return `${section.heading} (${section.zoneTitle})`
}
