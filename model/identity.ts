import { digest } from 'lib0/hash/sha256'
import { toBase64Url } from './ids'
import type { ParticipantId } from './ids'

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
