import { useId } from 'react'
import { useT } from '../i18n/index'
import { setPlainLanguage, usePlainLanguage } from '../store/plainLanguage'

/**
 * "Leichte Sprache": a checkbox for this person only, next to the instructions it changes. A
 * native checkbox, so that on or off is visible without relying on colour.
 */
export function PlainToggle() {
  const t = useT()
  const hintId = useId()
  const plain = usePlainLanguage((s) => s.plain)
  return (
    <label className="settings__check plain-toggle">
      <input type="checkbox" checked={plain} aria-describedby={hintId} onChange={(e) => setPlainLanguage(e.target.checked)} />
      {t('plain.toggle')}
      <span id={hintId} hidden>
        {t('plain.toggleHint')}
      </span>
    </label>
  )
}
