import type { BoardView, ClusterView, NoteView, ZoneView } from '../view'
import { ZONES, ZONE_IDS } from '../zones'
import type { Locale, ZoneId } from '../zones'
import { formatDay } from './format'
import { LABELS } from './labels'
import { draftProse } from './prose/draft'
import type { ReportProse } from './prose/draft'
import { draftIntro } from './prose/intro'

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
  /** Whether the vote has ended, so votes are worth showing. */
  readonly showVotes: boolean
  readonly sections: readonly ReportSection[]
  readonly actions: readonly ReportAction[]
}

/** The content, and the report's text in prose (the generated draft). */
export interface Report extends ReportContent {
  readonly prose: ReportProse
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
}

export interface ReportCluster {
  /** The title, or "Ohne Titel". */
  readonly title: string
  readonly votes: number
  readonly notes: readonly ReportNote[]
}

export interface ReportNote {
  readonly text: string
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
  return cluster.title.trim() === '' ? LABELS[locale].untitled : cluster.title
}

function note(n: NoteView, tally: Readonly<Record<string, number>>): ReportNote {
  return { text: n.text, votes: tally[n.id] ?? 0 }
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
  return { ...content, prose: draftProse(content, draftIntro(content)) }
}

function reportContent(view: BoardView, locale: Locale): ReportContent {
  const { tally } = view
  return {
    locale,
    title: view.title,
    date: formatDay(view.date, locale),
    topic: view.topic,
    participantCount: view.participantCount,
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
      }
    }),
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
