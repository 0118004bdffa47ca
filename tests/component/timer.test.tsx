import { act, cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { serverNow, useSession } from '../../client/store/session'
import { setMuted } from '../../client/store/sound'
import { formatRemaining } from '../../client/timer/countdown'
import { metaOf } from '../../model/schema'
import { stopTimer } from '../../model/timer'
import type { TimerState } from '../../model/timer'
import { toBoardView } from '../../model/view'
import { liveRegion, openBoardPage } from '../helpers/moderatedBoard'

/** Counts the chimes: each one starts two oscillators. */
const oscillators: number[] = []
class FakeAudioContext {
  state = 'running'
  currentTime = 0
  destination = {}
  resume() {
    return Promise.resolve()
  }
  createOscillator() {
    return {
      type: 'sine',
      frequency: { setValueAtTime: () => {} },
      connect: () => {},
      start: (at: number) => oscillators.push(at),
      stop: () => {},
    }
  }
  createGain() {
    return { gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }, connect: () => {} }
  }
}

beforeAll(() => {
  Object.defineProperty(window, 'AudioContext', { value: FakeAudioContext, configurable: true })
})

beforeEach(() => {
  oscillators.length = 0
  setMuted(false)
})

function withTimer(timer: TimerState | null) {
  return (doc: Y.Doc) => {
    if (timer) doc.transact(() => metaOf(doc).set('timer', timer))
  }
}

function open(role: 'moderator' | 'participant', timer: TimerState | null = null) {
  return openBoardPage(role, withTimer(timer))
}

describe('timer', () => {
  it('formats mm:ss, counting a started second as whole', () => {
    expect(formatRemaining(125_000)).toBe('02:05')
    expect(formatRemaining(124_001)).toBe('02:05')
    expect(formatRemaining(59_000)).toBe('00:59')
    expect(formatRemaining(0)).toBe('00:00')
    expect(formatRemaining(-5)).toBe('00:00')
    expect(formatRemaining(90 * 60_000)).toBe('90:00')
  })

  it('shows a running countdown from the board in server time and ticks', async () => {
    const { doc } = open('participant')
    act(() => useSession.setState({ clockOffsetMs: 3_600_000 })) // this browser's clock is an hour behind
    const endsAt = Date.now() + 3_600_000 + 125_000
    act(() => withTimer({ state: 'running', endsAt, durationMs: 300_000 })(doc))
    const timer = screen.getByRole('timer', { name: 'Verbleibende Zeit' })
    expect(timer.textContent).toBe('02:05')
    expect(timer.getAttribute('aria-live')).toBeNull()
    await vi.waitFor(() => expect(timer.textContent).toBe('02:04'), { timeout: 2000 })
    expect(screen.queryByText('pausiert')).toBeNull()
  })

  it('shows a paused countdown with "pausiert", and nothing without a countdown', () => {
    const { doc } = open('participant', { state: 'paused', remainingMs: 90_000, durationMs: 300_000 })
    expect(screen.getByRole('timer').textContent).toBe('01:30')
    expect(screen.getByText('pausiert')).toBeTruthy()
    act(() => stopTimer(doc))
    expect(screen.queryByRole('timer')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Ton aus' })).toBeNull()
  })

  it('gives the moderator start, pause, resume, +1 minute and stop in the meeting bar, the keyboard staying on the controls', async () => {
    const user = userEvent.setup()
    const { doc } = open('moderator')
    expect(screen.queryByRole('timer')).toBeNull()
    let minutes = screen.getByRole('textbox', { name: 'Minuten' }) as HTMLInputElement
    expect(minutes.closest('.phase-bar')).not.toBeNull()
    expect(minutes.value).toBe('5')
    await user.clear(minutes)
    await user.type(minutes, '3')
    await user.click(screen.getByRole('button', { name: 'Timer starten' }))
    let timer = toBoardView(doc).timer
    expect(timer).toMatchObject({ state: 'running', durationMs: 180_000 })
    expect(screen.getByRole('timer').textContent).toMatch(/^0[23]:\d\d$/)
    expect(screen.getByRole('timer').closest('.phase-bar')).not.toBeNull()
    // The start form gives way to the running controls; the keyboard goes on at "Pause".
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause' }))

    await user.click(screen.getByRole('button', { name: 'Pause' }))
    timer = toBoardView(doc).timer
    expect(timer?.state).toBe('paused')
    expect(screen.getByText('pausiert')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Fortsetzen' }))
    expect(toBoardView(doc).timer?.state).toBe('running')

    await user.click(screen.getByRole('button', { name: '+1 Minute' }))
    expect(toBoardView(doc).timer?.durationMs).toBe(240_000)
    expect(screen.getByRole('timer').textContent).toMatch(/^0[34]:\d\d$/)

    await user.click(screen.getByRole('button', { name: 'Timer stoppen' }))
    expect(toBoardView(doc).timer).toBeNull()
    expect(screen.queryByRole('timer')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Timer starten' }))

    minutes = screen.getByRole('textbox', { name: 'Minuten' }) as HTMLInputElement
    await user.clear(minutes)
    await user.type(minutes, '0')
    await user.click(screen.getByRole('button', { name: 'Timer starten' }))
    expect(toBoardView(doc).timer).toBeNull()
    expect(minutes.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Eine ganze Zahl von 1 bis 240.')).toBeTruthy()
  })

  it('announces one minute left, then the end once, highlighted and with one chime', async () => {
    open('participant', { state: 'running', endsAt: serverNow() + 60_500, durationMs: 120_000 })
    expect(liveRegion().textContent).toBe('')
    await vi.waitFor(() => expect(liveRegion().textContent).toBe('Noch 1 Minute'), { timeout: 2000 })
    expect(oscillators).toHaveLength(0)
    cleanup()

    const { doc } = open('participant', { state: 'running', endsAt: serverNow() + 600, durationMs: 60_000 })
    expect(screen.queryByText('Zeit ist um', { selector: 'strong' })).toBeNull()
    await vi.waitFor(() => expect(screen.getByText('Zeit ist um', { selector: 'strong' })).toBeTruthy(), { timeout: 2000 })
    expect(screen.getByRole('timer').textContent).toBe('00:00')
    expect(screen.getByRole('timer').closest('.timer')?.classList.contains('timer--ended')).toBe(true)
    expect(liveRegion().textContent).toBe('Zeit ist um')
    expect(oscillators).toHaveLength(2)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(oscillators).toHaveLength(2)
    void doc
  })

  it('stays silent for a countdown that was already over when the page opened', async () => {
    open('participant', { state: 'running', endsAt: serverNow() - 5_000, durationMs: 60_000 })
    expect(screen.getByText('Zeit ist um', { selector: 'strong' })).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(oscillators).toHaveLength(0)
    expect(liveRegion().textContent).toBe('')
  })

  it('"Ton aus" mutes the chime and is remembered', { timeout: 15_000 }, async () => {
    const user = userEvent.setup()
    // Time enough to mute before the end even on a busy machine (muting after it proves nothing).
    open('participant', { state: 'running', endsAt: serverNow() + 2500, durationMs: 60_000 })
    await user.click(screen.getByRole('button', { name: 'Ton aus' }))
    expect(screen.queryByText('Zeit ist um', { selector: 'strong' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Ton an' })).toBeTruthy()
    expect(localStorage.getItem('ballonfahrt:timer-muted')).toBe('1')
    await vi.waitFor(() => expect(screen.getByText('Zeit ist um', { selector: 'strong' })).toBeTruthy(), { timeout: 6000 })
    expect(liveRegion().textContent).toBe('Zeit ist um')
    expect(oscillators).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Ton an' }))
    expect(localStorage.getItem('ballonfahrt:timer-muted')).toBeNull()
  })
})
