import { rankedClusters } from './export/report'
import { liftOf } from './lift'
import type { Lift } from './lift'
import { institutionsOf } from './people'
import { reviewCounts } from './review'
import type { ReviewStatus } from './review'
import type { BoardView } from './view'
import { ZONE_IDS } from './zones'
import type { ZoneId } from './zones'

/**
 * A series of meetings (follow-ups of one another) side by side: per meeting its date, how many
 * institutions took part, the Steighöhe and the top clusters per zone, and for each cluster
 * whether its theme came up in an earlier meeting of the series (`sameTheme`).
 */
export interface SeriesTheme {
  readonly title: string
  readonly votes: number
  /** An earlier meeting of the series had a cluster of the same theme (in any zone). */
  readonly recurring: boolean
}

export interface SeriesMeeting {
  /** From 1, in the order the meetings were made. */
  readonly number: number
  readonly title: string
  /** YYYY-MM-DD, or empty. */
  readonly date: string
  readonly institutions: number
  readonly participants: number
  readonly lift: Lift
  readonly top: Readonly<Record<ZoneId, readonly SeriesTheme[]>>
  /** The Rückblick's outcome; all zero when the meeting carried nothing. */
  readonly review: Readonly<Record<ReviewStatus | 'offen', number>>
}

/** Clusters per zone that the series page shows. */
export const TOP_PER_ZONE = 3

/** Short words that say nothing about a theme (German and English). */
const FILLERS = new Set(
  'und oder der die das den dem des ein eine einer eines einem einen mit von für fur zur zum bei auf aus nach über uber unter durch ohne mehr noch nicht auch wie als bzw the and for with more less of to in on'.split(' '),
)

/** Letters a word is compared by: "Öffentlichkeitsarbeit" and "Öffentlichkeitsarbeiten" are one word. */
const STEM = 6

/** The words of a cluster title as the comparison sees them: lower case, letters only, no fillers, cut to STEM letters. */
export function themeWords(title: string): ReadonlySet<string> {
  const words = title
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !FILLERS.has(w))
  return new Set(words.map((w) => w.slice(0, STEM)))
}

/**
 * Two cluster titles name the same theme when at least half of their words agree: the Dice
 * coefficient 2·|A ∩ B| / (|A| + |B|) of their word sets (themeWords) is 0.5 or more. A title
 * without such words (empty, "Sonstiges" alone counts as a word) matches nothing.
 */
export function sameTheme(a: string, b: string): boolean {
  const wa = themeWords(a)
  const wb = themeWords(b)
  if (wa.size === 0 || wb.size === 0) return false
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared += 1
  return (2 * shared) / (wa.size + wb.size) >= 0.5
}

function allTitles(view: BoardView): string[] {
  return ZONE_IDS.flatMap((zone) => view.zones[zone].clusters.map((c) => c.title)).filter((t) => t.trim() !== '')
}

/** The meetings of a series, first first, as the series page shows them. */
export function seriesOverview(views: readonly BoardView[]): SeriesMeeting[] {
  const earlier: string[] = []
  return views.map((view, i) => {
    const top = {} as Record<ZoneId, SeriesTheme[]>
    for (const zone of ZONE_IDS) {
      top[zone] = rankedClusters(view.zones[zone], view.tally)
        .filter((c) => c.title.trim() !== '')
        .slice(0, TOP_PER_ZONE)
        .map((c) => ({ title: c.title, votes: view.tally[c.id] ?? 0, recurring: earlier.some((t) => sameTheme(t, c.title)) }))
    }
    earlier.push(...allTitles(view))
    return {
      number: i + 1,
      title: view.title,
      date: view.date,
      institutions: institutionsOf(Object.values(view.people)).length,
      participants: view.participantCount,
      lift: liftOf(view),
      top,
      review: reviewCounts(view.review),
    }
  })
}
