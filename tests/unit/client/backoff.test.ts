import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { jitterReconnects, RECONNECT, reconnectDelay } from '../../../client/sync/backoff'

const fixed = (value: number) => () => value

describe('reconnectDelay', () => {
  it('spreads the first attempt uniformly between the minimum and the first window', () => {
    expect(reconnectDelay(1, fixed(0))).toBe(RECONNECT.minMs)
    expect(reconnectDelay(1, fixed(0.5))).toBe(Math.round((RECONNECT.minMs + RECONNECT.firstWindowMs) / 2))
    expect(reconnectDelay(1, fixed(0.999999))).toBe(RECONNECT.firstWindowMs)
  })

  it('doubles the window per failed attempt, up to the cap', () => {
    const top = (attempt: number) => reconnectDelay(attempt, fixed(1))
    expect(top(1)).toBe(1000)
    expect(top(2)).toBe(2000)
    expect(top(3)).toBe(RECONNECT.maxMs)
    expect(top(50)).toBe(RECONNECT.maxMs)
    expect(top(1e9)).toBe(RECONNECT.maxMs)
    for (let a = 1; a < 40; a++) expect(reconnectDelay(a, fixed(0))).toBe(RECONNECT.minMs)
  })

  it('stays within bounds for odd input', () => {
    for (const attempt of [0, -3, Number.NaN, Number.POSITIVE_INFINITY, 2.7]) {
      for (const r of [-1, 0, 0.3, 1, 2, Number.NaN]) {
        const d = reconnectDelay(attempt, fixed(r))
        expect(Number.isInteger(d)).toBe(true)
        expect(d).toBeGreaterThanOrEqual(RECONNECT.minMs)
        expect(d).toBeLessThanOrEqual(RECONNECT.maxMs)
      }
    }
  })

  it('with Math.random, 1000 first attempts cover the window rather than one moment', () => {
    const delays = Array.from({ length: 1000 }, () => reconnectDelay(1, Math.random))
    const buckets = new Set(delays.map((d) => Math.floor(d / 100)))
    expect(buckets.size).toBeGreaterThanOrEqual(9)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100)
    expect(Math.max(...delays)).toBeLessThanOrEqual(1000)
  })

  it('takes a profile', () => {
    const quick = { minMs: 10, firstWindowMs: 50, maxMs: 80 }
    expect(reconnectDelay(1, fixed(1), quick)).toBe(50)
    expect(reconnectDelay(4, fixed(1), quick)).toBe(80)
    expect(reconnectDelay(4, fixed(0), quick)).toBe(10)
  })
})

/** The parts of y-websocket's provider that jitterReconnects uses. */
function fakeProvider() {
  const listeners = new Set<(event: CloseEvent | null) => void>()
  const provider = {
    shouldConnect: true,
    wsUnsuccessfulReconnects: 0,
    connects: 0,
    shouldReconnect: (event: CloseEvent) => !(event.code >= 4400 && event.code < 4500),
    on: (_name: string, f: (event: CloseEvent | null) => void) => listeners.add(f),
    off: (_name: string, f: (event: CloseEvent | null) => void) => listeners.delete(f),
    connect() {
      this.shouldConnect = true
      this.connects++
    },
    /** What y-websocket does on a close: emit, count, retry later unless shouldConnect is off. */
    close(code: number | null) {
      for (const f of listeners) f(code === null ? null : ({ code, reason: '' } as CloseEvent))
      this.wsUnsuccessfulReconnects++
    },
  }
  return provider
}

describe('jitterReconnects', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('takes over the retry after a server close and reconnects after the jittered delay', () => {
    vi.useFakeTimers()
    const p = fakeProvider()
    const stop = jitterReconnects(p as unknown as WebsocketProvider, fixed(0.5))
    p.close(1006)
    expect(p.shouldConnect).toBe(false)
    vi.advanceTimersByTime(reconnectDelay(1, fixed(0.5)) - 1)
    expect(p.connects).toBe(0)
    vi.advanceTimersByTime(1)
    expect(p.connects).toBe(1)
    // A failed attempt: the next window is larger.
    p.close(1006)
    vi.advanceTimersByTime(reconnectDelay(2, fixed(0.5)) - 1)
    expect(p.connects).toBe(1)
    vi.advanceTimersByTime(1)
    expect(p.connects).toBe(2)
    stop()
  })

  it('leaves terminal closes, local closes and stopped providers alone', () => {
    vi.useFakeTimers()
    const p = fakeProvider()
    const stop = jitterReconnects(p as unknown as WebsocketProvider, fixed(0))
    p.close(4404)
    expect(p.shouldConnect).toBe(true)
    p.close(null)
    vi.advanceTimersByTime(10_000)
    expect(p.connects).toBe(0)
    p.close(1001)
    stop()
    vi.advanceTimersByTime(10_000)
    expect(p.connects).toBe(0)
  })
})
