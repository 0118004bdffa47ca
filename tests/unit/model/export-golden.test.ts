import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../model/export/csv'
import { toJson } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { toHtml, toPlainText } from '../../../model/export/text'
import { fixtureView, golden } from '../../helpers/exportBoard'

// The golden files were written once from the implementation and reviewed by hand; this test only
// compares. After a deliberate change of a format, rewrite the file and review its diff.
describe('golden files of the demo board (server/demo/praeventionsketten-2025.json)', () => {
  const view = fixtureView()

  it('Markdown (de, en)', () => {
    expect(toMarkdown(view, 'de')).toBe(golden('praeventionsketten.md'))
    expect(toMarkdown(view, 'en')).toBe(golden('praeventionsketten.en.md'))
  })

  it('CSV with comma and with semicolon', () => {
    expect(toCsv(view, { separator: ',', locale: 'de' })).toBe(golden('praeventionsketten.comma.csv'))
    expect(toCsv(view, { separator: ';', locale: 'de' })).toBe(golden('praeventionsketten.semicolon.csv'))
  })

  it('plain text and HTML', () => {
    expect(toPlainText(view, 'de')).toBe(golden('praeventionsketten.txt'))
    expect(toHtml(view, 'de')).toBe(golden('praeventionsketten.html'))
  })

  it('JSON board file', () => {
    expect(toJson(view)).toBe(golden('praeventionsketten.json'))
  })
})
