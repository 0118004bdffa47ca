import { remainingMs } from '../../model/timer'
import type { TimerState } from '../../model/timer'
import { useServerNow } from './clock'

/** 125_000 -> "02:05"; a started second counts as a whole one, so 0:00 means over. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

/**
 * Milliseconds left on the board's countdown by the server's clock (ticking while there is one),
 * and whether a running countdown is over. Never more than the countdown's length: the clock
 * may lag a tick behind a fresh start.
 */
export function useCountdown(timer: TimerState | null): { readonly left: number; readonly ended: boolean } {
  const now = useServerNow(timer !== null)
  const left = timer ? Math.min(timer.durationMs, remainingMs(timer, now)) : 0
  return { left, ended: timer?.state === 'running' && left === 0 }
}
