import * as Y from 'yjs'
import { BOARD_SCHEMA, InvalidUpdate, PRIVATE_SCHEMA, describeUpdate } from '../model/changes'
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

/**
 * Yjs writes the deletions of an update per client as sorted ranges that do not overlap. Ranges
 * that overlap or go backwards are never honest, and they are a denial of service: every range
 * walks the structs it covers, in the guard and in Yjs alike, so 200,000 copies of one range over
 * a few thousand structs (600 KB) would block the server for minutes. Refused before reading.
 */
function deletesInOrder(update: Uint8Array): void {
  let ds: ReturnType<typeof Y.decodeUpdate>['ds']
  try {
    ds = Y.decodeUpdate(update).ds
  } catch {
    throw new InvalidUpdate('malformed', 'cannot decode')
  }
  for (const ranges of ds.clients.values()) {
    let end = 0
    for (const { clock, len } of ranges) {
      if (clock < end) throw new InvalidUpdate('malformed', 'delete ranges out of order')
      end = clock + len
    }
  }
}

/** Decides, before applying, whether `actor` may apply `update` to the board `doc`. */
export function inspectUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): GuardVerdict {
  return verdict(() => {
    deletesInOrder(update)
    return checkUpdate(actor, describeUpdate(doc, update, BOARD_SCHEMA), boardFacts(doc))
  })
}

/** The same for an update of the actor's own private doc, judged against the board's state. */
export function inspectPrivateUpdate(privateDoc: Y.Doc, board: Y.Doc, actor: Actor, update: Uint8Array): GuardVerdict {
  return verdict(() => {
    deletesInOrder(update)
    return checkPrivateUpdate(actor, describeUpdate(privateDoc, update, PRIVATE_SCHEMA), boardFacts(board), ballotFacts(privateDoc))
  })
}
