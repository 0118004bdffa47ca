import { createHash, timingSafeEqual } from 'node:crypto'
import { participantIdOf } from '../model/identity'
import type { Actor } from '../model/identity'
import { isBoardId, isTokenShaped } from '../model/ids'
import type { BoardRecord } from './store/BoardStore'

export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token).digest()
}

/** Constant-time comparison of a presented moderator token with the stored hash. */
export function isModeratorToken(record: BoardRecord, token: string): boolean {
  const presented = hashToken(token)
  return presented.length === record.moderatorHash.length && timingSafeEqual(presented, record.moderatorHash)
}

export interface JoinRequest {
  readonly boardId: string
  /** `/ws/<boardId>/private`: the participant's own private doc. */
  readonly private: boolean
  readonly secret: string
  readonly moderatorToken: string | null
}

/** Reads `/ws/<boardId>[/private]?p=<participant secret>[&m=<moderator token>]`; null if malformed. */
export function parseJoin(url: string | undefined): JoinRequest | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url, 'http://localhost')
  } catch {
    // A request target that is no URL at all (e.g. "http://["): refused like any bad join.
    return null
  }
  const match = /^\/ws\/([^/]+)(\/private)?$/.exec(parsed.pathname)
  const boardId = match?.[1]
  const secret = parsed.searchParams.get('p')
  const moderatorToken = parsed.searchParams.get('m')
  if (!boardId || !isBoardId(boardId) || !secret || !isTokenShaped(secret)) return null
  if (moderatorToken !== null && !isTokenShaped(moderatorToken)) return null
  return { boardId, private: match?.[2] !== undefined, secret, moderatorToken }
}

/** The actor a join request may act as, or null when its moderator token is wrong. */
export function authorise(record: BoardRecord, join: JoinRequest): Actor | null {
  const participantId = participantIdOf(join.secret)
  if (join.moderatorToken === null) return { participantId, role: 'participant' }
  return isModeratorToken(record, join.moderatorToken) ? { participantId, role: 'moderator' } : null
}

/** Whether a browser on `origin` may open a websocket to a server reached as `host`. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[] | null): boolean {
  if (origin === undefined) return true
  if (allowed !== null) return allowed.includes(origin)
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
