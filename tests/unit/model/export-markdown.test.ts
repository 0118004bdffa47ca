import { describe, expect, it } from 'vitest'
import { parseBoardFile } from '../../../model/export/json'
import { escapeMarkdown, toMarkdown } from '../../../model/export/markdown'
import { ZONE_IDS } from '../../../model/zones'
import { boardOf, fixtureData, fixtureView } from '../../helpers/exportBoard'
import { summarize } from '../../helpers/markdownAst'

interface Group {
  cluster: string | null
  notes: string[]
}

const zones = fixtureData().zones as Record<string, Group[]>

describe('Markdown export', () => {
  const md = toMarkdown(fixtureView(), 'de')
  const ast = summarize(md)

  it('has the title, the three zones and Maßnahmen as headings', () => {
    expect(ast.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Siebtes Austausch- und Vernetzungstreffen – Reflexion'])
    expect(ast.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      'Förderliche Faktoren (Steigen)',
      'Hemmende Faktoren (Unten halten)',
      'Impulse / nächste Schritte (Einheizen)',
      'Maßnahmen',
      'Fazit',
    ])
  })

  it('has every cluster title (with its votes) as a heading, clusters by votes', () => {
    const h3 = ast.headings.filter((h) => h.level === 3).map((h) => h.text)
    for (const z of ZONE_IDS) {
      for (const group of zones[z] ?? []) if (group.cluster !== null) expect(h3.some((h) => h.startsWith(`${group.cluster} (`))).toBe(true)
    }
    expect(h3).toContain('Vernetzung & Strukturen (7 Stimmen)')
    expect(h3.indexOf('Ressourcen (8 Stimmen)')).toBeLessThan(h3.indexOf('Personal (5 Stimmen)'))
  })

  it('has every note as a list item whose text equals the note', () => {
    const notes = ZONE_IDS.flatMap((z) => (zones[z] ?? []).flatMap((g) => g.notes))
    expect(ast.items.sort()).toEqual([...notes, 'Datum: 29.01.2025', 'Thema: Präventionskettenarbeit'].sort())
  })

  it('shows the questions and the actions table as text (GFM table: a paragraph to CommonMark)', () => {
    expect(ast.paragraphs).toContain('Was lässt uns in der Präventionskettenarbeit steigen?')
    const table = ast.paragraphs.find((p) => p.startsWith('| Was | Wer | Bis wann | Bezug | Erledigt |'))
    expect(table).toBeDefined()
    const rows = table!.split('\n')
    expect(rows).toHaveLength(4)
    expect(rows[2]).toBe('| Erfolge der Präventionskette in der nächsten Ausschusssitzung vorstellen | Koordination | 31.03.2025 |   | nein |')
    expect(rows[3]).toBe('| Beteiligungsformat für Familien und Kinder planen | AG Beteiligung | 30.06.2025 |   | nein |')
  })

  it('escapes what would become markup, and keeps the text', () => {
    for (const text of ['# Überschrift', '* liste', '- minus', '+ plus', '1. erster', '2) zweiter', '> Zitat', '=== ', '`code`', '**fett** _kursiv_', '~~weg~~', '<b>x</b>', '&amp; &#169;', 'a\\b', '[x](y) ![i](j)']) {
      const ast = summarize(`- ${escapeMarkdown(text)}\n`)
      expect(ast.items, text).toEqual([text.trim()])
      expect([...ast.types].sort(), text).toEqual(['document', 'item', 'list', 'paragraph', 'text'])
    }
  })

  it('keeps a note with line breaks in one list item, and ranks loose notes with votes', () => {
    const file = parseBoardFile({
      title: 'Zeilen',
      date: '2025-02-01',
      zones: { steigen: [{ cluster: null, votes: 2, notes: ['erste Zeile\n- zweite Zeile\n\n1. dritte'] }] },
    })
    const ast = summarize(toMarkdown(boardOf(file).view, 'de'))
    expect(ast.items).toContain('erste Zeile\n- zweite Zeile\n1. dritte (2 Stimmen)')
    expect(ast.headings.map((h) => h.text)).toContain('Notizen')
    expect(ast.types.has('html_block') || ast.types.has('html_inline')).toBe(false)
  })

  it('says "Unbenannter Cluster" for an untitled cluster and "Keine Notizen." for an empty zone', () => {
    const file = parseBoardFile({ title: 'Leer', zones: { steigen: [{ cluster: '', votes: 1, notes: ['eins'] }] } })
    const md = toMarkdown(boardOf(file).view, 'de')
    expect(md).toContain('### Unbenannter Cluster (1 Stimme)')
    expect(md).toContain('Keine Notizen.')
    expect(md).toContain('Keine Maßnahmen vereinbart.')
  })
})
