import { randomInt } from 'node:crypto'

/**
 * Where board codes live: beside the SQLite database in DATA_DIR (sqliteCodes.ts), or in
 * PostgreSQL with the boards, shared by every instance (postgresCodes.ts).
 */
export interface JoinCodeStore {
  /** The board's live code, or a new one valid for CODE_TTL_MS. */
  codeFor(boardId: string): Promise<LiveCode>
  /** The board a normalised code leads to, or null when unknown or expired. */
  boardOf(code: string): Promise<string | null>
  /** Drops a board's code (the board was deleted or expired). */
  forget(boardId: string): Promise<void>
  /** Removes expired codes; returns how many. */
  purge(): Promise<number>
  close(): Promise<void>
}

export interface LiveCode {
  /** Normalised, without the dash. */
  readonly code: string
  readonly boardId: string
  readonly expiresAt: number
}

/** No 0/O, 1/I/L: a code read aloud or off a blurry screen share has one reading. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8
export const CODE_TTL_MS = 24 * 60 * 60 * 1000
/** A collision among 31^8 codes is rare; the attempts only guard against it. */
export const CODE_ATTEMPTS = 100

export function newCode(): string {
  let code = ''
  // randomInt draws without modulo bias.
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}
