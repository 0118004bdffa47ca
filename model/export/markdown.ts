import type { BoardView } from '../view'
import type { Locale } from '../zones'
import { LABELS } from './labels'
import { buildReport, reportFacts, sectionHeading } from './report'
import type { ReportNote } from './report'
import { formatNumber } from './format'

/**
 * Escapes user text for Markdown so that it stays text in CommonMark and GFM, wherever it stands
 * in a line: characters that can start inline markup or a link are backslash-escaped, `<`
 * becomes `&lt;` (no HTML, no autolinks) and an `&` that would start an entity `&amp;`.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]#!|>~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
}

/** escapeInline, plus what would start a block at the beginning of a line: `-`, `+`, `=`, `1.`, `1)`. */
export function escapeMarkdown(line: string): string {
  return escapeInline(line)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

/** A user text's lines, trimmed and without empty ones (tabs as spaces). */
function lines(text: string): string[] {
  return text
    .replace(/\t/g, ' ')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** For text inside a line (headings, table cells): one line, its lines joined by spaces. */
function inline(text: string): string {
  return escapeInline(lines(text).join(' '))
}

/** A list item; a note's own line breaks become hard breaks inside the item. */
function item(text: string, suffix = ''): string {
  return `- ${lines(text).map(escapeMarkdown).join('\\\n  ')}${suffix}`
}

/** Prose: paragraphs apart by empty lines, each line escaped like a list item's. */
function prose(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => lines(paragraph).map(escapeMarkdown).join('\n'))
    .filter((paragraph) => paragraph !== '')
    .flatMap((paragraph) => [paragraph, ''])
}

function cell(text: string): string {
  return inline(text) || ' '
}

export function toMarkdown(view: BoardView, locale: Locale): string {
  const report = buildReport(view, locale)
  const t = LABELS[locale]
  const votes = (n: number): string => (report.showVotes ? ` (${t.votes(n)})` : '')
  const noteItem = (note: ReportNote): string => item(note.text, note.votes > 0 ? votes(note.votes) : '')
  const out: string[] = [`# ${inline(report.title)}`, '']
  const facts = reportFacts(report, (n) => formatNumber(n, report.locale)).map(([label, value]) => `- ${label}: ${inline(value)}`)
  if (facts.length > 0) out.push(...facts, '')
  out.push(...prose(report.prose.intro))
  if (report.review) {
    const r = report.review
    out.push(`## ${r.heading}`, '', ...prose(r.summary))
    out.push(`| ${r.columns.join(' | ')} |`, '| --- | --- | --- | --- | --- |')
    for (const i of r.items) out.push(`| ${[i.what, i.who, i.until, i.status, i.note].map(cell).join(' | ')} |`)
    out.push('')
  }
  for (const section of report.sections) {
    out.push(`## ${inline(sectionHeading(section))}`, '', `*${inline(section.question)}*`, '')
    out.push(...prose(report.prose.zones[section.zone]))
    for (const cluster of section.clusters) {
      out.push(`### ${inline(cluster.title)}${votes(cluster.votes)}`, '')
      out.push(...cluster.notes.map(noteItem), '')
    }
    if (section.loose.length > 0) {
      out.push(`### ${section.clusters.length > 0 ? t.looseNotes : t.notes}`, '')
      out.push(...section.loose.map(noteItem), '')
    }
    if (section.clusters.length === 0 && section.loose.length === 0) out.push(t.noNotes, '')
  }
  const closing = prose(report.prose.actions)
  out.push(`## ${t.actions}`, '', ...closing)
  if (report.actions.length === 0) out.push(t.noActions, '')
  else {
    out.push(`| ${t.what} | ${t.who} | ${t.until} | ${t.link} | ${t.done} |`, '| --- | --- | --- | --- | --- |')
    for (const a of report.actions) {
      out.push(`| ${cell(a.what)} | ${cell(a.who)} | ${cell(a.until)} | ${cell(a.link)} | ${a.done ? t.yes : t.no} |`)
    }
    out.push('')
  }
  const fazit = prose(report.prose.fazit)
  if (fazit.length > 0) out.push(`## ${t.fazit}`, '', ...fazit)
  return out.join('\n')
}
