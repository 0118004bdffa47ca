import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The wire protocol: y-websocket's messages (sync 0, awareness 1, auth 2, query awareness 3)
 * plus our own, which stock clients ignore. Shared by the client's provider and the server.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
  /** Server -> client: the first N document messages of this connection are stored durably. */
  ack: 100,
  /** Server -> client: document message N was rejected; the reason code follows. */
  reject: 101,
  /** Server -> client, once after auth: the server clock, for timers. */
  hello: 102,
  /**
   * Client -> server, the first message of a connection whose URL carries no secret: the
   * participant secret and the moderator token ('' for none), so that no proxy log holds them.
   */
  auth: 103,
  /** Papierkorb (protocol/trash.ts). Client -> server: the list, please; server -> client: the list. */
  trash: 104,
  /** Papierkorb. Client -> server: restore an entry; server -> client: the outcome of a request. */
  restore: 105,
} as const

/** Sync sub-messages that carry document changes (step 2 and update); step 1 only asks. */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/** WebSocket close codes. 4400-4499 tell y-websocket's provider not to reconnect. */
export const CLOSE = {
  goingAway: 1001,
  malformed: 1003,
  tooBig: 1009,
  /** The update broke a rule; the client must drop its local state and resync. */
  rejected: 4422,
  unknownBoard: 4404,
  forbidden: 4403,
  boardFull: 4429,
  /** The moderator deleted the board. */
  deleted: 4410,
  /**
   * Flow control (server/flowControl.ts), outside 4400-4499 so that the client reconnects after
   * its backoff and sends its unsaved changes again: more messages or bytes per second than a
   * socket may send; more bytes queued for a socket than it reads.
   */
  tooFast: 4029,
  slowReader: 4013,
  /** The co-moderator link this connection joined with was revoked by the board's moderator. */
  revoked: 4401,
  /**
   * The websocket URL had a query (`?p=`, `?m=` or anything else): credentials belong in the
   * first message, never in a URL that a proxy logs. Nothing of the query is used.
   */
  queryRefused: 4400,
} as const

/** Whether a client -> server message is a document change that the server will acknowledge. */
export function isDocumentMessage(message: Uint8Array): boolean {
  return message.length >= 2 && message[0] === MESSAGE.sync && (message[1] === SYNC_STEP2 || message[1] === SYNC_UPDATE)
}

export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.ack)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

export function encodeReject(seq: number, code: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.reject)
  encoding.writeVarUint(encoder, seq)
  encoding.writeVarString(encoder, code)
  return encoding.toUint8Array(encoder)
}

export function encodeAuth(secret: string, moderatorToken: string | null): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.auth)
  encoding.writeVarString(encoder, secret)
  encoding.writeVarString(encoder, moderatorToken ?? '')
  return encoding.toUint8Array(encoder)
}

/** The credentials of an auth message; null for any other message or trailing bytes. */
export function decodeAuth(message: Uint8Array): { secret: string; moderatorToken: string | null } | null {
  try {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MESSAGE.auth) return null
    const secret = decoding.readVarString(decoder)
    const token = decoding.readVarString(decoder)
    if (decoding.hasContent(decoder)) return null
    return { secret, moderatorToken: token === '' ? null : token }
  } catch {
    return null
  }
}

export function encodeHello(serverTime: number, participantId: string, role: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.hello)
  encoding.writeFloat64(encoder, serverTime)
  encoding.writeVarString(encoder, participantId)
  encoding.writeVarString(encoder, role)
  return encoding.toUint8Array(encoder)
}

export function decodeHello(decoder: decoding.Decoder): { serverTime: number; participantId: string; role: string } {
  return {
    serverTime: decoding.readFloat64(decoder),
    participantId: decoding.readVarString(decoder),
    role: decoding.readVarString(decoder),
  }
}
