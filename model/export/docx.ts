import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { BoardView } from '../view'
import type { Locale } from '../zones'
import { LABELS } from './labels'
import { buildReport, reportFacts, sectionHeading } from './report'
import type { ReportNote } from './report'
import { formatNumber } from './format'
import { paragraphs } from './text'

/** The Word report: real heading styles, bullet lists, an actions table; document language set. */

const LANGUAGE: Readonly<Record<Locale, string>> = { de: 'de-DE', en: 'en-GB' }

/** Characters XML 1.0 forbids (a document with one does not open): C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

type RunStyle = { readonly bold?: boolean; readonly italics?: boolean }

export async function toDocx(view: BoardView, locale: Locale): Promise<Uint8Array> {
  const report = buildReport(view, locale)
  const t = LABELS[locale]
  const language = { value: LANGUAGE[locale] }
  /** A fixed text as one run. */
  const label = (value: string, style: RunStyle = {}): TextRun => new TextRun({ text: xmlSafe(value), language, ...style })
  /** A user text as runs: its own line breaks become line breaks in the paragraph. */
  const text = (value: string, style: RunStyle = {}): TextRun[] =>
    xmlSafe(value)
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((line, i) => new TextRun({ text: line, language, ...style, ...(i > 0 ? { break: 1 } : {}) }))
  const withVotes = (runs: TextRun[], n: number): TextRun[] => (report.showVotes ? [...runs, label(` (${t.votes(n)})`)] : runs)
  const bullet = (note: ReportNote): Paragraph =>
    new Paragraph({ bullet: { level: 0 }, children: note.votes > 0 ? withVotes(text(note.text), note.votes) : text(note.text) })
  const cell = (children: TextRun[]): TableCell => new TableCell({ children: [new Paragraph({ children })] })
  const line = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
  const framed = (rows: TableRow[]): Table =>
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    })
  /** A table of user texts under a bold header row. */
  const table = (columns: readonly string[], rows: readonly (readonly string[])[]): Table =>
    framed([
      new TableRow({ tableHeader: true, children: columns.map((h) => cell([label(h, { bold: true })])) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(text(value))) })),
    ])
  const heading = (level: (typeof HeadingLevel)[keyof typeof HeadingLevel], children: TextRun[]): Paragraph =>
    new Paragraph({ heading: level, children })

  const body: (Paragraph | Table)[] = [heading(HeadingLevel.HEADING_1, text(report.title))]
  const facts = reportFacts(report, (n) => formatNumber(n, report.locale))
  for (const [name, value] of facts) body.push(new Paragraph({ children: [label(`${name}: `, { bold: true }), ...text(value)] }))
  /** Prose: one Word paragraph per paragraph of the text. */
  const prose = (value: string): Paragraph[] => paragraphs(value).map((p) => new Paragraph({ children: [label(p)] }))
  body.push(...prose(report.prose.intro))
  if (report.review) {
    const r = report.review
    body.push(heading(HeadingLevel.HEADING_2, [label(r.heading)]), ...prose(r.summary))
    body.push(table(r.columns, r.items.map((i) => [i.what, i.who, i.until, i.status, i.note])))
  }

  for (const section of report.sections) {
    body.push(heading(HeadingLevel.HEADING_2, [label(sectionHeading(section))]))
    body.push(new Paragraph({ children: text(section.question, { italics: true }) }))
    body.push(...prose(report.prose.zones[section.zone]))
    for (const cluster of section.clusters) {
      body.push(heading(HeadingLevel.HEADING_3, withVotes(text(cluster.title), cluster.votes)))
      body.push(...cluster.notes.map(bullet))
    }
    if (section.loose.length > 0) {
      body.push(heading(HeadingLevel.HEADING_3, [label(section.clusters.length > 0 ? t.looseNotes : t.notes)]))
      body.push(...section.loose.map(bullet))
    }
    if (section.clusters.length === 0 && section.loose.length === 0) body.push(new Paragraph({ children: [label(t.noNotes)] }))
  }

  body.push(heading(HeadingLevel.HEADING_2, [label(t.actions)]))
  const closing = prose(report.prose.actions)
  body.push(...closing)
  if (report.actions.length === 0) body.push(new Paragraph({ children: [label(t.noActions)] }))
  else {
    const header = new TableRow({
      tableHeader: true,
      children: [t.what, t.who, t.until, t.link, t.done].map((h) => cell([label(h, { bold: true })])),
    })
    const rows = report.actions.map(
      (a) => new TableRow({ children: [...[a.what, a.who, a.until, a.link].map((value) => cell(text(value))), cell([label(a.done ? t.yes : t.no)])] }),
    )
    body.push(framed([header, ...rows]))
  }

  const fazit = prose(report.prose.fazit)
  if (fazit.length > 0) body.push(heading(HeadingLevel.HEADING_2, [label(t.fazit)]), ...fazit)

  const doc = new Document({
    creator: 'Ballonfahrt',
    title: xmlSafe(report.title),
    styles: { default: { document: { run: { language: { value: LANGUAGE[locale] } } } } },
    sections: [{ properties: {}, children: body }],
  })
  // toArrayBuffer works in Node and in the browser alike (toBuffer needs Node's Buffer).
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
