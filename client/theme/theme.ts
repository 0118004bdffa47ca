import { create } from 'zustand'

/** What the page shows: `document.documentElement.dataset.theme` (other modules rely on it). */
export type Theme = 'light' | 'dark' | 'contrast'
/** What the person chose; `system` follows the operating system's settings. */
export type ThemeChoice = Theme | 'system'

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast']
export const THEME_STORAGE_KEY = 'ballonfahrt:theme'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value)
}

/** What the operating system asks for, as far as it matters to the theme. */
export interface SystemPreference {
  readonly dark: boolean
  /** `prefers-contrast: more` or `forced-colors: active`. */
  readonly moreContrast: boolean
}

/** The theme a choice stands for; more contrast wins over dark, since it is the stronger need. */
export function resolveTheme(choice: ThemeChoice, system: SystemPreference): Theme {
  if (choice !== 'system') return choice
  if (system.moreContrast) return 'contrast'
  return system.dark ? 'dark' : 'light'
}

function query(media: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(media) : null
}

const QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)'] as const

export function systemPreference(): SystemPreference {
  const [dark, more, forced] = QUERIES.map((q) => query(q)?.matches === true)
  return { dark: dark === true, moreContrast: more === true || forced === true }
}

export function storedThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY)
    return isThemeChoice(value) ? value : 'system'
  } catch {
    return 'system'
  }
}

export interface ThemeState {
  readonly choice: ThemeChoice
  readonly theme: Theme
}

function apply(choice: ThemeChoice): ThemeState {
  const theme = resolveTheme(choice, systemPreference())
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme
  return { choice, theme }
}

/** The chosen and the shown theme. Created (and applied to <html>) when this module is first imported. */
export const useTheme = create<ThemeState>(() => apply(storedThemeChoice()))

/** Remembers the choice in this browser and shows it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Not remembered in private mode; the switch still works for this page.
  }
  useTheme.setState(apply(choice))
}

/** Re-applies the stored choice (another tab changed it) or the system's (its settings changed). */
function refresh(): void {
  useTheme.setState(apply(storedThemeChoice()))
}

if (typeof window !== 'undefined') {
  for (const q of QUERIES) query(q)?.addEventListener('change', refresh)
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY) refresh()
  })
}
