import { describe, expect, it } from 'vitest'
import { translate } from '../../../client/i18n/index'
import type { Translate } from '../../../client/i18n/index'
import { reviewSummary } from '../../../client/series/reviewSummary'

/** The series table's Rückblick cell: words for 0, 1 and n, in German and English, never a row of zeros. */
const de: Translate = (key, params) => translate('de', key, params)
const en: Translate = (key, params) => translate('en', key, params)
const counts = (erledigt: number, laeuft: number, verworfen: number, offen: number) => ({ erledigt, laeuft, verworfen, offen })

describe('the Rückblick cell of the series table', () => {
  it('a meeting that carried nothing says so', () => {
    expect(reviewSummary(de, counts(0, 0, 0, 0))).toBe('keine Maßnahmen übernommen')
    expect(reviewSummary(en, counts(0, 0, 0, 0))).toBe('no actions carried over')
  })

  it('actions carried but not yet marked are counted as such, one and several', () => {
    expect(reviewSummary(de, counts(0, 0, 0, 1))).toBe('1 Maßnahme, noch nicht besprochen')
    expect(reviewSummary(de, counts(0, 0, 0, 3))).toBe('3 Maßnahmen, noch nicht besprochen')
    expect(reviewSummary(en, counts(0, 0, 0, 1))).toBe('1 action, not discussed yet')
    expect(reviewSummary(en, counts(0, 0, 0, 3))).toBe('3 actions, not discussed yet')
  })

  it('once something is marked, names only the outcomes that occur, with the verb in number', () => {
    expect(reviewSummary(de, counts(2, 1, 0, 1))).toBe('2 erledigt, 1 läuft, 1 noch nicht besprochen')
    expect(reviewSummary(de, counts(0, 2, 1, 0))).toBe('2 laufen, 1 verworfen')
    expect(reviewSummary(de, counts(1, 0, 0, 0))).toBe('1 erledigt')
    expect(reviewSummary(en, counts(2, 1, 0, 1))).toBe('2 done, 1 ongoing, 1 not discussed yet')
    expect(reviewSummary(en, counts(0, 2, 1, 0))).toBe('2 ongoing, 1 dropped')
    for (const t of [de, en]) expect(reviewSummary(t, counts(3, 0, 0, 2))).not.toMatch(/\b0\b/)
  })
})
