import { useT } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { ACCESSIBILITY_PATH, PRIVACY_PATH } from '../router'
import './privacy.css'

/** The small footer on every page: the privacy notice and the accessibility statement. */
export function SiteFooter() {
  const t = useT()
  return (
    <footer className="site-footer" aria-label={t('privacy.footer')}>
      <RouteLink to={PRIVACY_PATH}>{t('privacy.link')}</RouteLink>
      <span aria-hidden="true"> · </span>
      <RouteLink to={ACCESSIBILITY_PATH}>{t('accessibility.link')}</RouteLink>
    </footer>
  )
}
