import { ipTag, log } from './log'

/**
 * The key an address is counted under: an IPv4 address as it is, an IPv6 address by its /64
 * network, since one machine commonly holds a whole /64 and could otherwise rotate through it.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return ''
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (v4?.[1]) return v4[1]
  const [head = '', tail] = address.toLowerCase().split('::')
  const front = head ? head.split(':') : []
  const back = tail ? tail.split(':') : []
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back]
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

/**
 * Requests per address in fixed one-minute windows: the one limiter for every per-address limit
 * (websocket upgrades, board-code lookups, board creation). The first refusal of a window is
 * logged with the address shortened (ipTag), and windows older than a minute are dropped once
 * a minute, so the table holds at most the addresses seen in the last two minutes.
 */
export class PerMinuteLimit {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private pruned: number

  constructor(
    private readonly perMinute: number,
    private readonly event: string,
    private readonly now: () => number = Date.now,
  ) {
    this.pruned = now()
  }

  /** Counts one request; the seconds to wait when over the limit, else 0. */
  take(address: string | undefined): number {
    const key = addressKey(address)
    const now = this.now()
    if (now - this.pruned >= 60_000) this.prune(now)
    let window = this.windows.get(key)
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count++
    if (window.count <= this.perMinute) return 0
    if (window.count === this.perMinute + 1) log(this.event, { ip: ipTag(address), perMinute: this.perMinute })
    return Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000))
  }

  private prune(now: number): void {
    this.pruned = now
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key)
  }
}
