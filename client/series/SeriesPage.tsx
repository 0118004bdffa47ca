import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { formatDay } from '../../model/export/format'
import type { SeriesMeeting } from '../../model/series'
import { ZONES, ZONE_IDS } from '../../model/zones'
import { useT } from '../i18n/index'
import type { MessageKey } from '../i18n/index'
import { RouteLink } from '../report/RouteLink'
import { reportPath } from '../router'
import { useLocale } from '../store/locale'
import { loadCredentials } from '../sync/credentials'
import { TopBar } from '../TopBar'
import { loadSeries } from './api'
import type { SeriesAnswer } from './api'
import { reviewSummary } from './reviewSummary'
import { TrendPicture, liftValue } from './TrendPicture'
import './series.css'

/**
 * `/b/<boardId>/reihe`: the meetings of the board's series side by side (model/series.ts), for
 * the moderator of any of them (the token this browser keeps for the board).
 */
export function SeriesPage({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const [token] = useState(() => loadCredentials(boardId).moderatorToken)
  const [state, setState] = useState<SeriesAnswer | { readonly status: 'loading' }>({ status: 'loading' })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!token) return
    let live = true
    void loadSeries(boardId, token).then((answer) => live && setState(answer))
    return () => {
      live = false
    }
  }, [boardId, token])
  useLayoutEffect(() => {
    if (state.status === 'ready') heading.current?.focus()
  }, [state.status])
  const problem: MessageKey | null = !token ? 'series.noToken' : state.status === 'forbidden' ? 'series.forbidden' : state.status === 'failed' ? 'series.failed' : null
  return (
    <>
      <TopBar />
      <main className="page series-page" id="main">
        {state.status === 'ready' ? (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {t('series.title')}: {state.value.meetings.at(-1)?.title ?? ''}
            </h1>
            <p>{t('series.intro')}</p>
            <MeetingTable meetings={state.value.meetings} current={state.value.current} />
            <h2>{t('series.trendHeading')}</h2>
            <figure className="series-trend__figure">
              <TrendPicture meetings={state.value.meetings} />
              <figcaption>{t('series.trendText')}</figcaption>
            </figure>
            <Themes meetings={state.value.meetings} />
          </>
        ) : (
          <p role={problem ? 'alert' : 'status'}>{t(problem ?? 'series.loading')}</p>
        )}
        <p>
          <RouteLink to={reportPath(boardId)}>{t('series.back')}</RouteLink>
        </p>
      </main>
    </>
  )
}

function MeetingTable({ meetings, current }: { readonly meetings: readonly SeriesMeeting[]; readonly current: number }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  return (
    <div className="series-page__scroll">
      <table className="series-table">
        <caption>{t('series.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('series.number')}</th>
            <th scope="col">{t('series.date')}</th>
            <th scope="col">{t('series.institutions')}</th>
            <th scope="col">{t('series.lift')}</th>
            <th scope="col">{t('series.review')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => {
            const lift = liftValue(m)
            return (
              <tr key={m.number} aria-current={m.number === current ? 'true' : undefined}>
                <th scope="row">
                  {m.number} {m.number === current && <span className="series-table__current">{t('series.current')}</span>}
                </th>
                <td>{m.date ? formatDay(m.date, locale) : ''}</td>
                <td>{m.institutions}</td>
                <td>{lift === null ? t('series.liftOpen') : lift > 0 ? `+${lift}` : String(lift)}</td>
                <td>{reviewSummary(t, m.review)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function Themes({ meetings }: { readonly meetings: readonly SeriesMeeting[] }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  return (
    <>
      <h2>{t('series.themesHeading')}</h2>
      <p className="series-page__rule">{t('series.rule')}</p>
      {meetings.map((m) => (
        <section key={m.number} className="series-themes" aria-labelledby={`series-meeting-${m.number}`}>
          <h3 id={`series-meeting-${m.number}`}>
            {t('series.number')} {m.number}
            {m.date ? ` – ${formatDay(m.date, locale)}` : ''}
          </h3>
          <dl className="series-themes__zones">
            {ZONE_IDS.map((zone) => (
              <div key={zone}>
                <dt>{ZONES[zone].title[locale]}</dt>
                <dd>
                  {m.top[zone].length === 0 ? (
                    t('series.noThemes')
                  ) : (
                    <ul>
                      {m.top[zone].map((theme, i) => (
                        <li key={i}>
                          {theme.title}{' '}
                          <span className={`series-badge series-badge--${theme.recurring ? 'again' : 'new'}`}>
                            {t(theme.recurring ? 'series.again' : 'series.new')}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  )
}
