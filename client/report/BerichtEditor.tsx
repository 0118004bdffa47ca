import { useId, useState } from 'react'
import { BERICHT_PARTS } from '../../model/bericht'
import type { BerichtPart } from '../../model/bericht'
import { draftParts } from '../../model/export/report'
import type { Report } from '../../model/export/report'
import { LIMITS } from '../../model/limits'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { editReportPart, regenerateReportPart, startReport } from '../store/minutes'
import { useIsModerator } from '../store/permissions'
import './minutes.css'
import { partLabel } from './partLabel'

/**
 * The "Bericht": the report's running text, one shared text field per part, started from the
 * generated draft; the moderator's, and the participants' where the moderator lets them write
 * along. What is typed here is what the print, Markdown, Word and "Als Text kopieren" say. The
 * moderator can generate each part again from the board as it is now.
 */
export function BerichtEditor({ report }: { readonly report: Report }) {
  const t = useT()
  const id = useId()
  const started = useBoard((s) => Object.keys(s.bericht).length > 0)
  const moderator = useIsModerator()
  const [error, setError] = useState('')
  const draft = draftParts(report.draft)

  function start() {
    if (!startReport(draft).ok) setError(t('bericht.failed'))
  }

  return (
    <section className="report-edit bericht" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('bericht.heading')}</h2>
      <p className="hint">{t('bericht.hint')}</p>
      {!moderator && <p className="hint">{t('bericht.together')}</p>}
      {started ? (
        BERICHT_PARTS.map((part) => <BerichtPartField key={part} part={part} draft={draft[part]} onError={setError} />)
      ) : (
        <div className="bericht__actions">
          <button type="button" className="button" aria-describedby={`${id}-start`} onClick={start}>
            {t('bericht.start')}
          </button>
          <span id={`${id}-start`} className="hint">
            {t('bericht.startHint')}
          </span>
        </div>
      )}
      {error !== '' && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}

function BerichtPartField({ part, draft, onError }: { readonly part: BerichtPart; readonly draft: string; readonly onError: (message: string) => void }) {
  const t = useT()
  const id = useId()
  const text = useBoard((s) => s.bericht[part])
  const moderator = useIsModerator()
  const label = partLabel(t, part)

  function edit(next: string) {
    onError('')
    const result = editReportPart(part, next)
    if (!result.ok) onError(result.code === 'invalid' ? t('bericht.tooLong', { max: LIMITS.berichtPartLength }) : t('bericht.failed'))
  }

  function regenerate() {
    onError('')
    if (!regenerateReportPart(part, draft).ok) return onError(t('bericht.failed'))
    announce(t('bericht.regenerated', { part: label }))
  }

  return (
    <div className="bericht__part">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={text ?? draft} maxLength={LIMITS.berichtPartLength} onChange={(e) => edit(e.target.value)} />
      {moderator && (
        <div className="bericht__actions">
          <button type="button" className="button button--small" onClick={regenerate} disabled={text === draft}>
            {t('bericht.regenerate', { part: label })}
          </button>
        </div>
      )}
    </div>
  )
}
