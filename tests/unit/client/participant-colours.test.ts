import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PARTICIPANT_SHAPES, initialsOf } from '../../../client/theme/participant'

// The initials, and the palettes in styles.css (the looks by seat: participant-look.test.ts):
// >= 3:1 against the theme's paper and notes, and apart for colour-blind viewers (simulated
// protanopia, deuteranopia, tritanopia).

const CSS = readFileSync(new URL('../../../client/styles.css', import.meta.url), 'utf8')
const THEMES = ['light', 'dark', 'contrast'] as const

/** The custom properties of one theme's block (light is `:root, html[data-theme='light']`). */
function themeVars(theme: (typeof THEMES)[number]): Map<string, string> {
  const start = CSS.indexOf(`html[data-theme='${theme}'] {`)
  expect(start, `styles.css has a block for ${theme}`).toBeGreaterThan(-1)
  const block = CSS.slice(start, CSS.indexOf('\n}', start))
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]))
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
function rgb(hex: string): [number, number, number] {
  expect(hex, 'a #rrggbb colour').toMatch(/^#[0-9a-f]{6}$/i)
  return [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number]
}
const luminance = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
const DEFICIENCIES: Readonly<Record<string, readonly (readonly number[])[]>> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
}
function simulate(m: readonly (readonly number[])[], c: readonly number[]): number[] {
  return m.map((row) => Math.min(1, Math.max(0, row[0]! * c[0]! + row[1]! * c[1]! + row[2]! * c[2]!)))
}
function lab([r, g, b]: readonly number[]): [number, number, number] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  const x = f((0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047)
  const y = f(0.2126 * r! + 0.7152 * g! + 0.0722 * b!)
  const z = f((0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}
function deltaE(a: readonly number[], b: readonly number[]): number {
  const [p, q] = [lab(a), lab(b)]
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}

describe('initialsOf', () => {
  it('takes the first letters of the first and last word, or two letters of one word', () => {
    expect(initialsOf('Anna Berg')).toBe('AB')
    expect(initialsOf('  maria  von der Heide ')).toBe('MH')
    expect(initialsOf('ben')).toBe('BE')
    expect(initialsOf('Özlem Çelik')).toBe('ÖÇ')
    expect(initialsOf('(Moderation)')).toBe('MO')
    expect(initialsOf('')).toBe('')
    expect(initialsOf('   ')).toBe('')
  })
})

describe.each(THEMES)('the %s palette in styles.css', (theme) => {
  const vars = themeVars(theme)
  const palette = PARTICIPANT_SHAPES.map((_, i) => vars.get(`--participant-${i}`) ?? '')

  it('defines a colour for every slot, >= 3:1 against paper and notes (the shape is a non-text element)', () => {
    for (const background of ['--paper', '--note-bg']) {
      const bg = vars.get(background)!
      for (const [i, colour] of palette.entries()) expect(contrast(colour, bg), `slot ${i} ${colour} on ${background} ${bg}`).toBeGreaterThanOrEqual(3)
    }
  })

  it('keeps every pair of colours apart (ΔE >= 10) with normal vision and the three simulated dichromacies', () => {
    const matrices = { normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], ...DEFICIENCIES }
    for (const [name, m] of Object.entries(matrices)) {
      for (let i = 0; i < palette.length; i++)
        for (let j = i + 1; j < palette.length; j++) {
          const d = deltaE(simulate(m, rgb(palette[i]!)), simulate(m, rgb(palette[j]!)))
          expect(d, `${name}: ${palette[i]} vs ${palette[j]}`).toBeGreaterThanOrEqual(10)
        }
    }
  })
})
