import { describe, expect, it } from 'vitest'
import { formatDay, formatNumber, plural, pluralCategory } from '../../../model/export/format'

describe('formatting through Intl', () => {
  it("writes numbers the language's way, small ones (remembered) exactly as Intl does", () => {
    for (const n of [0, 1, 7, 999, 1000, 12345, 2.5, -3]) {
      for (const [locale, tag] of [['de', 'de-DE'], ['en', 'en-GB']] as const) {
        expect(formatNumber(n, locale)).toBe(new Intl.NumberFormat(tag).format(n))
        expect(formatNumber(n, locale)).toBe(new Intl.NumberFormat(tag).format(n))
      }
    }
    expect(formatNumber(1000, 'de')).toBe('1.000')
    expect(formatNumber(1000, 'en')).toBe('1,000')
  })

  it('picks plural categories as Intl.PluralRules does', () => {
    for (const n of [0, 1, 2, 11, 21, 999, 1001, 1.5]) {
      expect(pluralCategory(n, 'de')).toBe(new Intl.PluralRules('de-DE').select(n))
      expect(pluralCategory(n, 'en')).toBe(new Intl.PluralRules('en-GB').select(n))
    }
    const votes = { zero: 'keine Stimme', one: '{count} Stimme', other: '{count} Stimmen' }
    expect([0, 1, 2, 1000].map((n) => plural(n, 'de', votes))).toEqual(['keine Stimme', '1 Stimme', '2 Stimmen', '1.000 Stimmen'])
  })

  it('writes a calendar day per language and leaves anything else alone', () => {
    expect(formatDay('2025-01-29', 'de')).toBe('29.01.2025')
    expect(formatDay('2025-01-29', 'en')).toBe('29 January 2025')
    expect(formatDay('2025-02-30', 'de')).toBe('2025-02-30')
  })
})
