import { describe, expect, it } from 'vitest'
import { exportFileName, slugOf } from '../../client/report/files'
import { escapeXml, pictureSvg, wrapText } from '../../client/report/picture'
import type { PictureInput } from '../../client/report/picture'

describe('export file names', () => {
  it('are ASCII: umlauts spelled out, accents dropped, everything else a single dash', () => {
    expect(slugOf('Sprint 42 – Rückblick')).toBe('sprint-42-rueckblick')
    expect(slugOf('Größe & Maß: Café Ærø')).toBe('groesse-mass-cafe-aeroe')
    expect(slugOf('  ---  ')).toBe('')
    expect(slugOf('日本語')).toBe('')
    expect(slugOf('a'.repeat(80))).toHaveLength(60)
    expect(slugOf(`${'x'.repeat(59)} y`)).toBe('x'.repeat(59))
  })

  it('are ballonfahrt-<slug>-<date>.<ext>, with today for a board without a date', () => {
    expect(exportFileName('Sprint 42 – Rückblick', '2025-01-29', 'md')).toBe('ballonfahrt-sprint-42-rueckblick-2025-01-29.md')
    expect(exportFileName('', '2025-01-29', 'csv')).toBe('ballonfahrt-2025-01-29.csv')
    // What the file is, where one extension has two files (the two CSV files).
    expect(exportFileName('Netzwerktreffen Mai', '2026-05-04', 'csv', new Date(), 'notizen')).toBe('ballonfahrt-netzwerktreffen-mai-notizen-2026-05-04.csv')
    expect(exportFileName('', '2026-05-04', 'csv', new Date(), 'notizen-excel')).toBe('ballonfahrt-notizen-excel-2026-05-04.csv')
    expect(exportFileName('Retro', '', 'png', new Date(2026, 2, 5))).toBe('ballonfahrt-retro-2026-03-05.png')
    for (const name of [exportFileName('Ünïcödé ✓ <b>', '2025-01-29', 'docx')]) expect(name).toMatch(/^[a-z0-9.-]+$/)
  })
})

describe('the picture', () => {
  const input = (title: string, labels: string[]): PictureInput => ({
    title,
    lines: ['29.01.2025', '', '3 Teilnehmende'],
    zones: {
      steigen: { heading: 'Steigen', labels: labels.map((text, i) => ({ text, votes: i })) },
      untenHalten: { heading: 'Unten halten', labels: [] },
      einheizen: { heading: 'Einheizen', labels: [{ text: 'Mehr Pairing', votes: 0 }] },
    },
    more: (count) => `+ ${count} weitere`,
  })

  function parse(svg: string): Document {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.querySelector('parsererror')).toBeNull()
    return doc
  }

  it('drops the characters XML forbids, so that the picture still parses', () => {
    expect(escapeXml('Glocke\u0007 Form\u000Cfeed \uD800allein \uFFFF ok \u{1F388}\tTab')).toBe('Glocke Formfeed allein  ok \u{1F388}\tTab')
    const doc = parse(pictureSvg(input('Titel\u0007', ['Notiz mit \u0001Steuerzeichen', 'Ballon \u{1F388}'])))
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ')
    expect(texts).toContain('Notiz mit Steuerzeichen')
    expect(texts).toContain('Ballon \u{1F388}')
  })

  it('escapes every text from the board', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    const doc = parse(pictureSvg(input('<script>x</script>', ['A & B', '"/><image href="/x.png"/>'])))
    expect(doc.querySelector('script, image, foreignObject, [href]')).toBeNull()
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toContain('<script>x</script>')
    expect(texts).toContain('A & B')
    expect(texts).toContain('"/><image href="/x.png"/>')
  })

  it('is 1600×900 with the title, the lines and the zones, and shows votes as badges', () => {
    const doc = parse(pictureSvg(input('Sprint 42', ['Technik', 'Team'])))
    const svg = doc.documentElement
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['1600', '900', '0 0 1600 900'])
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Sprint 42', '29.01.2025', '3 Teilnehmende', 'Steigen', 'Technik', 'Team', '1', 'Unten halten', 'Einheizen', 'Mehr Pairing']))
    expect(texts).not.toContain('')
    // Steigen above the balloon, Unten halten below it, Einheizen by the burner (right of the centre).
    const y = (label: string) => Number([...doc.querySelectorAll('text')].find((t) => t.textContent === label)?.getAttribute('y'))
    const x = (label: string) => Number([...doc.querySelectorAll('text')].find((t) => t.textContent === label)?.getAttribute('x'))
    expect(y('Technik')).toBeLessThan(230)
    expect(y('Unten halten')).toBeGreaterThan(700)
    expect(x('Mehr Pairing')).toBeGreaterThan(800)
    expect(y('Mehr Pairing')).toBeGreaterThan(400)
    expect(y('Mehr Pairing')).toBeLessThan(700)
  })

  it('shows at most eight clusters above, the last place counting the rest', () => {
    const many = Array.from({ length: 11 }, (_, i) => `Cluster ${i + 1}`)
    const texts = [...parse(pictureSvg(input('T', many))).querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toContain('Cluster 7')
    expect(texts).not.toContain('Cluster 8')
    expect(texts).toContain('+ 4 weitere')
  })

  it('wraps long titles into two lines and cuts the rest with "…"', () => {
    expect(wrapText('kurz', 10, 2)).toEqual(['kurz'])
    expect(wrapText('eins zwei drei vier', 10, 2)).toEqual(['eins zwei', 'drei vier'])
    expect(wrapText('eins zwei drei vier fünf sechs', 10, 2)).toEqual(['eins zwei', 'drei vier…'])
    expect(wrapText('Donaudampfschifffahrtsgesellschaft', 10, 2)).toEqual(['Donaudampf', 'schifffah…'])
    for (const line of wrapText('a '.repeat(100), 10, 3)) expect(line.length).toBeLessThanOrEqual(10)
  })
})
