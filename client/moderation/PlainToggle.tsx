import { useId } from 'react'
import { useT } from '../i18n/index'
import { setPlainLanguage, usePlainLanguage } from './plainLanguage'

/** "Leichte Sprache": a toggle button for this person only, next to the instructions it changes. */
export function PlainToggle() {
  const t = useT()
  const hintId = useId()
  const plain = usePlainLanguage((s) => s.plain)
  return (
    <span className="plain-toggle">
      <button type="button" className="button button--small button--quiet" aria-pressed={plain} aria-describedby={hintId} onClick={() => setPlainLanguage(!plain)}>
        {t('plain.toggle')}
      </button>
      <span id={hintId} hidden>
        {t('plain.toggleHint')}
      </span>
    </span>
  )
}
