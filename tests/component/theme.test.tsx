import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setLocale } from '../../client/store/locale'
import { setThemeChoice } from '../../client/store/theme'
import { resolveTheme } from '../../client/theme/theme'
import { TopBar } from '../../client/TopBar'

// jsdom has no matchMedia: a fake one whose answers the tests set, and whose changes they fire.
const media = vi.hoisted(() => {
  const matches = new Map<string, boolean>()
  const listeners = new Set<() => void>()
  window.matchMedia = (query: string) =>
    ({
      media: query,
      get matches() {
        return matches.get(query) === true
      },
      addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    }) as unknown as MediaQueryList
  return {
    set(query: string, value: boolean) {
      matches.set(query, value)
      for (const listener of listeners) listener()
    },
    reset: () => matches.clear(),
  }
})

const shown = () => document.documentElement.dataset.theme

beforeEach(() => {
  media.reset()
  setThemeChoice('system')
  localStorage.clear()
})

afterEach(() => media.reset())

describe('resolveTheme', () => {
  it('keeps an explicit choice; system follows more contrast first, then dark, else light', () => {
    const none = { dark: false, moreContrast: false }
    expect(resolveTheme('dark', { dark: false, moreContrast: true })).toBe('dark')
    expect(resolveTheme('contrast', none)).toBe('contrast')
    expect(resolveTheme('light', { dark: true, moreContrast: false })).toBe('light')
    expect(resolveTheme('system', none)).toBe('light')
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark')
    expect(resolveTheme('system', { dark: true, moreContrast: true })).toBe('contrast')
  })
})

describe('the Farbschema switch', () => {
  it('is a labelled select in the top bar that sets html[data-theme] and remembers the choice', async () => {
    const user = userEvent.setup()
    render(<TopBar />)
    const select = screen.getByRole('combobox', { name: 'Farbschema' })
    expect((select as HTMLSelectElement).value).toBe('system')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Wie im System', 'Hell', 'Dunkel', 'Hoher Kontrast'])
    expect(shown()).toBe('light')

    await user.selectOptions(select, 'Dunkel')
    expect(shown()).toBe('dark')
    expect(localStorage.getItem('ballonfahrt:theme')).toBe('dark')

    await user.selectOptions(select, 'Hoher Kontrast')
    expect(shown()).toBe('contrast')
    expect(localStorage.getItem('ballonfahrt:theme')).toBe('contrast')
  })

  it('"Wie im System" follows prefers-color-scheme, prefers-contrast and forced-colors as they change', async () => {
    const user = userEvent.setup()
    render(<TopBar />)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Farbschema' }), 'Wie im System')
    expect(localStorage.getItem('ballonfahrt:theme')).toBe('system')
    expect(shown()).toBe('light')
    act(() => media.set('(prefers-color-scheme: dark)', true))
    expect(shown()).toBe('dark')
    act(() => media.set('(forced-colors: active)', true))
    expect(shown()).toBe('contrast')
    act(() => media.set('(forced-colors: active)', false))
    act(() => media.set('(prefers-contrast: more)', true))
    expect(shown()).toBe('contrast')
    // An explicit choice is not overridden by the system.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Farbschema' }), 'Hell')
    act(() => media.set('(prefers-color-scheme: dark)', true))
    expect(shown()).toBe('light')
  })

  it('speaks English after switching the language', () => {
    render(<TopBar />)
    act(() => setLocale('en'))
    expect(screen.getByRole('combobox', { name: 'Colour scheme' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'High contrast' })).toBeTruthy()
  })
})

describe('before the first render', () => {
  it('applies the stored choice when the theme store is first imported (main.tsx imports it first)', async () => {
    localStorage.setItem('ballonfahrt:theme', 'contrast')
    delete document.documentElement.dataset.theme
    vi.resetModules()
    const fresh = await import('../../client/store/theme')
    expect(shown()).toBe('contrast')
    expect(fresh.useTheme.getState()).toEqual({ choice: 'contrast', theme: 'contrast' })

    localStorage.setItem('ballonfahrt:theme', 'nonsense')
    vi.resetModules()
    await import('../../client/store/theme')
    expect(shown()).toBe('light')
  })

  it('main.tsx imports the theme store before anything else', async () => {
    // The component project runs in jsdom (no file: import.meta.url); tests run from the repository root.
    const main = readFileSync('client/main.tsx', 'utf8')
    const imports = [...main.matchAll(/^import .*$/gm)].map((m) => m[0])
    expect(imports[0]).toBe("import './store/theme'")
  })
})

describe('the theme tokens in styles.css', () => {
  // Pairs the style sheets put on top of each other, with the ratio WCAG 2.1 AA asks for
  // (1.4.3 text 4.5:1; 1.4.11 controls, focus and highlight outlines 3:1).
  const PAIRS: readonly (readonly [string, string, number])[] = [
    ['--ink', '--paper', 4.5],
    ['--ink', '--sky', 4.5],
    ['--ink', '--surface', 4.5],
    ['--ink', '--note-bg', 4.5],
    ['--ink', '--draft-bg', 4.5],
    ['--ink', '--warn-bg', 4.5],
    ['--ink-soft', '--paper', 4.5],
    ['--ink-soft', '--sky', 4.5],
    ['--ink-soft', '--surface', 4.5],
    ['--ink-soft', '--draft-bg', 4.5],
    ['--accent', '--paper', 4.5],
    ['--accent', '--sky', 4.5],
    ['--accent', '--surface', 4.5],
    ['--accent', '--note-bg', 4.5],
    ['--accent', '--accent-soft', 4.5],
    ['--accent-ink', '--accent', 4.5],
    ['--accent-ink', '--accent-strong', 4.5],
    ['--danger', '--paper', 4.5],
    ['--danger', '--note-bg', 4.5],
    ['--danger', '--danger-soft', 4.5],
    ['--success', '--paper', 4.5],
    ['--success', '--surface', 4.5],
    ['--success-ink', '--success-strong', 4.5],
    ['--warn', '--warn-bg', 4.5],
    ['--warn', '--note-bg', 4.5],
    ['--warn-line', '--warn-bg', 3],
    ['--control', '--paper', 3],
    ['--control', '--surface', 3],
    ['--focus', '--paper', 3],
    ['--focus', '--sky', 3],
    ['--focus', '--surface', 3],
    ['--highlight', '--sky', 3],
    ['--highlight', '--surface', 3],
  ]
  const css = readFileSync('client/styles.css', 'utf8')

  it.each(['light', 'dark', 'contrast'])('%s meets AA for every pair', (theme) => {
    const start = css.indexOf(`html[data-theme='${theme}'] {`)
    const block = css.slice(start, css.indexOf('\n}', start))
    const vars = new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]))
    const low = PAIRS.filter(([fg, bg, need]) => contrast(vars.get(fg) ?? 'missing', vars.get(bg) ?? 'missing') < need).map(
      ([fg, bg, need]) => `${fg} ${vars.get(fg)} on ${bg} ${vars.get(bg)}: ${contrast(vars.get(fg) ?? '', vars.get(bg) ?? '').toFixed(2)} < ${need}`,
    )
    expect(low).toEqual([])
  })
})

function contrast(a: string, b: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(a) || !/^#[0-9a-f]{6}$/i.test(b)) return 0
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('client/public/theme-boot.js (runs before the first paint)', () => {
  const source = readFileSync('client/public/theme-boot.js', 'utf8')
  const QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)'] as const

  it('resolves every stored choice and system preference exactly as resolveTheme does', () => {
    const stored = ['light', 'dark', 'contrast', 'system', null, 'nonsense'] as const
    for (const choice of stored)
      for (let bits = 0; bits < 8; bits++) {
        media.reset()
        QUERIES.forEach((q, i) => media.set(q, (bits & (1 << i)) !== 0))
        if (choice === null) localStorage.removeItem('ballonfahrt:theme')
        else localStorage.setItem('ballonfahrt:theme', choice)
        delete document.documentElement.dataset.theme
        new Function(source)()
        const system = { dark: (bits & 1) !== 0, moreContrast: (bits & 6) !== 0 }
        const expected = resolveTheme(choice === 'light' || choice === 'dark' || choice === 'contrast' ? choice : 'system', system)
        expect(shown(), `${choice} with ${JSON.stringify(system)}`).toBe(expected)
      }
  })

  it('is loaded by index.html as an external script in <head>, before the app', () => {
    const html = readFileSync('client/index.html', 'utf8')
    const boot = html.indexOf('<script src="/theme-boot.js"></script>')
    expect(boot).toBeGreaterThan(-1)
    expect(boot).toBeLessThan(html.indexOf('</head>'))
    expect(boot).toBeLessThan(html.indexOf('/main.tsx'))
  })
})
