import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { TrashItem } from '../model/trash'
import { MESSAGE } from './messages'

/**
 * The Papierkorb's messages on the board's websocket (moderators only; the server answers anyone
 * else with the outcome 'notAllowed'). A websocket, not HTTP: in cluster mode the socket is
 * already relayed to the board's owner, the one instance that may write the board.
 */
export type TrashRequest = { readonly kind: 'list' } | { readonly kind: 'restore'; readonly id: string }

/** Longest id a restore may name (item ids are 22 characters). */
const MAX_ID = 64

export function encodeTrashRequest(request: TrashRequest): Uint8Array {
  const encoder = encoding.createEncoder()
  if (request.kind === 'list') encoding.writeVarUint(encoder, MESSAGE.trash)
  else {
    encoding.writeVarUint(encoder, MESSAGE.restore)
    encoding.writeVarString(encoder, request.id)
  }
  return encoding.toUint8Array(encoder)
}

/** A request after its type was read; throws for anything but exactly one well-formed request. */
export function decodeTrashRequest(type: number, decoder: decoding.Decoder): TrashRequest {
  let request: TrashRequest
  if (type === MESSAGE.trash) request = { kind: 'list' }
  else {
    const id = decoding.readVarString(decoder)
    if (id.length === 0 || id.length > MAX_ID) throw new Error('trash id')
    request = { kind: 'restore', id }
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
  return request
}

export function encodeTrashList(items: readonly TrashItem[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.trash)
  encoding.writeVarString(encoder, JSON.stringify(items))
  return encoding.toUint8Array(encoder)
}

export function decodeTrashList(decoder: decoding.Decoder): TrashItem[] {
  const items = JSON.parse(decoding.readVarString(decoder)) as unknown
  return Array.isArray(items) ? (items as TrashItem[]) : []
}

/** The outcome of a request: `code` is '' when the entry is back on the board. */
export interface TrashOutcome {
  readonly id: string
  readonly code: string
}

export function encodeTrashOutcome(outcome: TrashOutcome): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.restore)
  encoding.writeVarString(encoder, outcome.id)
  encoding.writeVarString(encoder, outcome.code)
  return encoding.toUint8Array(encoder)
}

export function decodeTrashOutcome(decoder: decoding.Decoder): TrashOutcome {
  return { id: decoding.readVarString(decoder), code: decoding.readVarString(decoder) }
}
