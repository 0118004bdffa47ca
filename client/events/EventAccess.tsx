import { useT } from '../i18n/index'
import { QrCode } from '../joining/QrCode'
import { doorSlidePath, navigate } from '../router'
import { normaliseEventCode } from './eventCode'

/** The organiser's way in for participants: the event code as QR code, as text and as a link, and the slide for the door. */
export function EventAccess({ code, url }: { readonly code: string; readonly url: string }) {
  const t = useT()
  const slide = doorSlidePath(normaliseEventCode(code) ?? code)
  return (
    <section className="event-access" aria-labelledby="event-access">
      <h2 id="event-access">{t('events.accessHeading')}</h2>
      <div className="event-access__body">
        <div className="event-access__qr">
          <QrCode url={url} />
        </div>
        <div>
          <p>{t('events.code', { code })}</p>
          <p>
            {t('events.accessLink')} <span className="event-access__url">{url}</span>
          </p>
          <p>
            <a
              href={slide}
              onClick={(e) => {
                e.preventDefault()
                navigate(slide)
              }}
            >
              {t('events.doorSlide')}
            </a>
          </p>
        </div>
      </div>
    </section>
  )
}
