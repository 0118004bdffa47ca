import type { CreatedBoard } from '../api'
import type { SeriesMeeting } from '../../model/series'

/** The series page's data: the meetings, and which of them is the board the page was opened from. */
export interface Series {
  readonly current: number
  readonly meetings: readonly SeriesMeeting[]
}

export type SeriesAnswer = { readonly status: 'ready'; readonly value: Series } | { readonly status: 'forbidden' } | { readonly status: 'failed' }

/** `GET /api/boards/<id>/series` with the moderator token this browser keeps for the board. */
export async function loadSeries(boardId: string, token: string): Promise<SeriesAnswer> {
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/series`, { headers: { authorization: `Bearer ${token}` } })
    if (res.status === 401 || res.status === 403) return { status: 'forbidden' }
    if (!res.ok) return { status: 'failed' }
    const body = (await res.json()) as Partial<Series>
    if (!Array.isArray(body.meetings) || typeof body.current !== 'number') return { status: 'failed' }
    return { status: 'ready', value: body as Series }
  } catch {
    return { status: 'failed' }
  }
}

/** `POST /api/boards/<id>/followup`: the new board's links, or null when refused. */
export async function createFollowUp(boardId: string, token: string): Promise<CreatedBoard | null> {
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/followup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    if (res.status !== 201) return null
    const body = (await res.json()) as Partial<CreatedBoard>
    return typeof body.boardId === 'string' && typeof body.moderatorToken === 'string' ? (body as CreatedBoard) : null
  } catch {
    return null
  }
}
