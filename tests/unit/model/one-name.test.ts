import { describe, expect, it } from 'vitest'
import { de } from '../../../client/i18n/de'
import { deDu } from '../../../client/i18n/deDu'
import { en } from '../../../client/i18n/en'
import { translate } from '../../../client/i18n/index'
import type { Address } from '../../../model/settings'
import { toCsv } from '../../../model/export/csv'
import { LABELS } from '../../../model/export/labels'
import { toDocx } from '../../../model/export/docx'
import { parseBoardFile } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { buildReport } from '../../../model/export/report'
import { toHtml, toPlainText } from '../../../model/export/text'
import type { Locale } from '../../../model/zones'
import { readDocx } from '../../helpers/docxText'
import { boardOf } from '../../helpers/exportBoard'

/**
 * One name per thing (issue 13): a board and a cluster without a title are called the same on
 * the board, the Präsentation, the Papierkorb and in every export (Markdown, CSV, DOCX, text,
 * HTML, the report and its prose), in German with "Sie" and "du" and in English; a zone is one
 * word per language.
 */

const LANGUAGES: readonly [Locale, Address][] = [
  ['de', 'sie'],
  ['de', 'du'],
  ['en', 'sie'],
]

/** An untitled board whose Steigen has an untitled cluster with votes (so the prose names it). */
const view = boardOf(
  parseBoardFile({
    title: '',
    zones: { steigen: [{ cluster: '', votes: 4, notes: ['Kurze Wege', 'Gute Absprachen'] }, { cluster: 'Vernetzung', votes: 2, notes: ['Fachtag'] }] },
    actions: [{ what: 'Ergebnisse vorstellen', who: 'Koordination', until: '2026-03-31' }],
  }),
).view

/** Every export's text of the board in `locale`. */
async function exportsIn(locale: Locale): Promise<Record<string, string>> {
  const report = buildReport(view, locale)
  return {
    markdown: toMarkdown(view, locale),
    'csv ,': toCsv(view, { separator: ',', locale }),
    'csv ;': toCsv(view, { separator: ';', locale }),
    docx: readDocx(await toDocx(view, locale))
      .paragraphs.map((p) => p.text)
      .join('\n'),
    text: toPlainText(view, locale),
    html: toHtml(view, locale),
    'report (title and clusters)': [report.title, ...report.sections.flatMap((s) => s.clusters.map((c) => c.title))].join('\n'),
    'report prose': [report.prose.intro, ...Object.values(report.prose.zones)].join('\n'),
  }
}

describe('one name per thing', () => {
  for (const [locale, address] of LANGUAGES) {
    it(`names an untitled cluster and an untitled board in every export as the interface does (${locale}, ${address})`, async () => {
      const cluster = translate(locale, 'cluster.untitled', undefined, address)
      const board = translate(locale, 'board.untitled', undefined, address)
      const exports = await exportsIn(locale)
      const csv = new Set(['csv ,', 'csv ;'])
      for (const [format, text] of Object.entries(exports)) {
        expect(text, `${format}: the cluster as the interface names it („${cluster}“)`).toContain(cluster)
        // CSV lists notes, not the board's title.
        if (!csv.has(format)) expect(text, `${format}: the board as the interface names it („${board}“)`).toContain(board)
      }
    })
  }

  it('has no second name for an untitled cluster in the dictionaries', () => {
    const names = new Set([de['cluster.untitled'], en['cluster.untitled']])
    const others = [de, deDu, en].flatMap((messages) =>
      Object.entries(messages).filter(([key, text]) => key !== 'cluster.untitled' && /unbenannt|ohne titel|untitled|unnamed/i.test(text) && !names.has(text)),
    )
    expect(others).toEqual([])
    expect(Object.keys(de).filter((key) => key !== 'cluster.untitled' && names.has(de[key as keyof typeof de]))).toEqual([])
  })

  it('calls a zone „Bereich“ in German and „zone“ in English, as the CSV header does; a vote limit is per „Eintrag“', () => {
    expect([LABELS.de.csv.zone, LABELS.en.csv.zone]).toEqual(['Bereich', 'Zone'])
    const german = [de, deDu].flatMap((messages) => Object.entries(messages).filter(([, text]) => /\bZonen?\b|pro Punkt/.test(text)))
    const english = Object.entries(en).filter(([, text]) => /\bareas?\b/i.test(text))
    expect([...german, ...english]).toEqual([])
  })
})
