import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../model/export/csv'
import { toDocx } from '../../../model/export/docx'
import { parseBoardFile, toBoardFile, toJson } from '../../../model/export/json'
import type { BoardFile } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { escapeHtml, toHtml, toPlainText } from '../../../model/export/text'
import { LIMITS } from '../../../model/limits'
import { DEFAULT_SETTINGS } from '../../../model/settings'
import type { BoardView, NoteView } from '../../../model/view'
import { readDocx } from '../../helpers/docxText'
import { boardOf, fixtureView } from '../../helpers/exportBoard'
import { summarize } from '../../helpers/markdownAst'

/** Hostile or awkward texts: spreadsheet formulas, HTML, Markdown, length, emoji, bidi. */
const CORPUS = [
  '=1+1',
  '+cmd',
  '-2+3',
  '@SUM(1)',
  '\t=tab',
  '\r=cr',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '# Überschrift',
  '* liste',
  '| a | b |',
  '[link](javascript:alert(1))',
  '`code` ``` ~~~ <https://example.org>',
  'ä'.repeat(LIMITS.noteLength),
  '👩🏽‍💻 Entwicklerin',
  '\u202Eevil.exe\u202C',
  'مرحبا بالعالم',
  '&amp; &lt;b&gt; \\ ! _x_ **y**',
]

const FORMULA = /^[=+\-@\t\r]/
const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'em', 'br', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])

function fileWith(text: string): BoardFile {
  const base = toBoardFile(fixtureView())
  const at = '2025-01-29T10:00:00.000Z'
  return {
    ...base,
    title: text.slice(0, LIMITS.titleLength),
    topic: text.slice(0, LIMITS.titleLength),
    zones: {
      steigen: {
        clusters: [{ id: 'k1', title: text.slice(0, LIMITS.clusterTitleLength), votes: 2, notes: [{ id: 'n1', text, createdAt: at }] }],
        loose: [{ id: 'n2', text, createdAt: at }],
      },
      untenHalten: { clusters: [], loose: [] },
      einheizen: { clusters: [], loose: [] },
    },
    actions: [{ id: 'a1', what: text.slice(0, LIMITS.actionLength), who: text.slice(0, LIMITS.whoLength), until: '', link: 'k1', done: false }],
  }
}

describe.each(CORPUS.map((text) => [JSON.stringify(text).slice(0, 40), text] as const))('injection corpus %s', (_, raw) => {
  // The model trims every text (a note cannot start with a tab); compare with what the board holds.
  const file = parseBoardFile(JSON.parse(JSON.stringify(fileWith(raw))))
  const { view } = boardOf(file)
  const note = view.zones.steigen.notes[0]!.text
  const title = view.title
  const cluster = view.zones.steigen.clusters[0]!.title

  it('CSV: structure intact, formula starts neutralised, text otherwise equal', () => {
    for (const separator of [',', ';'] as const) {
      const rows = parse(toCsv(view, { separator, locale: 'de' }), { bom: true, delimiter: separator }) as string[][]
      expect(rows).toHaveLength(3)
      for (const row of rows) {
        expect(row).toHaveLength(7)
        for (const cell of row) expect(cell).not.toMatch(FORMULA)
      }
      const expected = (text: string): string => (FORMULA.test(text) ? `'${text}` : text)
      expect(rows[1]![2]).toBe(expected(note))
      expect(rows[2]![2]).toBe(expected(note))
      expect(rows[1]![1]).toBe(expected(cluster))
    }
  })

  it('Markdown: no HTML, links or images from user text, no extra headings, texts kept', () => {
    const ast = summarize(toMarkdown(view, 'de'))
    for (const type of ['html_block', 'html_inline', 'link', 'image', 'code_block', 'block_quote', 'thematic_break']) expect(ast.types.has(type), type).toBe(false)
    expect(ast.headings.map((h) => h.level)).toEqual([1, 2, 3, 3, 2, 2, 2, 2])
    expect(ast.headings[0]!.text).toBe(title)
    expect(ast.headings[2]!.text).toBe(`${cluster} (2 Stimmen)`)
    expect(ast.items.filter((i) => i === note)).toHaveLength(2)
    expect(ast.paragraphs.some((p) => p.includes(`| ${view.actions[0]!.what} |`))).toBe(true)
  })

  it('HTML: only the report’s own tags, user text escaped', () => {
    const html = toHtml(view, 'de')
    for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) expect(ALLOWED_TAGS.has(tag!.toLowerCase()), tag).toBe(true)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i)
    expect(html).toContain(`<li>${escapeHtml(note)}</li>`)
    expect(html).toContain(`<h1>${escapeHtml(title)}</h1>`)
  })

  it('plain text: the texts as they are', () => {
    const text = toPlainText(view, 'de')
    expect(text).toContain(`• ${note}`)
    expect(text.startsWith(`${title}\n`)).toBe(true)
  })

  it('DOCX: the same texts', async () => {
    const docx = readDocx(await toDocx(view, 'de'))
    expect(docx.paragraphs.find((p) => p.style === 'Heading1')?.text).toBe(title)
    expect(docx.paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toContain(`${cluster} (2 Stimmen)`)
    // Title, topic, cluster and action hold the same text here: at least the two notes.
    expect(docx.paragraphs.filter((p) => p.text === note).length).toBeGreaterThanOrEqual(2)
    expect(docx.document.match(/<w:numPr>/g)).toHaveLength(2)
    expect(docx.paragraphs.map((p) => p.text)).toContain(view.actions[0]!.what)
  })

  it('JSON: round trip equal', () => {
    const exported = toBoardFile(view)
    expect(toBoardFile(boardOf(parseBoardFile(JSON.parse(toJson(view)))).view)).toEqual(exported)
    expect(exported.zones.steigen.loose[0]!.text).toBe(note)
  })
})

describe('CSV cells that start with a tab or CR (texts the model would trim, in a view made by hand)', () => {
  const base = fixtureView()
  const raw = (id: string, text: string): NoteView => ({ id, zone: 'steigen', text, author: null, createdAt: 0, order: `a${id}`, clusterId: null, quote: false })
  const notes = [raw('1', '\t=1+1'), raw('2', '\r=1+1'), raw('3', '\n-x'), raw('4', 'ok')]
  const view: BoardView = {
    ...base,
    settings: DEFAULT_SETTINGS,
    zones: { ...base.zones, steigen: { id: 'steigen', question: null, notes, clusters: [], loose: notes } },
  }

  it('neutralises them and keeps the structure', () => {
    const csv = toCsv(view, { separator: ';', locale: 'de' })
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][]
    const steigen = rows.filter((r) => r[0] === 'Steigen').map((r) => r[2])
    expect(steigen).toEqual(["'\t=1+1", "'\r=1+1", '\n-x', 'ok'])
    expect(rows.every((r) => r.length === 7)).toBe(true)
  })
})
