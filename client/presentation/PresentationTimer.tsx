import { useId } from 'react'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { formatRemaining, useCountdown } from '../timer/countdown'

/** The countdown in large type, without the moderator's controls (those stay on the board). */
export function PresentationTimer() {
  const t = useT()
  const labelId = useId()
  const timer = useBoard((s) => s.timer)
  const { left, ended } = useCountdown(timer)
  if (!timer) return null
  return (
    <div className={`presentation__timer${ended ? ' presentation__timer--ended' : ''}`}>
      <span id={labelId} className="presentation__timer-label">
        {t('timer.remaining')}
      </span>
      <span role="timer" aria-labelledby={labelId} className="presentation__time">
        {formatRemaining(left)}
      </span>
      {timer.state === 'paused' && <span className="presentation__timer-state">{t('timer.paused')}</span>}
      {ended && <strong className="presentation__timer-state">{t('timer.ended')}</strong>}
    </div>
  )
}
