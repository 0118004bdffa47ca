import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { formatDay } from '../../model/export/format'
import { useT } from '../i18n/index'
import { useLocale } from '../store/locale'
import { boardPath, navigate } from '../router'
import { TopBar } from '../TopBar'
import { offeredForums } from './api'
import type { Loaded, OfferedForums } from './api'
import './events.css'

/**
 * `/e/<code>`: the event code's page (from the programme, the QR code at the door). It offers the
 * forums of the round that is open now; choosing one joins its board the usual way.
 */
export function EventJoinPage({ code }: { readonly code: string }) {
  const t = useT()
  const [state, setState] = useState<Loaded<OfferedForums>>({ status: 'loading' })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    let live = true
    void offeredForums(code).then((next) => live && setState(next))
    return () => {
      live = false
    }
  }, [code])
  useLayoutEffect(() => {
    if (state.status !== 'loading') heading.current?.focus()
  }, [state.status])

  return (
    <>
      <TopBar />
      <main className="page event-page" id="main">
        {state.status === 'ready' ? (
          <Offered event={state.value} heading={heading} />
        ) : (
          <p role={state.status === 'loading' ? 'status' : 'alert'}>
            {t(state.status === 'loading' ? 'events.loading' : state.status === 'unknown' ? 'events.unknown' : 'events.failed')}
          </p>
        )}
      </main>
    </>
  )
}

function Offered({ event, heading }: { readonly event: OfferedForums; readonly heading: React.RefObject<HTMLHeadingElement | null> }) {
  const t = useT()
  const date = formatDay(event.date, useLocale((s) => s.locale))
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {event.title}
      </h1>
      <p>{event.place ? t('events.when', { date, place: event.place }) : date}</p>
      <section aria-labelledby="event-choose">
        <h2 id="event-choose">{t('events.chooseHeading')}</h2>
        {event.openRound === null ? (
          <p role="status">{t('events.noRound')}</p>
        ) : (
          <>
            <p>{t('events.chooseHint', { round: event.openRound })}</p>
            <ul className="event-forums">
              {event.forums.map((f) => (
                <li key={f.boardId}>
                  <a
                    className="button event-forums__choice"
                    href={boardPath(f.boardId)}
                    onClick={(e) => {
                      e.preventDefault()
                      navigate(boardPath(f.boardId))
                    }}
                  >
                    {f.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}
