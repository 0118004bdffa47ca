import { describe, expect, it } from 'vitest'
import { metaOf } from '../../../model/schema'
import { extendTimer, isTimerState, MAX_TIMER_MS, pauseTimer, remainingMs, resumeTimer, startTimer, stopTimer } from '../../../model/timer'
import type { TimerState } from '../../../model/timer'
import { toBoardView } from '../../../model/view'
import { capture, newDoc } from '../../helpers/peers'

function timerOf(doc: ReturnType<typeof newDoc>): TimerState {
  const t = metaOf(doc).get('timer')
  if (!isTimerState(t)) throw new Error(`no valid timer: ${JSON.stringify(t)}`)
  return t
}

describe('timer', () => {
  it('starts, pauses, resumes, extends and stops with explicit times', () => {
    const doc = newDoc()
    startTimer(doc, 60_000, 1_000)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: 61_000, durationMs: 60_000 })
    expect(toBoardView(doc).timer).toEqual({ state: 'running', endsAt: 61_000, durationMs: 60_000 })

    pauseTimer(doc, timerOf(doc), 31_000)
    expect(timerOf(doc)).toEqual({ state: 'paused', remainingMs: 30_000, durationMs: 60_000 })

    resumeTimer(doc, timerOf(doc), 100_000)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: 130_000, durationMs: 60_000 })

    extendTimer(doc, timerOf(doc), 60_000, 110_000)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: 190_000, durationMs: 120_000 })

    stopTimer(doc)
    expect(metaOf(doc).has('timer')).toBe(false)
    expect(toBoardView(doc).timer).toBeNull()
  })

  it('extends a paused timer without starting it', () => {
    const doc = newDoc()
    startTimer(doc, 120_000, 0)
    pauseTimer(doc, timerOf(doc), 100_000)
    extendTimer(doc, timerOf(doc), 30_000, 999_999)
    expect(timerOf(doc)).toEqual({ state: 'paused', remainingMs: 50_000, durationMs: 150_000 })
    expect(remainingMs(timerOf(doc), 5_000_000)).toBe(50_000)
  })

  it('extends a timer that has just ended from now', () => {
    const doc = newDoc()
    startTimer(doc, 10_000, 0)
    extendTimer(doc, timerOf(doc), 60_000, 50_000)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: 110_000, durationMs: 70_000 })
  })

  it('caps extensions at four hours', () => {
    const doc = newDoc()
    startTimer(doc, MAX_TIMER_MS - 1000, 0)
    extendTimer(doc, timerOf(doc), MAX_TIMER_MS, 0)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: MAX_TIMER_MS, durationMs: MAX_TIMER_MS })
    pauseTimer(doc, timerOf(doc), 0)
    extendTimer(doc, timerOf(doc), MAX_TIMER_MS, 0)
    expect(timerOf(doc)).toEqual({ state: 'paused', remainingMs: MAX_TIMER_MS, durationMs: MAX_TIMER_MS })
  })

  it('clamps the duration between one second and four hours', () => {
    const doc = newDoc()
    startTimer(doc, 0, 500)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: 1_500, durationMs: 1000 })
    startTimer(doc, MAX_TIMER_MS * 3, 0)
    expect(timerOf(doc)).toEqual({ state: 'running', endsAt: MAX_TIMER_MS, durationMs: MAX_TIMER_MS })
    startTimer(doc, 1234.6, 0)
    expect(timerOf(doc).durationMs).toBe(1235)
  })

  it('ignores pausing a paused timer and resuming a running one', () => {
    const doc = newDoc()
    startTimer(doc, 60_000, 0)
    const running = timerOf(doc)
    expect(capture(doc, () => resumeTimer(doc, running, 10_000))).toHaveLength(0)
    pauseTimer(doc, running, 10_000)
    const paused = timerOf(doc)
    expect(capture(doc, () => pauseTimer(doc, paused, 20_000))).toHaveLength(0)
    expect(timerOf(doc)).toEqual({ state: 'paused', remainingMs: 50_000, durationMs: 60_000 })
  })

  it('pausing after the end leaves zero', () => {
    const doc = newDoc()
    startTimer(doc, 60_000, 0)
    pauseTimer(doc, timerOf(doc), 90_000)
    expect(timerOf(doc)).toEqual({ state: 'paused', remainingMs: 0, durationMs: 60_000 })
  })

  it('computes the remaining time', () => {
    const running: TimerState = { state: 'running', endsAt: 10_000, durationMs: 60_000 }
    expect(remainingMs(running, 4_000)).toBe(6_000)
    expect(remainingMs(running, 10_000)).toBe(0)
    expect(remainingMs(running, 20_000)).toBe(0)
    expect(remainingMs({ state: 'paused', remainingMs: 1234, durationMs: 60_000 }, 1e12)).toBe(1234)
    expect(remainingMs(null, 0)).toBe(0)
  })

  it('accepts well-formed timer states only', () => {
    expect(isTimerState({ state: 'running', endsAt: 5, durationMs: 1 })).toBe(true)
    expect(isTimerState({ state: 'running', endsAt: 5, durationMs: MAX_TIMER_MS })).toBe(true)
    expect(isTimerState({ state: 'paused', remainingMs: 0, durationMs: 1000 })).toBe(true)
    expect(isTimerState({ state: 'paused', remainingMs: MAX_TIMER_MS, durationMs: 1000 })).toBe(true)
    const bad: unknown[] = [
      null,
      undefined,
      'running',
      42,
      [],
      {},
      { state: 'running', endsAt: 5, durationMs: 1000, extra: 1 },
      { state: 'paused', remainingMs: 5, durationMs: 1000, endsAt: 3 },
      { state: 'running', durationMs: 1000 },
      { state: 'running', endsAt: '5', durationMs: 1000 },
      { state: 'running', endsAt: Infinity, durationMs: 1000 },
      { state: 'running', endsAt: Number.NaN, durationMs: 1000 },
      { state: 'running', endsAt: 5, durationMs: 0 },
      { state: 'running', endsAt: 5, durationMs: -1000 },
      { state: 'running', endsAt: 5, durationMs: MAX_TIMER_MS + 1 },
      { state: 'running', endsAt: 5, durationMs: Number.NaN },
      { state: 'running', endsAt: 5, durationMs: '1000' },
      { state: 'paused', remainingMs: -1, durationMs: 1000 },
      { state: 'paused', remainingMs: MAX_TIMER_MS + 1, durationMs: 1000 },
      { state: 'paused', remainingMs: Number.NaN, durationMs: 1000 },
      { state: 'paused', durationMs: 1000 },
      { state: 'stopped', remainingMs: 5, durationMs: 1000 },
    ]
    for (const value of bad) expect(isTimerState(value), JSON.stringify(value)).toBe(false)
  })

  it('shows no timer in the view for a hostile value', () => {
    const doc = newDoc()
    metaOf(doc).set('timer', { state: 'running', endsAt: 1, durationMs: MAX_TIMER_MS * 2 })
    expect(toBoardView(doc).timer).toBeNull()
    metaOf(doc).set('timer', 'soon')
    expect(toBoardView(doc).timer).toBeNull()
  })
})
