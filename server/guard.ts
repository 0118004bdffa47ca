import type * as Y from 'yjs'
import { InvalidUpdate, describeUpdate } from '../model/changes'
import type { Actor } from '../model/identity'
import { checkUpdate } from '../model/rules'

export type GuardVerdict =
  | { readonly ok: true }
  /** The update breaks a board rule: not applied, the sender resyncs. */
  | { readonly ok: false; readonly kind: 'rejected'; readonly code: string }
  /** Not an update of this board at all: the socket is closed. */
  | { readonly ok: false; readonly kind: 'malformed'; readonly code: string }

/** Decides, before applying, whether `actor` may apply `update` to `doc`. */
export function inspectUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): GuardVerdict {
  try {
    const rejection = checkUpdate(actor, describeUpdate(doc, update))
    return rejection ? { ok: false, kind: 'rejected', code: rejection.code } : { ok: true }
  } catch (error) {
    if (error instanceof InvalidUpdate) {
      return error.code === 'malformed'
        ? { ok: false, kind: 'malformed', code: error.code }
        : { ok: false, kind: 'rejected', code: error.code }
    }
    // Yjs throws plain errors for some hostile encodings: treat as malformed.
    return { ok: false, kind: 'malformed', code: 'decode' }
  }
}
