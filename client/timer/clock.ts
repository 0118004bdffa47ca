import { useSyncExternalStore } from 'react'
import { serverNow } from '../store/session'

export const TICK_MS = 250

let current = serverNow()
const listeners = new Set<() => void>()
let interval: ReturnType<typeof setInterval> | null = null

function tick(): void {
  current = serverNow()
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!interval) {
    // Fresh on the first subscriber: React compares the snapshot after subscribing.
    current = serverNow()
    interval = setInterval(tick, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && interval) {
      clearInterval(interval)
      interval = null
    }
  }
}

const still = () => () => {}
const snapshot = () => current

/** The server's time, refreshed every 250 ms while `ticking`; no timer runs otherwise. */
export function useServerNow(ticking: boolean): number {
  return useSyncExternalStore(ticking ? subscribe : still, snapshot)
}
