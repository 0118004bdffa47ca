import * as Y from 'yjs'

/** From answering a first joiner with the stored bytes to decoding them: time to send them off. */
const DECODE_AFTER_FIRST_SYNC_MS = 20

/**
 * A doc's state as storage handed it over (snapshot and log), decoded into the live doc only
 * when something needs the doc, or shortly after the first joiner was answered.
 *
 * Decoding a board that lived long (500 notes moved 100,000 times: 1.1 MB, 200,000 deleted map
 * entries) takes 150–300 ms. A client that has nothing yet needs only the stored bytes (see
 * FirstSync), so on a cold start it gets them before the server decodes, and both decode at the
 * same time instead of one after the other. Everything that reads or changes the doc (the guard,
 * a sync with a client that has state, the member count, an export) decodes it first.
 */
export class StoredDoc {
  private pending: { readonly snapshot: Uint8Array | null; readonly updates: readonly Uint8Array[] } | null = null
  private waiters: Array<() => void> = []
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly doc: Y.Doc,
    /** The origin of the transaction that fills the doc (listeners ignore it). */
    private readonly origin: unknown,
    /** Runs right after decoding, before any waiter. */
    private readonly decoded: () => void,
  ) {}

  get isDecoded(): boolean {
    return this.pending === null
  }

  /** Keeps the stored state; decoded at the latest after `latestMs`. */
  hold(snapshot: Uint8Array | null, updates: readonly Uint8Array[], latestMs = 1000): void {
    this.pending = { snapshot, updates }
    this.decodeIn(latestMs)
  }

  /** Decodes shortly after a first joiner was answered from the stored bytes. */
  decodeSoon(): void {
    this.decodeIn(DECODE_AFTER_FIRST_SYNC_MS)
  }

  /** Decodes within `ms` unless something needs the doc earlier. */
  decodeIn(ms: number): void {
    if (this.pending === null) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.decode(), ms)
    this.timer.unref()
  }

  /** Fills the doc now, if it is not yet. */
  decode(): void {
    const pending = this.pending
    if (!pending) return
    this.pending = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    Y.transact(
      this.doc,
      () => {
        if (pending.snapshot) Y.applyUpdate(this.doc, pending.snapshot)
        for (const update of pending.updates) Y.applyUpdate(this.doc, update)
      },
      this.origin,
    )
    this.decoded()
    for (const waiter of this.waiters.splice(0)) waiter()
  }

  /** Runs `then` once the doc is decoded: at once when it is. */
  whenDecoded(then: () => void): void {
    if (this.pending === null) then()
    else this.waiters.push(then)
  }

  /** The doc is going away: nothing more to decode, nobody to tell. */
  drop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
    this.waiters = []
  }
}
