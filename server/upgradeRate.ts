import { ipTag, log } from './log'

/**
 * Websocket upgrades per remote address in fixed one-minute windows. The first refusal of a
 * window is logged, with the address shortened (ipTag). Old windows are dropped every minute,
 * so the table holds at most the addresses seen in the last two minutes.
 */
export class UpgradeRate {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly perMinute: number) {
    this.timer = setInterval(() => this.prune(Date.now()), 60_000)
    this.timer.unref()
  }

  /** Counts one upgrade from `address`; false when the address is over its limit. */
  allow(address: string | undefined): boolean {
    const key = address ?? ''
    const now = Date.now()
    let window = this.windows.get(key)
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count++
    if (window.count <= this.perMinute) return true
    if (window.count === this.perMinute + 1) log('ws.rateLimited', { ip: ipTag(address), perMinute: this.perMinute })
    return false
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key)
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
