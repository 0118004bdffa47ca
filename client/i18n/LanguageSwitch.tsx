import { useT } from './index'
import { setLocale, useLocale } from '../store/locale'

/** Switches the interface between German and English; the label is in the target language. */
export function LanguageSwitch() {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  return (
    <button type="button" className="button button--quiet" onClick={() => setLocale(locale === 'de' ? 'en' : 'de')}>
      <span lang={t('language.switchLang')}>{t('language.switch')}</span>
    </button>
  )
}
