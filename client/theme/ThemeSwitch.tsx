import { useId } from 'react'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { setThemeChoice, useTheme } from '../store/theme'
import { THEME_CHOICES, isThemeChoice } from './theme'
import type { ThemeChoice } from './theme'

const LABELS: Readonly<Record<ThemeChoice, MessageKey>> = {
  system: 'theme.system',
  light: 'theme.light',
  dark: 'theme.dark',
  contrast: 'theme.contrast',
}

/** "Farbschema": a native select, so every screen reader and phone knows how to use it. */
export function ThemeSwitch() {
  const t = useT()
  const id = useId()
  const choice = useTheme((s) => s.choice)
  return (
    <span className="theme-switch">
      <label htmlFor={id} className="theme-switch__label">
        {t('theme.label')}
      </label>
      <select
        id={id}
        className="theme-switch__select"
        value={choice}
        onChange={(event) => {
          if (isThemeChoice(event.target.value)) setThemeChoice(event.target.value)
        }}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {t(LABELS[value])}
          </option>
        ))}
      </select>
    </span>
  )
}
