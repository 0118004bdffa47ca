import { useId } from 'react'
import { remainingMs } from '../../model/timer'
import { useT } from '../i18n/index'
import { useBoard } from '../store/board'
import { useServerNow } from '../timer/clock'
import { formatRemaining } from '../timer/Timer'

/** The countdown in large type, without the moderator's controls (those stay on the board). */
export function PresentationTimer() {
  const t = useT()
  const labelId = useId()
  const timer = useBoard((s) => s.timer)
  const now = useServerNow(timer !== null)
  if (!timer) return null
  // Never more than the countdown's length: the clock may lag a tick behind a fresh start.
  const left = Math.min(timer.durationMs, remainingMs(timer, now))
  const ended = timer.state === 'running' && left === 0
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
