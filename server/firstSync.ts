import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MESSAGE } from '../protocol/messages'

/** How many later updates may follow the whole-doc message before it is encoded anew. */
const MAX_SINCE = 32

/**
 * The answer to a sync step 1 from a client that has nothing yet: every first visit, and the 500
 * of a join storm. Encoding a board that lived long (500 notes moved 100,000 times: 1.1 MB) costs
 * 100–500 ms, and each join changes the doc (the member count), so a cache of the encoded doc
 * alone would be stale at once. Kept instead: one message with a whole state of the doc (at first
 * the stored snapshot, not encoded at all) plus the few updates applied since. Together they are
 * exactly the doc; after MAX_SINCE updates the doc is encoded once more.
 */
export class FirstSync {
  /** A sync step 2 holding a whole state of the doc, or null when it has to be encoded. */
  private base: Uint8Array | null = null
  /** Sync update messages of everything applied after `base`, in order. */
  private since: Uint8Array[] = []

  /** `doc` is asked for only when the whole state has to be encoded (it may decode the doc). */
  constructor(private readonly doc: () => Y.Doc) {}

  /** Starts from what storage held: the snapshot, then the log after it. */
  seed(snapshot: Uint8Array | null, tail: readonly Uint8Array[]): void {
    if (!snapshot || tail.length > MAX_SINCE) return this.drop()
    this.base = message(syncProtocol.messageYjsSyncStep2, snapshot)
    this.since = tail.map((update) => message(syncProtocol.messageYjsUpdate, update))
  }

  /** Called with every update applied to the doc after `seed`. */
  changed(update: Uint8Array): void {
    if (!this.base) return
    if (this.since.length >= MAX_SINCE) return this.drop()
    this.since.push(message(syncProtocol.messageYjsUpdate, update))
  }

  /**
   * The messages that bring an empty doc to this doc's state. The later updates go first: a
   * client keeps them pending (they build on structs it does not have yet) and Yjs integrates
   * them while it applies the sync step 2 that follows. So when the step 2 has been read (when
   * y-websocket reports "synced"), the client holds the whole doc, not a state that is about to
   * be completed by messages still in flight.
   */
  messages(): readonly Uint8Array[] {
    if (!this.base) {
      this.base = message(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc()))
      this.since = []
    }
    return this.since.length === 0 ? [this.base] : [...this.since, this.base]
  }

  drop(): void {
    this.base = null
    this.since = []
  }
}

/**
 * Whether a client with this state vector lacks more than half of the doc's structs (counted by
 * clock). Then the whole doc, kept ready, costs it little more than what it lacks, and costs the
 * server nothing to encode: Yjs skips the structs a client already has.
 */
export function lacksMost(doc: Y.Doc, stateVector: Uint8Array): boolean {
  const has = Y.decodeStateVector(stateVector)
  let total = 0
  let lacking = 0
  for (const client of doc.store.clients.keys()) {
    const clock = Y.getState(doc.store, client)
    total += clock
    lacking += Math.max(0, clock - (has.get(client) ?? 0))
  }
  return lacking * 2 > total
}

function message(step: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
