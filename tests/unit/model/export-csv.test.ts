import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '../../../model/export/csv'
import { parseBoardFile } from '../../../model/export/json'
import { setPerson } from '../../../model/people'
import { toBoardView } from '../../../model/view'
import { ZONE_IDS } from '../../../model/zones'
import { boardOf, fixtureData, fixtureView, mapZones } from '../../helpers/exportBoard'

interface Group {
  cluster: string | null
  notes: string[]
}

function fixtureTexts(): string[] {
  const zones = fixtureData().zones as Record<string, Group[]>
  return ZONE_IDS.flatMap((z) => (zones[z] ?? []).flatMap((g) => g.notes))
}

function records(csv: string, delimiter: ',' | ';'): string[][] {
  return parse(csv, { bom: true, delimiter, record_delimiter: '\r\n', relax_column_count: false }) as string[][]
}

describe('CSV export', () => {
  const view = fixtureView()

  for (const separator of [',', ';'] as const) {
    it(`parses back with "${separator}": a header, then one record per note with the fixture's texts`, () => {
      const csv = toCsv(view, { separator, locale: 'de' })
      expect(csv.startsWith('\uFEFF')).toBe(true)
      expect(csv.endsWith('\r\n')).toBe(true)
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const [header, ...rows] = records(csv, separator)
      expect(header).toEqual(['Bereich', 'Cluster', 'Notiz', 'Stimmen (Notiz)', 'Stimmen (Cluster)', 'Verfasst von', 'Erstellt'])
      expect(rows).toHaveLength(fixtureTexts().length)
      expect(rows.map((r) => r[2]).sort()).toEqual(fixtureTexts().sort())
      for (const row of rows) expect(row).toHaveLength(7)
    })
  }

  it('gives zone, cluster, the note’s own votes, the cluster’s votes and the creation time', () => {
    const rows = records(toCsv(view, { separator: ';', locale: 'de' }), ';').slice(1)
    expect(rows[0]).toEqual(['Steigen', 'Vernetzung & Strukturen', 'Gelungene Vernetzungs- und Strukturarbeit', '0', '7', '', '2025-01-29T00:00:00.000Z'])
    const loose = rows.find((r) => r[2] === 'Verstetigung der Präventionsketten vor Ort voranbringen')
    expect(loose).toEqual(['Einheizen', '', 'Verstetigung der Präventionsketten vor Ort voranbringen', '0', '', '', '2025-01-29T00:00:00.000Z'])
    // Clusters in report order: most votes first.
    expect([...new Set(rows.filter((r) => r[0] === 'Unten halten').map((r) => r[1]))]).toEqual(['Ressourcen', 'Personal'])
  })

  it('names the author by display name only where the board is not anonymous and names are allowed; never an id', () => {
    const file = parseBoardFile(fixtureData())
    const withAuthor = {
      ...file,
      zones: { ...file.zones, steigen: { ...file.zones.steigen, loose: [{ id: 'x1', text: 'Mit Autor', author: 'p-123', createdAt: '2025-01-29T08:00:00.000Z' }] } },
    }
    const csvOf = (settings: Partial<typeof file.settings>, name?: string) => {
      const { doc } = boardOf({ ...withAuthor, settings: { ...withAuthor.settings, ...settings } })
      if (name !== undefined) setPerson(doc, 'p-123', { name })
      return toCsv(toBoardView(doc), { separator: ',', locale: 'de' })
    }
    const author = (csv: string) => records(csv, ',').find((r) => r[2] === 'Mit Autor')?.[5]
    expect(author(csvOf({ namesInExports: true }, 'Anna Beispiel'))).toBe('Anna Beispiel')
    // Names not allowed, no name given, or an anonymous board: the column stays empty.
    for (const csv of [csvOf({}, 'Anna Beispiel'), csvOf({ namesInExports: true }), csvOf({ anonymous: true, namesInExports: true }, 'Anna Beispiel')]) {
      expect(author(csv)).toBe('')
      expect(csv).not.toContain('p-123')
      expect(csv).not.toContain('Anna Beispiel')
      expect(records(csv, ',').every((r) => r.length === 7 && (r[5] === '' || r[5] === 'Verfasst von'))).toBe(true)
    }
  })

  it('leaves votes empty while the vote has not ended', () => {
    const file = parseBoardFile(fixtureData())
    const noVotes = mapZones(file, (zone) => ({ ...zone, clusters: zone.clusters.map((c) => ({ ...c, votes: 0 })) }))
    const rows = records(toCsv(boardOf(noVotes).view, { separator: ',', locale: 'de' }), ',').slice(1)
    expect(rows.every((r) => r[3] === '' && r[4] === '')).toBe(true)
  })

  it('quotes per RFC 4180 and neutralises formula starts (OWASP)', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"')
    expect(csvCell('a;b', ',')).toBe('a;b')
    expect(csvCell('sagt "ja"', ',')).toBe('"sagt ""ja"""')
    expect(csvCell('zwei\nZeilen', ',')).toBe('"zwei\nZeilen"')
    expect(csvCell('=1+1', ',')).toBe("'=1+1")
    expect(csvCell('+cmd', ',')).toBe("'+cmd")
    expect(csvCell('-2+3', ',')).toBe("'-2+3")
    expect(csvCell('@SUM(1)', ',')).toBe("'@SUM(1)")
    expect(csvCell('\tx', ',')).toBe("'\tx")
    expect(csvCell('\rx', ',')).toBe('"\'\rx"')
    expect(csvCell('=A1,B1', ',')).toBe('"\'=A1,B1"')
    expect(csvCell('1+1', ',')).toBe('1+1')
  })

  it('speaks English headers for locale en', () => {
    const [header] = records(toCsv(view, { separator: ',', locale: 'en' }), ',')
    expect(header).toEqual(['Zone', 'Cluster', 'Note', 'Votes (note)', 'Votes (cluster)', 'Author', 'Created'])
  })
})
