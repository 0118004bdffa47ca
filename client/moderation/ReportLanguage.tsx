import { useId } from 'react'
import { LOCALES } from '../../model/zones'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { changeBoardLocale } from './boardLanguage'

/**
 * "Sprache des Ergebnisprotokolls": the board's language for its report and exports, one for
 * everybody, while each person keeps their own interface language.
 */
export function ReportLanguage() {
  const t = useT()
  const hintId = useId()
  const locale = useBoard((s) => s.locale)
  return (
    <fieldset className="settings__group" aria-describedby={hintId}>
      <legend>{t('settings.reportLanguage')}</legend>
      {LOCALES.map((option) => (
        <label key={option} className="settings__check">
          <input type="radio" name={`${hintId}-locale`} value={option} checked={locale === option} onChange={() => changeBoardLocale(option)} />
          <span lang={option}>{t(`language.name.${option}`)}</span>
        </label>
      ))}
      <p id={hintId} className="hint">
        {t('settings.reportLanguageHint')}
      </p>
    </fieldset>
  )
}
