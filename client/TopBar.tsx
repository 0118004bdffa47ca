import { LanguageSwitch } from './i18n/LanguageSwitch'
import { useT } from './i18n/index'
import { ThemeSwitch } from './theme/ThemeSwitch'

/** The bar on pages outside a board: the product's name, the colour scheme and the language switch. */
export function TopBar() {
  const t = useT()
  return (
    <header className="topbar">
      <p className="topbar__brand">{t('app.name')}</p>
      <div className="topbar__tools">
        <ThemeSwitch />
        <LanguageSwitch />
      </div>
    </header>
  )
}
