import { useEffect, useRef } from 'react'
import type { ReactNode, RefObject } from 'react'
import type { Locale } from '../../model/zones'
import { useT } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { useLocale } from '../store/locale'
import { TopBar } from '../TopBar'
import './privacyPage.css'

interface Props {
  /** The page's own class next to `page`. */
  readonly className: string
  /** The text in the interface's language; its h1 takes `heading`. */
  readonly text: (locale: Locale, heading: RefObject<HTMLHeadingElement | null>) => ReactNode
}

/** A page of text reached from the footer (Datenschutz, Barrierefreiheit), with a way back to the start. */
export function TextPage({ className, text }: Props) {
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
    <div className={`page ${className}`}>
      <TopBar />
      <main className="privacy__main card">
        {text(locale, heading)}
        <p>
          <RouteLink to="/">{t('privacy.back')}</RouteLink>
        </p>
      </main>
    </div>
  )
}
