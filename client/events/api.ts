/** The events' HTTP interface as the pages use it; every answer's shape is checked before use. */
export interface OfferedForums {
  readonly title: string
  readonly date: string
  readonly place: string
  readonly openRound: number | null
  readonly forums: readonly { readonly title: string; readonly boardId: string }[]
}

export type Loaded<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'unknown' } | { readonly status: 'failed' }

const isText = (v: unknown): v is string => typeof v === 'string'

function isOffered(body: unknown): body is OfferedForums {
  const b = body as Partial<OfferedForums> | null
  return (
    !!b && isText(b.title) && isText(b.date) && isText(b.place) && (b.openRound === null || typeof b.openRound === 'number') &&
    Array.isArray(b.forums) && b.forums.every((f) => isText(f.title) && isText(f.boardId))
  )
}

/** `GET /api/event-codes/<code>`: the forums of the round that is open now. */
export async function offeredForums(code: string): Promise<Loaded<OfferedForums>> {
  try {
    const res = await fetch(`/api/event-codes/${encodeURIComponent(code)}`)
    if (res.status === 404 || res.status === 400) return { status: 'unknown' }
    const body: unknown = res.ok ? await res.json() : null
    return isOffered(body) ? { status: 'ready', value: body } : { status: 'failed' }
  } catch {
    return { status: 'failed' }
  }
}

export interface ForumRoundRow {
  readonly boardId: string
  readonly forum: string
  readonly round: number
  readonly state: { readonly phase: string; readonly present: number; readonly notes: number; readonly votes: number; readonly reportDone: boolean } | null
  readonly participantUrl: string
  readonly presentationUrl: string
  readonly moderatorUrl: string | null
}

export interface Overview {
  readonly title: string
  readonly date: string
  readonly place: string
  readonly rounds: number
  readonly organiser: boolean
  readonly eventCode?: string
  readonly roundSwitch: string
  readonly openRound: number | null
  readonly boards: readonly ForumRoundRow[]
}

function isOverview(body: unknown): body is Overview {
  const b = body as Partial<Overview> | null
  return !!b && isText(b.title) && typeof b.rounds === 'number' && typeof b.organiser === 'boolean' && isText(b.roundSwitch) && Array.isArray(b.boards)
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** `GET /api/events/<id>` with the organiser's or a forum host's token. */
export async function loadOverview(eventId: string, token: string): Promise<Loaded<Overview>> {
  try {
    const res = await fetch(`/api/events/${encodeURIComponent(eventId)}`, { headers: bearer(token) })
    if (res.status === 404 || res.status === 403 || res.status === 401) return { status: 'unknown' }
    const body: unknown = res.ok ? await res.json() : null
    return isOverview(body) ? { status: 'ready', value: body } : { status: 'failed' }
  } catch {
    return { status: 'failed' }
  }
}

/** `PUT /api/events/<id>/round` (organiser): `"auto"`, a round's number, or null for none. */
export async function switchRound(eventId: string, token: string, open: number | 'auto' | null): Promise<boolean> {
  const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/round`, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify({ open }),
  })
  return res.ok
}
