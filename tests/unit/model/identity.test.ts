import { describe, expect, it } from 'vitest'
import { normaliseName } from '../../../model/identity'
import { LIMITS } from '../../../model/limits'

describe('display names (normaliseName)', () => {
  it('composes to NFC: a decomposed "Jürgen" equals the composed one', () => {
    expect(normaliseName('Ju\u0308rgen')).toBe('Jürgen')
    expect(normaliseName('Ju\u0308rgen')).toBe(normaliseName('J\u00fcrgen'))
  })

  it('drops bidi overrides, embeddings, isolates and marks: a name cannot read backwards', () => {
    // U+202E turns "noitaredom" into what a screen shows as "moderation".
    expect(normaliseName('\u202Enoitaredom')).toBe('noitaredom')
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'])
      expect(normaliseName(`Anna${c}Berg`)).toBe('AnnaBerg')
  })

  it('drops zero-width characters and controls, and folds white space', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0007', '\u0000', '\u009B'])
      expect(normaliseName(`Mo${c}deration`)).toBe('Moderation')
    expect(normaliseName('  Anna \t\n  Berg  ')).toBe('Anna Berg')
  })

  it('keeps at most LIMITS.nameLength characters and never half an emoji', () => {
    expect(normaliseName('x'.repeat(500))).toHaveLength(LIMITS.nameLength)
    const cut = normaliseName(`${'a'.repeat(LIMITS.nameLength - 1)}😀`)
    expect(cut).toBe('a'.repeat(LIMITS.nameLength - 1))
  })
})
