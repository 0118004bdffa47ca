import { isDocumentMessage, SYNC_STEP2 } from '../../protocol/messages'

/**
 * Decides when everything local is stored on the server. The server acknowledges the first N
 * document messages of a connection once they are committed; we count what we send.
 *
 * - A local change made while connected is sent at once; it is saved when its message is acked.
 * - A change made while offline (or unacked when a connection dropped, or loaded from the
 *   browser's store at start) is carried by the next sync step 2, the answer to the server's
 *   state vector; it is saved when that message is acked.
 */
export class SaveTracker {
  private sent = 0
  private acked = 0
  private need = 0
  private pendingOffline: boolean
  private offlineCoveredBy: number | null = null

  constructor(
    private readonly onChange: (saved: boolean) => void,
    startsDirty: boolean,
  ) {
    this.pendingOffline = startsDirty
  }

  get saved(): boolean {
    return !this.pendingOffline && this.acked >= this.need
  }

  /** Every message the socket sends passes here. */
  sending(message: Uint8Array): void {
    if (!isDocumentMessage(message)) return
    this.sent++
    if (message[1] === SYNC_STEP2 && this.pendingOffline) this.offlineCoveredBy = this.sent
  }

  /** A local document change; `connected` says whether the provider just sent it. */
  localChange(connected: boolean): void {
    if (connected) this.need = this.sent
    else this.pendingOffline = true
    this.onChange(this.saved)
  }

  ack(count: number): void {
    this.acked = Math.max(this.acked, count)
    if (this.offlineCoveredBy !== null && this.acked >= this.offlineCoveredBy) {
      this.pendingOffline = false
      this.offlineCoveredBy = null
    }
    this.onChange(this.saved)
  }

  /** The connection closed: the server counts afresh, and unacked work must be resent. */
  disconnected(): void {
    if (this.acked < this.need || this.offlineCoveredBy !== null) this.pendingOffline = true
    this.sent = 0
    this.acked = 0
    this.need = 0
    this.offlineCoveredBy = null
    this.onChange(this.saved)
  }
}
