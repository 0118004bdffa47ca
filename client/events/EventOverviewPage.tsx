import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { formatDay } from '../../model/export/format'
import { useT } from '../i18n/index'
import { useLocale } from '../store/locale'
import type { MessageKey } from '../i18n/index'
import { TopBar } from '../TopBar'
import { loadOverview, switchRound } from './api'
import type { Loaded, Overview } from './api'
import { EventAccess } from './EventAccess'
import { takeEventToken } from './eventToken'
import { ForumRoundTable } from './ForumRoundTable'
import { ReportDownloads } from './ReportDownloads'
import './events.css'

/** How often the overview asks again: live enough for a day of forums, light for the server. */
const REFRESH_MS = 3000

/** `/v/<eventId>`: every forum round the token may see, asked again every few seconds. */
export function EventOverviewPage({ eventId }: { readonly eventId: string }) {
  const t = useT()
  const [token] = useState(() => takeEventToken(eventId))
  const [state, setState] = useState<Loaded<Overview>>({ status: 'loading' })
  const [updated, setUpdated] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  const locale = useLocale((s) => s.locale)
  const refresh = useCallback(async () => {
    if (!token) return
    const next = await loadOverview(eventId, token)
    setState((prev) => (next.status === 'failed' && prev.status === 'ready' ? prev : next))
    if (next.status === 'ready') setUpdated(new Date().toLocaleTimeString('de-DE'))
  }, [eventId, token])
  useEffect(() => {
    let timer: number | undefined
    let live = true
    const tick = async () => {
      await refresh()
      if (live) timer = window.setTimeout(() => void tick(), REFRESH_MS)
    }
    void tick()
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [refresh])
  useLayoutEffect(() => {
    if (state.status === 'ready') heading.current?.focus()
  }, [state.status])

  const problem: MessageKey | null = !token ? 'events.noToken' : state.status === 'unknown' ? 'events.noToken' : state.status === 'failed' ? 'events.failed' : null
  return (
    <>
      <TopBar />
      <main className="page event-page" id="main">
        {state.status === 'ready' && token ? (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {t('events.overviewHeading')}: {state.value.title}
            </h1>
            <p>{state.value.place ? t('events.when', { date: formatDay(state.value.date, locale), place: state.value.place }) : formatDay(state.value.date, locale)}</p>
            <p>{state.value.openRound === null ? t('events.noOpenRound') : t('events.openRound', { round: state.value.openRound })}</p>
            {state.value.organiser && <RoundSwitch eventId={eventId} token={token} overview={state.value} onChanged={refresh} />}
            <ForumRoundTable overview={state.value} />
            <p className="event-updated">{t('events.updated', { time: updated })}</p>
            <ReportDownloads eventId={eventId} token={token} />
            {state.value.eventCode && state.value.eventUrl && <EventAccess code={state.value.eventCode} url={state.value.eventUrl} />}
          </>
        ) : (
          <p role={problem ? 'alert' : 'status'}>{t(problem ?? 'events.loading')}</p>
        )}
      </main>
    </>
  )
}

function RoundSwitch({ eventId, token, overview, onChanged }: { readonly eventId: string; readonly token: string; readonly overview: Overview; readonly onChanged: () => Promise<void> }) {
  const t = useT()
  const choices: { readonly value: number | 'auto' | null; readonly stored: string; readonly label: string }[] = [
    { value: 'auto', stored: 'auto', label: t('events.switchAuto') },
    ...Array.from({ length: overview.rounds }, (_, i) => ({ value: i + 1, stored: String(i + 1), label: t('events.switchRound', { round: i + 1 }) })),
    { value: null, stored: 'closed', label: t('events.switchClosed') },
  ]
  return (
    <fieldset className="event-switch">
      <legend>{t('events.switchLegend')}</legend>
      {choices.map((c) => (
        <button
          key={c.stored}
          type="button"
          className="button"
          aria-pressed={overview.roundSwitch === c.stored}
          onClick={() => void switchRound(eventId, token, c.value).then(onChanged)}
        >
          {c.label}
        </button>
      ))}
    </fieldset>
  )
}
