import { newSecretId } from '../../model/ids'

/**
 * What this browser remembers per board: the participant secret (its identity), the display
 * name chosen when joining, and the moderator token if it has one. Kept per board, so that two
 * boards cannot be linked to the same person.
 */
export interface Credentials {
  readonly secret: string
  /** null until the person has joined (an empty string joins anonymously). */
  readonly name: string | null
  readonly moderatorToken: string | null
  /** "Kommune / Institution" given when joining, written to the board once connected (model/people.ts). */
  readonly institution?: string
}

/** Every localStorage key this browser keeps for one board (forgetBoard removes them all). */
export const boardKeys = (boardId: string) => ({
  credentials: `ballonfahrt:board:${boardId}`,
  follow: `ballonfahrt:follow:${boardId}`,
})

const key = (boardId: string) => boardKeys(boardId).credentials

function read(boardId: string): Partial<Credentials> {
  try {
    const raw = localStorage.getItem(key(boardId))
    return raw ? (JSON.parse(raw) as Partial<Credentials>) : {}
  } catch {
    return {}
  }
}

function write(boardId: string, value: Credentials): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(value))
  } catch {
    // Private mode or full storage: the session still works, it just is not remembered.
  }
}

/** The moderator token this browser holds for a board, without creating an identity. */
export function storedModeratorToken(boardId: string): string | null {
  const token = read(boardId).moderatorToken
  return typeof token === 'string' ? token : null
}

export function loadCredentials(boardId: string): Credentials {
  const stored = read(boardId)
  const credentials: Credentials = {
    secret: typeof stored.secret === 'string' ? stored.secret : newSecretId(),
    name: typeof stored.name === 'string' ? stored.name : null,
    moderatorToken: typeof stored.moderatorToken === 'string' ? stored.moderatorToken : null,
    ...(typeof stored.institution === 'string' ? { institution: stored.institution } : {}),
  }
  if (stored.secret !== credentials.secret) write(boardId, credentials)
  return credentials
}

export function saveName(boardId: string, name: string): Credentials {
  const next = { ...loadCredentials(boardId), name }
  write(boardId, next)
  return next
}

/** Remembers the institution given when joining (empty: none). */
export function saveInstitution(boardId: string, institution: string): Credentials {
  const { institution: _old, ...rest } = loadCredentials(boardId)
  const next = institution === '' ? rest : { ...rest, institution }
  write(boardId, next)
  return next
}

export function saveModeratorToken(boardId: string, moderatorToken: string): Credentials {
  const next = { ...loadCredentials(boardId), moderatorToken }
  write(boardId, next)
  return next
}

/** Removes every key this browser keeps for the board: secret, name, moderator token, following. */
/** Drops the moderator token (revoked or wrong); the secret and name stay, so this browser takes part as before. */
export function dropModeratorToken(boardId: string): void {
  if (typeof read(boardId).moderatorToken !== 'string') return
  write(boardId, { ...loadCredentials(boardId), moderatorToken: null })
}

export function forgetBoard(boardId: string): void {
  try {
    for (const name of Object.values(boardKeys(boardId))) localStorage.removeItem(name)
  } catch {
    // nothing stored
  }
}
