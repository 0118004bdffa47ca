import type { WebsocketProvider } from 'y-websocket'

/**
 * Reconnect timing with jitter. y-websocket waits 100 ms · 2^n (at most `maxBackoffTime`) after a
 * lost connection, the same for everyone: after a server restart every browser of a meeting
 * comes back in the same millisecond. We spread them: each attempt waits a uniformly random time
 * between `minMs` and a window that doubles per failed attempt, up to `maxMs`.
 */
export interface BackoffProfile {
  /** Never reconnect sooner than this. */
  readonly minMs: number
  /** The window of the first attempt after a working connection was lost. */
  readonly firstWindowMs: number
  /** The largest window (later attempts while the server stays away). */
  readonly maxMs: number
}

export const RECONNECT: BackoffProfile = { minMs: 100, firstWindowMs: 1000, maxMs: 3000 }

/**
 * Milliseconds to wait before reconnect attempt `attempt` (1 = the first after a connection was
 * lost; y-websocket's `wsUnsuccessfulReconnects` counts them). `random` returns [0, 1).
 */
export function reconnectDelay(attempt: number, random: () => number, profile: BackoffProfile = RECONNECT): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1
  const window = Math.max(profile.minMs, Math.min(profile.maxMs, profile.firstWindowMs * 2 ** Math.min(n - 1, 30)))
  const drawn = random()
  const r = drawn > 0 ? Math.min(drawn, 1) : 0
  return Math.round(profile.minMs + r * (window - profile.minMs))
}

/**
 * Makes a provider reconnect after `reconnectDelay` instead of its own fixed backoff. When the
 * server (or the network) closed the connection and y-websocket would retry, we take the retry
 * over: `shouldConnect = false` turns y-websocket's scheduled attempt into a no-op, and our timer
 * calls `connect()` later. Terminal closes (44xx) and our own `disconnect()` are left alone.
 * Returns a stop function; call it before destroying the provider.
 */
export function jitterReconnects(
  provider: WebsocketProvider,
  random: () => number = Math.random,
  profile: BackoffProfile = RECONNECT,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  const onClose = (event: CloseEvent | null) => {
    // null: closed locally (disconnect(), or the no-message watchdog); y-websocket decides.
    if (stopped || event === null || !provider.shouldConnect || !provider.shouldReconnect(event, provider)) return
    // y-websocket counts this close right after the event; the counter resets once a connection syncs.
    const attempt = provider.wsUnsuccessfulReconnects + 1
    provider.shouldConnect = false
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      if (!stopped) provider.connect()
    }, reconnectDelay(attempt, random, profile))
  }
  provider.on('connection-close', onClose)
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
    timer = null
    provider.off('connection-close', onClose)
  }
}
