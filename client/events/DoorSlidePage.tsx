import { useEffect, useState } from 'react'
import { formatDay } from '../../model/export/format'
import { useT } from '../i18n/index'
import { QrCode } from '../joining/QrCode'
import { eventCodePath } from '../router'
import { useLocale } from '../store/locale'
import { TopBar } from '../TopBar'
import { offeredForums } from './api'
import { normaliseEventCode } from './eventCode'
import type { Loaded, OfferedForums } from './api'
import './events.css'

/**
 * `/e/<code>/aushang`: a page to print for the door or show as a slide: the event code as a QR
 * code (drawn here, no outside service), and the same code and link as text for those who cannot
 * scan. It holds nothing secret: the code is the one on the programme.
 */
export function DoorSlidePage({ code }: { readonly code: string }) {
  const t = useT()
  const shown = normaliseEventCode(code) ?? code
  const [state, setState] = useState<Loaded<OfferedForums>>({ status: 'loading' })
  const locale = useLocale((s) => s.locale)
  useEffect(() => {
    let live = true
    void offeredForums(shown).then((next) => live && setState(next))
    return () => {
      live = false
    }
  }, [shown])

  if (state.status !== 'ready')
    return (
      <>
        <TopBar />
        <main className="page event-page" id="main">
          <p role={state.status === 'loading' ? 'status' : 'alert'}>{t(state.status === 'loading' ? 'events.loading' : state.status === 'unknown' ? 'events.unknown' : 'events.failed')}</p>
        </main>
      </>
    )
  const url = `${window.location.origin}${eventCodePath(shown)}`
  const date = formatDay(state.value.date, locale)
  return (
    <>
      <TopBar />
      <main className="page event-page door" id="main">
        <h1>{state.value.title}</h1>
        <p className="door__when">{state.value.place ? t('events.when', { date, place: state.value.place }) : date}</p>
        <h2>{t('events.doorHeading')}</h2>
        <div className="door__body">
          <div className="door__qr">
            <QrCode url={url} />
          </div>
          <div className="door__text">
            <p>{t('events.doorScan')}</p>
            <p className="door__link">{url}</p>
            <p>{t('events.doorCode')}</p>
            <p className="door__code">{shown}</p>
          </div>
        </div>
        <button type="button" className="button button--primary door__print" onClick={() => window.print()}>
          {t('events.print')}
        </button>
      </main>
    </>
  )
}
