import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TopBar } from '../../client/TopBar'
import { setLocale } from '../../client/i18n/index'
import { resolveTheme, setThemeChoice } from '../../client/theme/theme'

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
  it('applies the stored choice when the theme module is first imported (main.tsx imports it first)', async () => {
    localStorage.setItem('ballonfahrt:theme', 'contrast')
    delete document.documentElement.dataset.theme
    vi.resetModules()
    const fresh = await import('../../client/theme/theme')
    expect(shown()).toBe('contrast')
    expect(fresh.useTheme.getState()).toEqual({ choice: 'contrast', theme: 'contrast' })

    localStorage.setItem('ballonfahrt:theme', 'nonsense')
    vi.resetModules()
    await import('../../client/theme/theme')
    expect(shown()).toBe('light')
  })

  it('main.tsx imports the theme module before anything else', async () => {
    const { readFileSync } = await import('node:fs')
    // The component project runs in jsdom (no file: import.meta.url); tests run from the repository root.
    const main = readFileSync('client/main.tsx', 'utf8')
    const imports = [...main.matchAll(/^import .*$/gm)].map((m) => m[0])
    expect(imports[0]).toBe("import './theme/theme'")
  })
})
