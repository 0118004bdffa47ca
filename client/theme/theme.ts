/**
 * The colour schemes and how a choice resolves against the system's settings; the store that
 * applies them is client/store/theme.ts, public/theme-boot.js decides the same way before the
 * first paint.
 */

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

/** Calls `listener` whenever the system's colour or contrast settings change. */
export function watchSystemPreference(listener: () => void): void {
  for (const q of QUERIES) query(q)?.addEventListener('change', listener)
}
