import { describe, expect, it } from 'vitest'
import { toDocx } from '../../../model/export/docx'
import { ZONE_IDS } from '../../../model/zones'
import { readDocx } from '../../helpers/docxText'
import { fixtureData, fixtureView } from '../../helpers/exportBoard'

interface Group {
  cluster: string | null
  notes: string[]
}

const data = fixtureData()
const zones = data.zones as Record<string, Group[]>

describe('DOCX export', async () => {
  const bytes = await toDocx(fixtureView(), 'de')
  const docx = readDocx(bytes)
  const byStyle = (style: string): string[] => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text)

  it('is a zip with the parts Word needs', () => {
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b])
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
      expect(docx.files[part], part).toBeDefined()
    }
  })

  it('uses the real heading styles, defined in styles.xml', () => {
    expect(byStyle('Heading1')).toEqual(['Siebtes Austausch- und Vernetzungstreffen – Reflexion'])
    expect(byStyle('Heading2')).toEqual([
      'Förderliche Faktoren (Steigen)',
      'Hemmende Faktoren (Unten halten)',
      'Impulse / nächste Schritte (Einheizen)',
      'Maßnahmen',
      'Fazit',
    ])
    for (const z of ZONE_IDS) {
      for (const g of zones[z] ?? []) if (g.cluster !== null) expect(byStyle('Heading3').some((h) => h.startsWith(`${g.cluster} (`))).toBe(true)
    }
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(docx.styles).toContain(`w:styleId="${id}"`)
  })

  it('has date, topic, every note as a bullet and the questions', () => {
    const texts = docx.paragraphs.map((p) => p.text)
    expect(texts).toContain('Datum: 29.01.2025')
    expect(texts).toContain('Thema: Präventionskettenarbeit')
    expect(texts).toContain('Was lässt uns in der Präventionskettenarbeit steigen?')
    const bullets = [...docx.document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr>[\s\S]*?<\/w:p>/g)].length
    const notes = ZONE_IDS.flatMap((z) => (zones[z] ?? []).flatMap((g) => g.notes))
    expect(bullets).toBe(notes.length)
    for (const note of notes) expect(texts).toContain(note)
  })

  it('has the actions as a table with a header row', () => {
    expect(docx.document).toContain('<w:tblHeader/>')
    const texts = docx.paragraphs.map((p) => p.text)
    for (const header of ['Was', 'Wer', 'Bis wann', 'Bezug', 'Erledigt']) expect(texts).toContain(header)
    for (const action of data.actions as { what: string; who: string }[]) {
      expect(texts).toContain(action.what)
      expect(texts).toContain(action.who)
    }
    expect(texts).toContain('31.03.2025')
  })

  it('is set in German (document defaults and runs)', () => {
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="de-DE"\/>[\s\S]*<\/w:docDefaults>/)
    expect(docx.document).toContain('<w:lang w:val="de-DE"/>')
    expect(docx.document).not.toContain('en-US')
  })

  it('is English for locale en', async () => {
    const en = readDocx(await toDocx(fixtureView(), 'en'))
    expect(en.styles).toContain('<w:lang w:val="en-GB"/>')
    expect(en.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)[0]).toBe('Supporting factors (Lift)')
  })
})
