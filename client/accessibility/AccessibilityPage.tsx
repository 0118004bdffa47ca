import { useEffect, useRef } from 'react'
import { useT } from '../i18n/index'
import { OPERATOR } from '../privacy/operator'
import { RouteLink } from '../report/RouteLink'
import { useLocale } from '../store/locale'
import { TopBar } from '../TopBar'
import { AccessibilityDe } from './AccessibilityDe'
import { AccessibilityEn } from './AccessibilityEn'
import '../privacy/privacyPage.css'

/** /barrierefreiheit (also /accessibility): the accessibility statement, in the interface's language. */
export function AccessibilityPage() {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const heading = useRef<HTMLHeadingElement>(null)
  const site = window.location.origin

  // Arriving from the footer at the bottom of a page: start at the top, and tell screen readers where they are.
  useEffect(() => {
    window.scrollTo(0, 0)
    heading.current?.focus()
  }, [])

  return (
    <div className="page accessibility">
      <TopBar />
      <main className="privacy__main card">
        {locale === 'en' ? (
          <AccessibilityEn heading={heading} operator={OPERATOR} site={site} />
        ) : (
          <AccessibilityDe heading={heading} operator={OPERATOR} site={site} />
        )}
        <p>
          <RouteLink to="/">{t('privacy.back')}</RouteLink>
        </p>
      </main>
    </div>
  )
}
