import type * as Y from 'yjs'
import { BOARD_SCHEMA, InvalidUpdate, PRIVATE_SCHEMA, describeUpdate } from '../model/changes'
import type { UpdateDescription } from '../model/changes'
import { ballotFacts, boardFacts } from '../model/facts'
import type { Actor } from '../model/identity'
import { checkPrivateUpdate, checkUpdate } from '../model/rules'
import type { Rejection } from '../model/rules'

export type GuardVerdict =
  | { readonly ok: true }
  /** The update breaks a board rule: not applied, the sender resyncs. */
  | { readonly ok: false; readonly kind: 'rejected'; readonly code: string }
  /** Not an update of this document at all: the socket is closed. */
  | { readonly ok: false; readonly kind: 'malformed'; readonly code: string }

function verdict(check: () => Rejection | null): GuardVerdict {
  try {
    const rejection = check()
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

/** Decides, before applying, whether `actor` may apply `update` to the board `doc`. */
export function inspectUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): GuardVerdict {
  return inspectBoardUpdate(doc, actor, update).verdict
}

/** The same, with the writes the update makes when it is accepted (the Papierkorb keeps what they delete). */
export function inspectBoardUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): { verdict: GuardVerdict; description: UpdateDescription | null } {
  let description: UpdateDescription | null = null
  const judged = verdict(() => {
    description = describeUpdate(doc, update, BOARD_SCHEMA)
    return checkUpdate(actor, description, boardFacts(doc))
  })
  return { verdict: judged, description: judged.ok ? description : null }
}

/** The same for an update of the actor's own private doc, judged against the board's state. */
export function inspectPrivateUpdate(privateDoc: Y.Doc, board: Y.Doc, actor: Actor, update: Uint8Array): GuardVerdict {
  return verdict(() => checkPrivateUpdate(actor, describeUpdate(privateDoc, update, PRIVATE_SCHEMA), boardFacts(board), ballotFacts(privateDoc)))
}
