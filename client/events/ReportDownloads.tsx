import { useState } from 'react'
import { useT } from '../i18n/index'
import { eventReportPath, navigate } from '../router'

const FORMATS = [
  { ext: 'md', label: 'Markdown' },
  { ext: 'docx', label: 'Word (DOCX)' },
  { ext: 'json', label: 'JSON' },
] as const

/** The combined report as files: fetched with the token (never put into a link) and saved. */
export function ReportDownloads({ eventId, token }: { readonly eventId: string; readonly token: string }) {
  const t = useT()
  const [failed, setFailed] = useState(false)
  const download = async (ext: string) => {
    const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/report.${ext}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null)
    setFailed(!res?.ok)
    if (!res?.ok) return
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = `ballonfahrt-veranstaltung.${ext}`
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <section aria-labelledby="event-report">
      <h2 id="event-report">{t('events.reportHeading')}</h2>
      <p>
        <a
          href={eventReportPath(eventId)}
          onClick={(e) => {
            e.preventDefault()
            navigate(eventReportPath(eventId))
          }}
        >
          {t('events.reportPage')}
        </a>
      </p>
      <div className="event-links">
        {FORMATS.map((f) => (
          <button key={f.ext} type="button" className="button" onClick={() => void download(f.ext)}>
            {t('events.download', { format: f.label })}
          </button>
        ))}
      </div>
      {failed && <p role="alert">{t('events.downloadFailed')}</p>}
    </section>
  )
}
