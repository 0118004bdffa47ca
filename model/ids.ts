/** Random identifiers from the platform's CSPRNG (browser and Node >= 20 alike). */

export type NoteId = string
export type ParticipantId = string

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count)
  globalThis.crypto.getRandomValues(bytes)
  return bytes
}

/** base64url without padding: safe in URLs, paths and SQLite keys. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** 128 random bits: unguessable board ids and participant secrets. */
export function newSecretId(): string {
  return toBase64Url(randomBytes(16))
}

/** 256 random bits: moderator tokens. */
export function newToken(): string {
  return toBase64Url(randomBytes(32))
}

/** Ids of notes and other board items: unique, not secret. */
export function newItemId(): string {
  return toBase64Url(randomBytes(9))
}

const BOARD_ID = /^[A-Za-z0-9_-]{22}$/
export function isBoardId(value: string): boolean {
  return BOARD_ID.test(value)
}

const TOKEN = /^[A-Za-z0-9_-]{22,64}$/
export function isTokenShaped(value: string): boolean {
  return TOKEN.test(value)
}

/**
 * Ids of notes, clusters, Maßnahmen and drafts as the board accepts them from anyone: what
 * `newItemId` makes (12 characters of base64url), with room to spare, and nothing else: no
 * spaces, no markup, no control characters, no megabyte keys.
 */
const ITEM_ID = /^[A-Za-z0-9_-]{1,32}$/
export function isItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID.test(value)
}
