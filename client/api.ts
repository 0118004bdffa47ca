import type { Locale } from '../model/zones'

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
export type BoardInfo = { readonly kind: 'found'; readonly title: string } | { readonly kind: 'notFound' } | { readonly kind: 'unknown' }

export async function fetchBoardInfo(boardId: string, signal?: AbortSignal): Promise<BoardInfo> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, signal ? { signal } : {})
    if (response.status === 404) return { kind: 'notFound' }
    if (!response.ok) return { kind: 'unknown' }
    const body = (await response.json()) as { title?: unknown }
    return { kind: 'found', title: typeof body.title === 'string' ? body.title : '' }
  } catch {
    // Offline or the server is restarting: joining may still work once it is back.
    return { kind: 'unknown' }
  }
}
