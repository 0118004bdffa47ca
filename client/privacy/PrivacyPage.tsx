import { useEffect, useRef } from 'react'
import { useT } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { useLocale } from '../store/locale'
import { TopBar } from '../TopBar'
import { OPERATOR } from './operator'
import { PrivacyDe } from './PrivacyDe'
import { PrivacyEn } from './PrivacyEn'
import './privacyPage.css'

/** /datenschutz: the privacy notice, in the interface's language. */
export function PrivacyPage() {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const heading = useRef<HTMLHeadingElement>(null)

  // Arriving from a footer link at the bottom of a page: start at the top, and tell screen
  // readers where they are.
  useEffect(() => {
    window.scrollTo(0, 0)
    heading.current?.focus()
  }, [])

  return (
    <div className="page privacy">
      <TopBar />
      <main className="privacy__main card">
        {locale === 'en' ? <PrivacyEn heading={heading} operator={OPERATOR} /> : <PrivacyDe heading={heading} operator={OPERATOR} />}
        <p>
          <RouteLink to="/">{t('privacy.back')}</RouteLink>
        </p>
      </main>
    </div>
  )
}
