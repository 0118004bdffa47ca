import type { EventReport } from '../../model/export/event/eventReport'
import { ZONE_IDS } from '../../model/zones'

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
  /** The event code's page (`/e/<code>`), for the organiser only, as the code. */
  readonly eventUrl?: string
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

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function isItem(v: unknown): v is EventReport['zones'][number]['forums'][number]['rounds'][number]['items'][number] {
  return isRecord(v) && isText(v.title) && isNumber(v.votes) && isNumber(v.notes)
}

function isForum(v: unknown): v is EventReport['zones'][number]['forums'][number] {
  return isRecord(v) && isText(v.forum) && isArrayOf(v.rounds, (r): r is unknown => isRecord(r) && isNumber(r.round) && isText(r.label) && isArrayOf(r.items, isItem))
}

function isAction(v: unknown): v is EventReport['actions'][number] {
  return isRecord(v) && isText(v.label) && isText(v.what) && isText(v.who) && isText(v.until) && typeof v.done === 'boolean'
}

function isProse(v: unknown): v is EventReport['prose'] {
  return isRecord(v) && isText(v.intro) && isText(v.actions) && isRecord(v.zones) && ZONE_IDS.every((z) => isText((v.zones as Record<string, unknown>)[z]))
}

/** Whether an answer has the combined report's shape (every text a string, every count a number). */
export function isEventReport(body: unknown): body is EventReport {
  return (
    isRecord(body) && (body.locale === 'de' || body.locale === 'en') && isText(body.title) && isText(body.date) && isText(body.place) &&
    isNumber(body.forumCount) && isNumber(body.roundCount) && isNumber(body.participantCount) && isArrayOf(body.institutions, isText) &&
    isArrayOf(body.zones, (z): z is unknown => isRecord(z) && isText(z.zone) && isText(z.heading) && isArrayOf(z.forums, isForum)) &&
    isArrayOf(body.actions, isAction) && isProse(body.prose)
  )
}

/** `GET /api/events/<id>/report.json`: the combined report as the token may see it (a forum host: their forum). */
export async function loadEventReport(eventId: string, token: string): Promise<Loaded<EventReport>> {
  try {
    const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/report.json`, { headers: bearer(token) })
    if (res.status === 404 || res.status === 403 || res.status === 401) return { status: 'unknown' }
    const body: unknown = res.ok ? await res.json() : null
    return isEventReport(body) ? { status: 'ready', value: body } : { status: 'failed' }
  } catch {
    return { status: 'failed' }
  }
}
