import type { Locale } from '../model/zones'
import { isReasonCode } from '../protocol/reasons'
import type { ReasonCode } from '../protocol/reasons'

/** The server's HTTP API as the SPA uses it. */
export interface CreatedBoard {
  readonly boardId: string
  readonly participantUrl: string
  readonly moderatorUrl: string
  readonly moderatorToken: string
}

export interface NewBoardRequest {
  readonly title?: string
  readonly locale?: Locale
}

export async function createBoard(request: NewBoardRequest): Promise<CreatedBoard> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  })
  if (response.status !== 201 && !response.ok) throw new Error(`POST /api/boards: ${response.status}`)
  const body = (await response.json()) as Partial<CreatedBoard>
  if (typeof body.boardId !== 'string' || typeof body.moderatorToken !== 'string')
    throw new Error('POST /api/boards: unexpected answer')
  return body as CreatedBoard
}

/** Deletes the whole board on the server: every connection closes and every row goes. */
export async function deleteBoard(boardId: string, moderatorToken: string): Promise<boolean> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${moderatorToken}` },
  })
  return response.status === 204
}

/** What the join screen shows before connecting. */
export type BoardInfo = { readonly kind: 'found'; readonly title: string; readonly askInstitution: boolean } | { readonly kind: 'notFound' } | { readonly kind: 'unknown' }

export async function fetchBoardInfo(boardId: string, signal?: AbortSignal): Promise<BoardInfo> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, signal ? { signal } : {})
    if (response.status === 404) return { kind: 'notFound' }
    if (!response.ok) return { kind: 'unknown' }
    const body = (await response.json()) as { title?: unknown; askInstitution?: unknown }
    return { kind: 'found', title: typeof body.title === 'string' ? body.title : '', askInstitution: body.askInstitution === true }
  } catch {
    // Offline or the server is restarting: joining may still work once it is back.
    return { kind: 'unknown' }
  }
}

/** A co-moderator link as the board's moderator sees it in the list (never its token). */
export interface ModeratorLinkInfo {
  readonly id: string
  readonly label: string
  readonly createdAt: number
}

/** What a request about co-moderator links came to: done, or refused with the server's German message. */
export type LinkAnswer<T> = { readonly ok: true; readonly value: T } | LinkRefusal
/** A refusal: the HTTP status (0: no answer), the server's German message and its reason code (protocol/reasons.ts) with the limit it names. */
export interface LinkRefusal {
  readonly ok: false
  readonly status: number
  readonly error: string
  readonly code?: ReasonCode
  readonly max?: number
}

async function linkRequest<T>(path: string, token: string, init: RequestInit, read: (body: unknown) => T): Promise<LinkAnswer<T>> {
  try {
    const response = await fetch(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })
    const body: unknown = response.status === 204 ? null : await response.json().catch(() => null)
    if (response.ok) return { ok: true, value: read(body) }
    const { error, code, max } = (body ?? {}) as { error?: unknown; code?: unknown; max?: unknown }
    return {
      ok: false,
      status: response.status,
      error: typeof error === 'string' ? error : '',
      ...(isReasonCode(code) && { code }),
      ...(typeof max === 'number' && Number.isInteger(max) && { max }),
    }
  } catch {
    return { ok: false, status: 0, error: '' }
  }
}

const linksPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/moderators`

function linkInfo(value: unknown): ModeratorLinkInfo {
  const v = value as Partial<ModeratorLinkInfo> | null
  if (typeof v?.id !== 'string' || typeof v.label !== 'string' || typeof v.createdAt !== 'number') throw new Error('unexpected answer')
  return { id: v.id, label: v.label, createdAt: v.createdAt }
}

export function listModeratorLinks(boardId: string, token: string): Promise<LinkAnswer<readonly ModeratorLinkInfo[]>> {
  return linkRequest(linksPath(boardId), token, {}, (body) => ((body as { links?: unknown[] } | null)?.links ?? []).map(linkInfo))
}

export function createModeratorLink(boardId: string, token: string, label: string): Promise<LinkAnswer<ModeratorLinkInfo & { readonly moderatorToken: string }>> {
  return linkRequest(linksPath(boardId), token, { method: 'POST', body: JSON.stringify({ label }) }, (body) => {
    const moderatorToken = (body as { moderatorToken?: unknown } | null)?.moderatorToken
    if (typeof moderatorToken !== 'string') throw new Error('unexpected answer')
    return { ...linkInfo(body), moderatorToken }
  })
}

export function revokeModeratorLink(boardId: string, token: string, linkId: string): Promise<LinkAnswer<null>> {
  return linkRequest(`${linksPath(boardId)}/${encodeURIComponent(linkId)}`, token, { method: 'DELETE' }, () => null)
}
