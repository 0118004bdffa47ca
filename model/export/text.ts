import type { BoardView } from '../view'
import type { Locale } from '../zones'
import { LABELS } from './labels'
import { buildReport, reportFacts, sectionHeading } from './report'
import type { Report, ReportNote } from './report'
import { formatNumber } from './format'

/**
 * "Als Text kopieren": the report as plain text for a chat (headings underlined, notes as
 * bullets), and as simple semantic HTML for a mail (h1/h2/h3, ul, table), every user text escaped.
 */

function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** Prose as paragraphs, each on one line (a chat wraps it), empty ones left out. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => lines(paragraph).join(' '))
    .filter((paragraph) => paragraph !== '')
}

function facts(report: Report): [label: string, value: string][] {
  return reportFacts(report, (n) => formatNumber(n, report.locale))
}

export function toPlainText(view: BoardView, locale: Locale): string {
  const report = buildReport(view, locale)
  const t = LABELS[locale]
  const votes = (n: number): string => (report.showVotes ? ` (${t.votes(n)})` : '')
  const note = (n: ReportNote): string => `• ${lines(n.text).join('\n  ')}${n.votes > 0 ? votes(n.votes) : ''}`
  const title = lines(report.title).join(' ')
  const out: string[] = [title, '='.repeat(title.length)]
  out.push(...facts(report).map(([label, value]) => `${label}: ${lines(value).join(' ')}`), '')
  const prose = (text: string): string[] => paragraphs(text).flatMap((p) => [p, ''])
  out.push(...prose(report.prose.intro))
  if (report.review) {
    const r = report.review
    out.push(r.heading, '-'.repeat(r.heading.length), ...prose(r.summary))
    r.items.forEach((i, n) => {
      const details = [
        i.who !== '' ? `${r.columns[1]}: ${lines(i.who).join(' ')}` : null,
        i.until !== '' ? `${r.columns[2]}: ${i.until}` : null,
        `${r.columns[3]}: ${i.status}`,
        i.note !== '' ? `${r.columns[4]}: ${lines(i.note).join(' ')}` : null,
      ].filter((d) => d !== null)
      out.push(`${n + 1}. ${lines(i.what).join(' ')}`, `   ${details.join(' · ')}`)
    })
    out.push('')
  }
  for (const section of report.sections) {
    const heading = sectionHeading(section)
    out.push(heading, '-'.repeat(heading.length), lines(section.question).join(' '), '')
    out.push(...prose(report.prose.zones[section.zone]))
    for (const cluster of section.clusters) {
      out.push(`${lines(cluster.title).join(' ')}${votes(cluster.votes)}`, ...cluster.notes.map(note), '')
    }
    if (section.loose.length > 0) {
      out.push(section.clusters.length > 0 ? t.looseNotes : t.notes)
      out.push(...section.loose.map(note), '')
    }
    if (section.clusters.length === 0 && section.loose.length === 0) out.push(t.noNotes, '')
  }
  out.push(t.actions, '-'.repeat(t.actions.length))
  const closing = prose(report.prose.actions)
  out.push(...closing)
  if (report.actions.length === 0) out.push(t.noActions)
  report.actions.forEach((a, i) => {
    const details = [
      a.who !== '' ? `${t.who}: ${lines(a.who).join(' ')}` : null,
      a.until !== '' ? `${t.until}: ${a.until}` : null,
      a.link !== '' ? `${t.link}: ${lines(a.link).join(' ')}` : null,
      `${t.done}: ${a.done ? t.yes : t.no}`,
    ].filter((d) => d !== null)
    out.push(`${i + 1}. ${lines(a.what).join(' ')}`, `   ${details.join(' · ')}`)
  })
  const fazit = paragraphs(report.prose.fazit)
  if (fazit.length > 0) out.push('', t.fazit, '-'.repeat(t.fazit.length), ...fazit.join('\n\n').split('\n'))
  return `${out.join('\n').replace(/\n+$/, '')}\n`
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** A user text as HTML: escaped, its line breaks as <br>. */
function html(text: string): string {
  return lines(text).map(escapeHtml).join('<br>')
}

export function toHtml(view: BoardView, locale: Locale): string {
  const report = buildReport(view, locale)
  const t = LABELS[locale]
  const votes = (n: number): string => (report.showVotes ? ` (${escapeHtml(t.votes(n))})` : '')
  const note = (n: ReportNote): string => `<li>${html(n.text)}${n.votes > 0 ? votes(n.votes) : ''}</li>`
  const list = (notes: readonly ReportNote[]): string => `<ul>\n${notes.map(note).join('\n')}\n</ul>`
  const out: string[] = [`<h1>${html(report.title)}</h1>`]
  const head = facts(report)
  if (head.length > 0) out.push(`<p>${head.map(([label, value]) => `${escapeHtml(label)}: ${html(value)}`).join('<br>')}</p>`)
  const prose = (text: string): string[] => paragraphs(text).map((p) => `<p>${escapeHtml(p)}</p>`)
  out.push(...prose(report.prose.intro))
  if (report.review) {
    const r = report.review
    out.push(`<h2>${escapeHtml(r.heading)}</h2>`, ...prose(r.summary))
    const th = r.columns.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
    const rows = r.items.map((i) => `<tr>${[i.what, i.who, i.until, i.status, i.note].map((v) => `<td>${html(v)}</td>`).join('')}</tr>`)
    out.push(`<table border="1" cellpadding="4" cellspacing="0">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`)
  }
  for (const section of report.sections) {
    out.push(`<h2>${escapeHtml(sectionHeading(section))}</h2>`, `<p><em>${html(section.question)}</em></p>`)
    out.push(...prose(report.prose.zones[section.zone]))
    for (const cluster of section.clusters) out.push(`<h3>${html(cluster.title)}${votes(cluster.votes)}</h3>`, list(cluster.notes))
    if (section.loose.length > 0) {
      out.push(`<h3>${escapeHtml(section.clusters.length > 0 ? t.looseNotes : t.notes)}</h3>`)
      out.push(list(section.loose))
    }
    if (section.clusters.length === 0 && section.loose.length === 0) out.push(`<p>${escapeHtml(t.noNotes)}</p>`)
  }
  out.push(`<h2>${escapeHtml(t.actions)}</h2>`)
  const closing = prose(report.prose.actions)
  out.push(...closing)
  if (report.actions.length === 0) out.push(`<p>${escapeHtml(t.noActions)}</p>`)
  else {
    const th = [t.what, t.who, t.until, t.link, t.done].map((h) => `<th>${escapeHtml(h)}</th>`).join('')
    const rows = report.actions.map(
      (a) => `<tr><td>${html(a.what)}</td><td>${html(a.who)}</td><td>${escapeHtml(a.until)}</td><td>${html(a.link)}</td><td>${a.done ? t.yes : t.no}</td></tr>`,
    )
    out.push(`<table border="1" cellpadding="4" cellspacing="0">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`)
  }
  const fazit = prose(report.prose.fazit)
  if (fazit.length > 0) out.push(`<h2>${escapeHtml(t.fazit)}</h2>`, ...fazit)
  return `${out.join('\n')}\n`
}
