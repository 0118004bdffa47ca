import { digest } from 'lib0/hash/sha256'
import { toBase64Url } from './ids'
import type { ParticipantId } from './ids'
import { LIMITS } from './limits'

/**
 * A participant proves who it is with a secret only its browser knows; the id others see is a
 * hash of it. Client and server derive it the same way, so the server can stamp identities and
 * check authorship without ever storing the secret.
 */
export function participantIdOf(secret: string): ParticipantId {
  return toBase64Url(digest(new TextEncoder().encode(`ballonfahrt:participant:${secret}`))).slice(0, 16)
}

export type Role = 'moderator' | 'participant'

export interface Actor {
  readonly participantId: ParticipantId
  readonly role: Role
}

/** The server itself, e.g. when it creates a board. */
export const SYSTEM: Actor = Object.freeze({ participantId: 'system', role: 'moderator' })

/**
 * Characters a display name may not carry: controls, bidi embeddings, overrides, isolates and
 * marks (a name could read "moderation" backwards), and zero-width characters (two names that
 * look the same).
 */
// eslint-disable-next-line no-control-regex -- the controls are what this removes
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/**
 * A display name as everyone sees it: NFC, without hidden characters, runs of white space as one
 * space, at most LIMITS.nameLength characters (never half a surrogate pair).
 */
export function normaliseName(raw: string): string {
  const clean = raw.normalize('NFC').replace(HIDDEN, '').replace(/\s+/g, ' ').trim()
  const clipped = clean.slice(0, LIMITS.nameLength)
  return /[\uD800-\uDBFF]$/.test(clipped) ? clipped.slice(0, -1) : clipped
}
