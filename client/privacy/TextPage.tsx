import { useLayoutEffect, useRef } from 'react'
import type { ReactNode, RefObject } from 'react'
import type { Locale } from '../../model/zones'
import { useT } from '../i18n/index'
import type { Operator } from './operator'
import { OperatorStatus } from './OperatorStatus'
import { useOperator } from './useOperator'
import type { OperatorState } from './useOperator'
import { RouteLink } from '../report/RouteLink'
import { useLocale } from '../store/locale'
import { TopBar } from '../TopBar'
import './privacyPage.css'

/** The text once the operator's details are there; until then, or when they failed, what is happening. */
function body(state: OperatorState, locale: Locale, heading: RefObject<HTMLHeadingElement | null>, text: Props['text']): ReactNode {
  return state.status === 'ready' ? text(locale, heading, state.operator) : <OperatorStatus failed={state.status === 'failed'} />
}

interface Props {
  /** The page's own class next to `page`. */
  readonly className: string
  /** The text in the interface's language, with the operator's details from the server; its h1 takes `heading`. */
  readonly text: (locale: Locale, heading: RefObject<HTMLHeadingElement | null>, operator: Operator) => ReactNode
}

/**
 * A page of text reached from the footer (Datenschutz, Barrierefreiheit), with a way back to the
 * start. Both name the operator, whose details the running server answers (useOperator): while
 * they load, or when they could not be loaded, the page says so instead of the text.
 */
export function TextPage({ className, text }: Props) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const heading = useRef<HTMLHeadingElement>(null)
  const state = useOperator()
  const ready = state.status === 'ready'

  // Arriving from a footer link at the bottom of a page: start at the top, and tell screen
  // readers where they are (once the text with its heading is there).
  useLayoutEffect(() => {
    window.scrollTo(0, 0)
    heading.current?.focus()
  }, [ready])

  return (
    <div className={`page ${className}`}>
      <TopBar />
      <main className="privacy__main card">
        {body(state, locale, heading, text)}
        <p>
          <RouteLink to="/">{t('privacy.back')}</RouteLink>
        </p>
      </main>
    </div>
  )
}
