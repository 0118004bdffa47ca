import { createHash, timingSafeEqual } from 'node:crypto'
import { participantIdOf } from '../model/identity'
import type { Actor } from '../model/identity'
import { isBoardId, isTokenShaped } from '../model/ids'
import type { BoardRecord, BoardStore } from './store/BoardStore'

export function hashToken(token: string): Uint8Array {
  return createHash('sha256').update(token).digest()
}

function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Constant-time comparison of a presented moderator token with the board's own (stored as its hash). */
export function isModeratorToken(record: BoardRecord, token: string): boolean {
  return sameHash(hashToken(token), record.moderatorHash)
}

/** How moderator rights were proved: the board's own token, or a co-moderator link (revocable). */
export type Grant = { readonly kind: 'owner' } | { readonly kind: 'link'; readonly linkId: string }

/**
 * The grant a presented token carries on this board, or null. Every link's hash is compared
 * (in constant time each), so the time taken does not tell which link came close.
 */
export async function moderatorGrant(store: BoardStore, record: BoardRecord, token: string): Promise<Grant | null> {
  if (isModeratorToken(record, token)) return { kind: 'owner' }
  const presented = hashToken(token)
  let linkId: string | null = null
  for (const link of await store.moderatorLinks(record.id)) if (sameHash(presented, link.hash)) linkId = link.id
  return linkId === null ? null : { kind: 'link', linkId }
}

export interface JoinRequest {
  readonly boardId: string
  /** `/ws/<boardId>/private`: the participant's own private doc. */
  readonly private: boolean
  readonly secret: string
  readonly moderatorToken: string | null
}

/** A join from its target and the credentials presented; null when they are not token-shaped. */
export function joinOf(target: { boardId: string; private: boolean }, secret: string | null, moderatorToken: string | null): JoinRequest | null {
  if (!secret || !isTokenShaped(secret)) return null
  if (moderatorToken !== null && !isTokenShaped(moderatorToken)) return null
  return { boardId: target.boardId, private: target.private, secret, moderatorToken }
}

/**
 * The board and doc of `/ws/<boardId>[/private]`; null when malformed. `query` says whether the
 * URL had one: it is refused whatever it holds (upgrade.ts), the credentials come in the first message.
 */
export function parseWsTarget(url: string | undefined): { boardId: string; private: boolean; query: boolean } | null {
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
  if (!boardId || !isBoardId(boardId)) return null
  return { boardId, private: match?.[2] !== undefined, query: parsed.search !== '' }
}

/** Who a join request may act as, and by which grant; null when its moderator token is wrong or revoked. */
export async function authorise(store: BoardStore, record: BoardRecord, join: JoinRequest): Promise<{ actor: Actor; grant: Grant | null } | null> {
  const participantId = participantIdOf(join.secret)
  if (join.moderatorToken === null) return { actor: { participantId, role: 'participant' }, grant: null }
  const grant = await moderatorGrant(store, record, join.moderatorToken)
  return grant ? { actor: { participantId, role: 'moderator' }, grant } : null
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
