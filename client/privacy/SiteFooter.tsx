import { useT } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { PRIVACY_PATH } from '../router'
import './privacy.css'

/** The small footer on every page: the privacy notice. */
export function SiteFooter() {
  const t = useT()
  return (
    <footer className="site-footer" aria-label={t('privacy.footer')}>
      <RouteLink to={PRIVACY_PATH}>{t('privacy.link')}</RouteLink>
    </footer>
  )
}
