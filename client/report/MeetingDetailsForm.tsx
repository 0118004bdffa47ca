import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { MEETING_FORMATS } from '../../model/details'
import type { MeetingDetails, MeetingFormat } from '../../model/details'
import { LIMITS } from '../../model/limits'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { changeMeetingDetails } from '../store/minutes'
import './minutes.css'

type Fields = MeetingDetails & { readonly date: string }

function current(): Fields {
  const { date, meeting } = useBoard.getState()
  return { ...meeting, date }
}

/**
 * The moderator's form for the report's header: date, time, format, place and organiser. Applied
 * together with one button; what others change meanwhile shows once the form is applied.
 */
export function MeetingDetailsForm() {
  const t = useT()
  const id = useId()
  const [fields, setFields] = useState<Fields>(current)
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')

  function edit(change: Partial<Fields>) {
    setStatus('')
    setError('')
    setFields((f) => ({ ...f, ...change }))
  }

  function apply(event: FormEvent) {
    event.preventDefault()
    // An empty or incomplete date field (the browser gives '') keeps the meeting's date.
    const { date, ...details } = fields
    const result = changeMeetingDetails(date === '' ? details : fields)
    if (result.ok) {
      setStatus(t('details.saved'))
      setFields(current())
    } else setError(result.code === 'invalid' ? t('details.invalid') : t('details.failed'))
  }

  const text = (field: 'place' | 'organiser', label: string) => (
    <div className="details-form__field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} type="text" value={fields[field]} maxLength={LIMITS.detailLength} onChange={(e) => edit({ [field]: e.target.value })} />
    </div>
  )
  const time = (field: 'start' | 'end', label: string) => (
    <div className="details-form__field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} type="time" value={fields[field]} onChange={(e) => edit({ [field]: e.target.value })} />
    </div>
  )

  return (
    <form className="report-edit details-form" aria-labelledby={`${id}-h`} onSubmit={apply} noValidate>
      <h2 id={`${id}-h`}>{t('details.heading')}</h2>
      <div className="details-form__grid">
        <div className="details-form__field">
          <label htmlFor={`${id}-date`}>{t('details.date')}</label>
          <input id={`${id}-date`} type="date" value={fields.date} onChange={(e) => edit({ date: e.target.value })} />
        </div>
        {time('start', t('details.start'))}
        {time('end', t('details.end'))}
        <div className="details-form__field">
          <label htmlFor={`${id}-format`}>{t('details.format')}</label>
          <select id={`${id}-format`} value={fields.format} onChange={(e) => edit({ format: e.target.value as MeetingFormat | '' })}>
            <option value="">{t('details.formatNone')}</option>
            {MEETING_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`details.format.${format}`)}
              </option>
            ))}
          </select>
        </div>
        {text('place', t('details.place'))}
        {text('organiser', t('details.organiser'))}
      </div>
      <div className="details-form__actions">
        <button type="submit" className="button">
          {t('details.save')}
        </button>
        <span role="status" className="details-form__status">
          {status}
        </span>
      </div>
      {error !== '' && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}
