import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { EventReport } from '../../model/export/event/eventReport'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { eventPath, navigate } from '../router'
import { TopBar } from '../TopBar'
import { loadEventReport } from './api'
import type { Loaded } from './api'
import { takeEventToken } from './eventToken'
import { EventReportView } from './EventReportView'
import './events.css'

/**
 * `/v/<eventId>/bericht`: the combined report as a page to read, print or save as PDF. The
 * organiser's token shows every forum, a forum host's their forum only (the server decides).
 */
export function EventReportPage({ eventId }: { readonly eventId: string }) {
  const t = useT()
  const [token] = useState(() => takeEventToken(eventId))
  const [state, setState] = useState<Loaded<EventReport>>({ status: 'loading' })
  const main = useRef<HTMLElement>(null)
  useEffect(() => {
    if (!token) return
    let live = true
    void loadEventReport(eventId, token).then((next) => live && setState(next))
    return () => {
      live = false
    }
  }, [eventId, token])
  useLayoutEffect(() => {
    if (state.status === 'ready') main.current?.querySelector('h1')?.focus()
  }, [state.status])

  const problem: MessageKey | null = !token || state.status === 'unknown' ? 'events.noToken' : state.status === 'failed' ? 'events.failed' : null
  return (
    <>
      <TopBar />
      <main className="page event-page" id="main" ref={main}>
        <div className="event-report__tools">
          <a
            href={eventPath(eventId)}
            onClick={(e) => {
              e.preventDefault()
              navigate(eventPath(eventId))
            }}
          >
            {t('events.backToOverview')}
          </a>
          {state.status === 'ready' && (
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('events.print')}
            </button>
          )}
        </div>
        {state.status === 'ready' && token ? <EventReportView report={state.value} /> : <p role={problem ? 'alert' : 'status'}>{t(problem ?? 'events.loading')}</p>}
      </main>
    </>
  )
}
