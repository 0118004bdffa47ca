import type { Report, ReportSection } from '../../model/export/report'
import { translate } from '../i18n/index'
import type { Translate } from '../i18n/index'
import type { PictureInput, PictureLabel } from './picture'

/**
 * The report speaks the board's language (set by the moderator), whatever the reader's interface
 * language is, so that the page, the print and the downloaded files say the same.
 */
export function reportT(report: Report): Translate {
  return (key, params) => translate(report.locale, key, params)
}

/** Date, topic and how many took part, as the lines under the title. */
export function metaLines(report: Report): string[] {
  const participants = report.participantCount === 0 ? '' : reportT(report)('report.participants', { count: report.participantCount })
  return [report.date, report.topic, participants].filter((line) => line !== '')
}

/** What the picture shows: per zone the cluster titles by votes, or the loose notes of a zone without clusters. */
export function pictureInput(report: Report): PictureInput {
  const t = reportT(report)
  const labels = (section: ReportSection): PictureLabel[] =>
    section.clusters.length > 0
      ? section.clusters.map((c) => ({ text: c.title, votes: report.showVotes ? c.votes : 0 }))
      : section.loose.map((n) => ({ text: n.text, votes: report.showVotes ? n.votes : 0 }))
  const zone = (section: ReportSection) => ({ heading: section.zoneTitle, labels: labels(section) })
  const [steigen, untenHalten, einheizen] = report.sections
  const empty = { heading: '', labels: [] }
  return {
    title: report.title,
    lines: metaLines(report),
    zones: {
      steigen: steigen ? zone(steigen) : empty,
      untenHalten: untenHalten ? zone(untenHalten) : empty,
      einheizen: einheizen ? zone(einheizen) : empty,
    },
    more: (count) => t('report.more', { count }),
  }
}
