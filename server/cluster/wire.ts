import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Actor } from '../../model/identity'

/**
 * What instances say to each other about relayed connections, through Redis. A relaying
 * instance (it holds the browser's socket) opens a connection on the board's owner, passes the
 * socket's frames on and says when it is gone; the owner sends frames back and may close it.
 * Frames for one instance gather during a tick and travel as one Redis message.
 */
export type RelayFrame =
  /** Relaying instance -> owner: a socket joined (authorised there: the actor is checked). */
  | { readonly kind: 'open'; readonly conn: string; readonly from: string; readonly boardId: string; readonly private: boolean; readonly actor: Actor }
  /** Either way: one websocket message. */
  | { readonly kind: 'data'; readonly conn: string; readonly data: Uint8Array }
  /** Owner -> relaying instance: close the browser's socket with this code. */
  | { readonly kind: 'close'; readonly conn: string; readonly code: number; readonly reason: string }
  /** Relaying instance -> owner: the browser's socket is gone. */
  | { readonly kind: 'gone'; readonly conn: string }

const KINDS = ['open', 'data', 'close', 'gone'] as const

export function encodeFrames(frames: readonly RelayFrame[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, frames.length)
  for (const frame of frames) {
    encoding.writeVarUint(e, KINDS.indexOf(frame.kind))
    encoding.writeVarString(e, frame.conn)
    if (frame.kind === 'open') {
      encoding.writeVarString(e, frame.from)
      encoding.writeVarString(e, frame.boardId)
      encoding.writeVarUint(e, frame.private ? 1 : 0)
      encoding.writeVarString(e, frame.actor.participantId)
      encoding.writeVarString(e, frame.actor.role)
    } else if (frame.kind === 'data') encoding.writeVarUint8Array(e, frame.data)
    else if (frame.kind === 'close') {
      encoding.writeVarUint(e, frame.code)
      encoding.writeVarString(e, frame.reason)
    }
  }
  return encoding.toUint8Array(e)
}

/** Reads a Redis message of frames; throws on bytes no instance wrote. */
export function decodeFrames(bytes: Uint8Array): RelayFrame[] {
  const d = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(d)
  const frames: RelayFrame[] = []
  for (let i = 0; i < count; i++) frames.push(decodeFrame(d))
  if (decoding.hasContent(d)) throw new Error('relay message: trailing bytes')
  return frames
}

function decodeFrame(d: decoding.Decoder): RelayFrame {
  const kind = KINDS[decoding.readVarUint(d)]
  const conn = decoding.readVarString(d)
  switch (kind) {
    case 'open': {
      const from = decoding.readVarString(d)
      const boardId = decoding.readVarString(d)
      const isPrivate = decoding.readVarUint(d) === 1
      const participantId = decoding.readVarString(d)
      const role = decoding.readVarString(d)
      if (role !== 'participant' && role !== 'moderator') throw new Error('relay message: role')
      return { kind, conn, from, boardId, private: isPrivate, actor: { participantId, role } }
    }
    case 'data':
      return { kind, conn, data: decoding.readVarUint8Array(d) }
    case 'close':
      return { kind, conn, code: decoding.readVarUint(d), reason: decoding.readVarString(d) }
    case 'gone':
      return { kind, conn }
    default:
      throw new Error('relay message: unknown kind')
  }
}
