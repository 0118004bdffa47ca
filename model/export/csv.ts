import type { BoardView, NoteView } from '../view'
import { ZONES, ZONE_IDS } from '../zones'
import type { Locale } from '../zones'
import { LABELS } from './labels'
import { rankedClusters } from './report'

export interface CsvOptions {
  /** `;` for a German Excel, `,` elsewhere. */
  readonly separator: ',' | ';'
  readonly locale: Locale
}

const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * One cell: a text a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or CR) gets a leading `'` (OWASP CSV injection), then RFC 4180 quoting where needed.
 */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The author column: the display name the author gave, only where the board is not anonymous and
 * the moderator allows names in exports; otherwise empty. Never a participant id.
 */
function authorName(view: BoardView, note: NoteView): string {
  if (view.settings.anonymous || !view.settings.namesInExports || note.author === null) return ''
  return view.people[note.author]?.name ?? ''
}

/**
 * One row per note, zone by zone, clusters as in the report (most votes first), then the notes
 * in no cluster: zone, cluster, text, the note's own votes, the cluster's votes, the author's name
 * (see authorName), created (ISO). Votes are empty while the vote has not ended.
 * UTF-8 BOM first (Excel), CRLF line ends.
 */
export function toCsv(view: BoardView, options: CsvOptions): string {
  const { separator, locale } = options
  const t = LABELS[locale]
  const count = (id: string): string => (view.votesRevealed ? String(view.tally[id] ?? 0) : '')
  const rows: string[][] = [[t.csv.zone, t.csv.cluster, t.csv.text, t.csv.votes, t.csv.clusterVotes, t.csv.author, t.csv.created]]
  const row = (zone: string, cluster: string, clusterVotes: string, note: NoteView): string[] => [
    zone,
    cluster,
    note.text,
    count(note.id),
    clusterVotes,
    authorName(view, note),
    new Date(note.createdAt).toISOString(),
  ]
  for (const id of ZONE_IDS) {
    const zone = view.zones[id]
    const name = ZONES[id].title[locale]
    for (const cluster of rankedClusters(zone, view.tally)) {
      const title = cluster.title.trim() === '' ? t.untitledCluster : cluster.title
      for (const note of cluster.notes) rows.push(row(name, title, count(cluster.id), note))
    }
    for (const note of zone.loose) rows.push(row(name, '', '', note))
  }
  return BOM + rows.map((cells) => cells.map((c) => csvCell(c, separator)).join(separator) + CRLF).join('')
}
