import { LanguageSwitch } from './i18n/LanguageSwitch'
import { useT } from './i18n/index'

/** The bar on pages outside a board: the product's name and the language switch. */
export function TopBar() {
  const t = useT()
  return (
    <header className="topbar">
      <p className="topbar__brand">{t('app.name')}</p>
      <LanguageSwitch />
    </header>
  )
}
