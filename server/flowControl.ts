import type { WebSocket } from 'ws'

/**
 * What one websocket may cost the server, whatever it sends or fails to read. A socket that
 * breaks one of these is closed; the others on the board notice nothing.
 */
export interface FlowLimits {
  /** Messages a socket may send per second (a burst may use two seconds' worth). */
  readonly messagesPerSecond: number
  /** Bytes a socket may send per second (a burst may use two seconds' worth). */
  readonly bytesPerSecond: number
  /** Bytes queued for a socket that does not read; beyond it the socket is closed as a slow reader. */
  readonly maxBufferedBytes: number
  /** A ping goes out this often; a socket that answered none of the last two is ended. */
  readonly pingIntervalMs: number
}

/** A burst may spend this many seconds of a budget at once. */
const BURST_SECONDS = 2

/** A token bucket: refills at `rate` per second up to `rate * BURST_SECONDS`. */
class Bucket {
  private tokens: number
  private readonly capacity: number

  constructor(private readonly rate: number) {
    this.capacity = rate * BURST_SECONDS
    this.tokens = this.capacity
  }

  take(amount: number, elapsedSeconds: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.rate)
    if (this.tokens < amount) return false
    this.tokens -= amount
    return true
  }
}

/** The per-socket budget of messages and bytes per second. */
export class Budget {
  private readonly messages: Bucket
  private readonly bytes: Bucket
  private last = performance.now()

  constructor(limits: Pick<FlowLimits, 'messagesPerSecond' | 'bytesPerSecond'>) {
    this.messages = new Bucket(limits.messagesPerSecond)
    this.bytes = new Bucket(limits.bytesPerSecond)
  }

  /** Spends one message of `size` bytes; false when the socket is over either budget. */
  spend(size: number): boolean {
    const now = performance.now()
    const elapsed = (now - this.last) / 1000
    this.last = now
    // Both buckets refill on every message; a refusal closes the socket, so what it spent is moot.
    const messageOk = this.messages.take(1, elapsed)
    const bytesOk = this.bytes.take(size, elapsed)
    return messageOk && bytesOk
  }
}

/** Missed pongs after which a socket counts as gone. */
const MISSED_PONGS = 2

/**
 * Pings the socket every `intervalMs`; calls `gone` once it has not answered the last
 * MISSED_PONGS pings (any frame from the peer counts as an answer too). Returns the stop.
 */
export function keepAlive(ws: WebSocket, intervalMs: number, gone: () => void): () => void {
  let unanswered = 0
  const answered = () => {
    unanswered = 0
  }
  ws.on('pong', answered)
  ws.on('message', answered)
  const timer = setInterval(() => {
    if (unanswered >= MISSED_PONGS) return gone()
    unanswered++
    ws.ping()
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    ws.off('pong', answered)
    ws.off('message', answered)
  }
}
