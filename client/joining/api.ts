/** The board-code endpoints of the server, as the landing page and the Teilnehmen dialog use them. */

export interface IssuedCode {
  /** Shown as ABCD-EFGH. */
  readonly code: string
  /** ISO time after which the code no longer works. */
  readonly expiresAt: string
  readonly participantUrl: string
}

/** Asks the server for the board's live code (the same one until it expires). */
export async function issueCode(boardId: string, moderatorToken: string, signal?: AbortSignal): Promise<IssuedCode> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/code`, {
    method: 'POST',
    headers: { authorization: `Bearer ${moderatorToken}` },
    ...(signal && { signal }),
  })
  if (!response.ok) throw new Error(`POST code: ${response.status}`)
  const body = (await response.json()) as Partial<IssuedCode>
  if (typeof body.code !== 'string' || typeof body.expiresAt !== 'string' || typeof body.participantUrl !== 'string')
    throw new Error('POST code: unexpected answer')
  return { code: body.code, expiresAt: body.expiresAt, participantUrl: body.participantUrl }
}

export type CodeLookup =
  | { readonly kind: 'found'; readonly boardId: string }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'rateLimited'; readonly seconds: number }
  | { readonly kind: 'failed' }

/** Which board a typed code leads to; the server alone decides what a code looks like. */
export async function lookupCode(typed: string): Promise<CodeLookup> {
  try {
    const response = await fetch(`/api/codes/${encodeURIComponent(typed.trim())}`)
    if (response.status === 400) return { kind: 'malformed' }
    if (response.status === 404) return { kind: 'unknown' }
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'))
      return { kind: 'rateLimited', seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 }
    }
    if (!response.ok) return { kind: 'failed' }
    const body = (await response.json()) as { boardId?: unknown }
    return typeof body.boardId === 'string' ? { kind: 'found', boardId: body.boardId } : { kind: 'failed' }
  } catch {
    return { kind: 'failed' }
  }
}
