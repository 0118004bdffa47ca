import { LABELS } from '../labels'
import { escapeInline } from '../markdown'
import { eventFacts } from './eventReport'
import type { EventForum, EventItem, EventReport } from './eventReport'
import { EVENT_LABELS } from './labels'

/** One line of user text, escaped so that it stays text in a heading, list item or table cell. */
function inline(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim())
}

function item(report: EventReport, i: EventItem | undefined): string {
  if (!i) return ' '
  const t = LABELS[report.locale]
  const e = EVENT_LABELS[report.locale]
  const votes = i.votes > 0 ? `, ${t.votes(i.votes)}` : ''
  return `**${inline(i.title)}** (${e.notes(i.notes)}${votes})`
}

/** Rounds side by side: a table with a column per round, row n holding each round's n-th cluster. */
function forum(report: EventReport, f: EventForum): string[] {
  const e = EVENT_LABELS[report.locale]
  const out = [`### ${inline(f.forum)}`, '']
  if (f.rounds.length === 0) return [...out, e.notRun, '']
  const rows = Math.max(1, ...f.rounds.map((r) => r.items.length))
  out.push(`| ${f.rounds.map((r) => inline(r.label)).join(' | ')} |`, `|${' --- |'.repeat(f.rounds.length)}`)
  for (let row = 0; row < rows; row++) {
    out.push(`| ${f.rounds.map((r) => (row === 0 && r.items.length === 0 ? e.nothing : item(report, r.items[row]))).join(' | ')} |`)
  }
  return [...out, '']
}

/** The combined report as Markdown (GFM tables). */
export function eventToMarkdown(report: EventReport): string {
  const t = LABELS[report.locale]
  const e = EVENT_LABELS[report.locale]
  const out = [`# ${inline(report.title)}`, '']
  for (const [label, value] of eventFacts(report)) out.push(`- ${label}: ${inline(value)}`)
  out.push('', inline(report.prose.intro), '')
  for (const zone of report.zones) {
    out.push(`## ${inline(zone.heading)}`, '', inline(report.prose.zones[zone.zone]), '')
    for (const f of zone.forums) out.push(...forum(report, f))
  }
  out.push(`## ${t.actions}`, '', inline(report.prose.actions), '')
  if (report.actions.length === 0) out.push(t.noActions, '')
  else {
    out.push(`| ${e.forum} | ${t.what} | ${t.who} | ${t.until} | ${t.done} |`, '| --- | --- | --- | --- | --- |')
    for (const a of report.actions) out.push(`| ${inline(a.label)} | ${inline(a.what) || ' '} | ${inline(a.who) || ' '} | ${inline(a.until) || ' '} | ${a.done ? t.yes : t.no} |`)
    out.push('')
  }
  return out.join('\n')
}
