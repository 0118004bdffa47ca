import { create } from 'zustand'
import { THEME_STORAGE_KEY, isThemeChoice, resolveTheme, systemPreference, watchSystemPreference } from '../theme/theme'
import type { Theme, ThemeChoice } from '../theme/theme'
import { oneOf, persistedPreference } from './preference'

const preference = persistedPreference(THEME_STORAGE_KEY, oneOf(isThemeChoice, 'system'))

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
export const useTheme = create<ThemeState>(() => apply(preference.read()))

/** Remembers the choice in this browser and shows it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  preference.write(choice)
  useTheme.setState(apply(choice))
}

/** Re-applies the stored choice (another tab changed it) or the system's (its settings changed). */
function refresh(): void {
  useTheme.setState(apply(preference.read()))
}

if (typeof window !== 'undefined') {
  watchSystemPreference(refresh)
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY) refresh()
  })
}
