import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { newSecretId } from '../../model/ids'
import { encodeAuth } from '../../protocol/messages'
import type { Target } from '../peers/servers'

/**
 * How each server expects a y-websocket client to speak. The messages are the same
 * (y-protocols sync and awareness); what differs is the way in:
 * - ours: `/ws/<boardId>` with no query, the first message the credentials (auth 103: the
 *   participant secret), extra message types (ack 100, reject 101, hello 102) that a stock
 *   client ignores;
 * - @y/websocket-server: the document name is the URL path;
 * - Hocuspocus: every message in both directions starts with the document name (a lib0
 *   varString), and the first message must be an auth message (type 2, sub-type 0, token).
 */
export interface Dialect {
  readonly url: string
  /** Messages to send right after the socket opens, before any sync message. */
  readonly opening: Uint8Array[]
  /** Wraps one y-websocket message for the wire. */
  frame(message: Uint8Array): Uint8Array
  /** Offset where the y-websocket message starts in a received frame (after any prefix). */
  skip(data: Uint8Array): number
  /** The participant secret on ours (each simulated person has its own); empty elsewhere. */
  readonly secret: string
}

/** Hocuspocus' message types beyond y-websocket's: auth 2, sync reply 4, sync status 8. */
export const HOCUSPOCUS = { auth: 2, syncReply: 4, syncStatus: 8 } as const

export function dialectFor(target: Target, secret: string = newSecretId()): Dialect {
  const base = `ws://127.0.0.1:${target.port}`
  if (target.server === 'ballonfahrt') {
    return { url: `${base}/ws/${target.doc}`, opening: [encodeAuth(secret, null)], frame: (m) => m, skip: () => 0, secret }
  }
  if (target.server === 'y-websocket-server' || target.server === 'y-websocket-server+leveldb') {
    return { url: `${base}/${target.doc}`, opening: [], frame: (m) => m, skip: () => 0, secret: '' }
  }
  const prefix = (() => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, target.doc)
    return encoding.toUint8Array(e)
  })()
  const auth = (() => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, target.doc)
    encoding.writeVarUint(e, HOCUSPOCUS.auth)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, '')
    return encoding.toUint8Array(e)
  })()
  return {
    url: `${base}/${target.doc}`,
    opening: [auth],
    frame(message) {
      const out = new Uint8Array(prefix.length + message.length)
      out.set(prefix, 0)
      out.set(message, prefix.length)
      return out
    },
    skip(data) {
      const d = decoding.createDecoder(data)
      decoding.readVarString(d)
      return d.pos
    },
    secret: '',
  }
}
