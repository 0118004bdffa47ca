import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { LABELS } from '../labels'
import { eventFacts } from './eventReport'
import type { EventForum, EventReport } from './eventReport'
import { EVENT_LABELS } from './labels'

const LANGUAGE = { de: 'de-DE', en: 'en-GB' } as const
// eslint-disable-next-line no-control-regex -- characters XML 1.0 forbids, as in ../docx.ts
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }

/** The combined report as a Word file: real headings, a table per forum with a column per round. */
export async function eventToDocx(report: EventReport): Promise<Uint8Array> {
  const t = LABELS[report.locale]
  const e = EVENT_LABELS[report.locale]
  const language = { value: LANGUAGE[report.locale] }
  /** One line: a user text's line breaks become spaces (table cells and headings hold one line). */
  const run = (text: string, bold = false) => new TextRun({ text: text.replace(NOT_XML, '').replace(/\s+/g, ' '), language, bold })
  const para = (text: string, bold = false) => new Paragraph({ children: [run(text, bold)] })
  const cell = (children: Paragraph[]) => new TableCell({ children: children.length > 0 ? children : [para('')] })
  const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: BORDERS })

  const forum = (f: EventForum): (Paragraph | Table)[] => {
    const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(f.forum)] })]
    if (f.rounds.length === 0) return [...out, para(e.notRun)]
    const header = new TableRow({ tableHeader: true, children: f.rounds.map((r) => cell([para(r.label, true)])) })
    const items = new TableRow({
      children: f.rounds.map((r) =>
        cell(
          r.items.length === 0
            ? [para(e.nothing)]
            : r.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [run(i.title.trim(), true), run(` (${e.notes(i.notes)}${i.votes > 0 ? `, ${t.votes(i.votes)}` : ''})`)] })),
        ),
      ),
    })
    return [...out, table([header, items])]
  }

  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(report.title)] })]
  for (const [label, value] of eventFacts(report)) body.push(para(`${label}: ${value}`))
  body.push(para(report.prose.intro))
  for (const zone of report.zones) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(zone.heading)] }))
    body.push(para(report.prose.zones[zone.zone]))
    for (const f of zone.forums) body.push(...forum(f))
  }
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(t.actions)] }))
  body.push(para(report.prose.actions))
  if (report.actions.length === 0) body.push(para(t.noActions))
  else {
    const header = new TableRow({ tableHeader: true, children: [e.forum, t.what, t.who, t.until, t.done].map((h) => cell([para(h, true)])) })
    const rows = report.actions.map((a) => new TableRow({ children: [a.label, a.what, a.who, a.until, a.done ? t.yes : t.no].map((v) => cell([para(v)])) }))
    body.push(table([header, ...rows]))
  }
  const doc = new Document({
    creator: 'Ballonfahrt',
    title: report.title.replace(NOT_XML, ''),
    styles: { default: { document: { run: { language } } } },
    sections: [{ properties: {}, children: body }],
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
