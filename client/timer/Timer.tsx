import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { MAX_TIMER_MS } from '../../model/timer'
import type { TimerState } from '../../model/timer'
import { announce } from '../a11y/announce'
import { useT } from '../i18n/index'
import { NumberField, wholeNumber } from '../NumberField'
import { useBoard } from '../store/board'
import { extendCountdown, pauseCountdown, resumeCountdown, startCountdown, stopCountdown } from '../store/moderation'
import { useIsModerator } from '../store/permissions'
import { setMuted, useSound } from '../store/sound'
import { playChime, unlockAudioOnGesture } from './chime'
import { formatRemaining, useCountdown } from './countdown'
import './timer.css'

const MAX_MINUTES = MAX_TIMER_MS / 60_000

/**
 * The countdown in the meeting bar: the remaining time for everybody (a timer role, so screen
 * readers do not hear every second; one minute left and the end are announced), and for the
 * moderator compact controls next to it: minutes and start while none runs, then pause or resume,
 * +1 minute and stop.
 */
export function Timer() {
  const t = useT()
  const labelId = useId()
  const timer = useBoard((s) => s.timer)
  const moderator = useIsModerator()
  const { left, ended } = useCountdown(timer)
  useTimerEvents(timer, left)
  useEffect(() => unlockAudioOnGesture(), [])

  if (!timer && !moderator) return null
  return (
    <div className={`timer${ended ? ' timer--ended' : ''}`} role="group" aria-label={t('timer.group')}>
      {timer && (
        <div className="timer__display">
          <span id={labelId} className="timer__label">
            {t('timer.remaining')}
          </span>
          <span role="timer" aria-labelledby={labelId} className="timer__time">
            {formatRemaining(left)}
          </span>
          {timer.state === 'paused' && <span className="timer__state">{t('timer.paused')}</span>}
          {ended && <strong className="timer__state timer__state--ended">{t('timer.ended')}</strong>}
        </div>
      )}
      {moderator && <TimerControls timer={timer} />}
      {timer && <MuteToggle />}
    </div>
  )
}

/** Announces one minute left and the end, and chimes once at the end, only as time runs out here. */
function useTimerEvents(timer: TimerState | null, left: number): void {
  const t = useT()
  const last = useRef({ timer, left })
  useEffect(() => {
    const before = last.current
    last.current = { timer, left }
    // A new or changed countdown (start, pause, +1 minute, loading the board) is no event.
    if (!timer || before.timer !== timer || timer.state !== 'running') return
    if (before.left > 60_000 && left <= 60_000 && left > 0) announce(t('timer.minutesLeft', { count: 1 }))
    if (before.left > 0 && left === 0) {
      announce(t('timer.ended'))
      if (!useSound.getState().muted) playChime()
    }
  }, [timer, left, t])
}

/** Sound on or off, as an icon with its words for screen readers (the bar has little room). */
function MuteToggle() {
  const t = useT()
  const muted = useSound((s) => s.muted)
  const label = muted ? t('timer.unmute') : t('timer.mute')
  return (
    <button type="button" className="button button--small button--quiet timer__mute" title={label} onClick={() => setMuted(!muted)}>
      <span aria-hidden="true">{muted ? '🔇' : '🔔'}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  )
}

function TimerControls({ timer }: { readonly timer: TimerState | null }) {
  const t = useT()
  const id = useId()
  const [minutes, setMinutes] = useState('5')
  const [invalid, setInvalid] = useState(false)
  // The pressed button goes away (start while it runs, stop once stopped): the keyboard goes on at the one that replaces it.
  const moved = useRef(false)
  const pause = useRef<HTMLButtonElement>(null)
  const startButton = useRef<HTMLButtonElement>(null)
  const running = timer !== null
  useEffect(() => {
    if (moved.current) (running ? pause : startButton).current?.focus()
    moved.current = false
  }, [running])

  function start(event: FormEvent) {
    event.preventDefault()
    const value = wholeNumber(minutes, 1, MAX_MINUTES)
    if (value === null) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    moved.current = true
    if (!startCountdown(value).ok) moved.current = false
  }

  function stop() {
    moved.current = true
    if (!stopCountdown().ok) moved.current = false
  }

  return (
    <div className="timer__controls">
      {!timer && (
        <form className="timer__start" onSubmit={start} noValidate>
          <NumberField
            id={id}
            label={t('timer.minutes')}
            value={minutes}
            invalid={invalid}
            describedBy={invalid ? `${id}-error` : undefined}
            onChange={setMinutes}
          />
          <button ref={startButton} type="submit" className="button button--small">
            {t('timer.start')}
          </button>
          {invalid && (
            <span id={`${id}-error`} className="error">
              {t('timer.minutesRange')}
            </span>
          )}
        </form>
      )}
      {timer && (
        <>
          {timer.state === 'running' ? (
            <button ref={pause} type="button" className="button button--small" onClick={() => pauseCountdown()}>
              {t('timer.pause')}
            </button>
          ) : (
            <button ref={pause} type="button" className="button button--small" onClick={() => resumeCountdown()}>
              {t('timer.resume')}
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => extendCountdown(1)}>
            {t('timer.extend')}
          </button>
          <button type="button" className="button button--small" onClick={stop}>
            {t('timer.stop')}
          </button>
        </>
      )}
    </div>
  )
}
