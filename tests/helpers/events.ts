import type { TestServer } from './server'

/** The Jahresfachtag's grid: four forums on the four dimensions, each in two rounds. */
export const FACHTAG = {
  title: 'Jahresfachtag Präventionsketten Hessen',
  date: '2026-05-12',
  place: 'Frankfurt am Main',
  forums: [{ title: 'Gesundheitsförderung' }, { title: 'Chancengerechtigkeit' }, { title: 'Kinderrechte' }, { title: 'Wirkungsorientierung' }],
  rounds: 2,
}

export interface CreatedEvent {
  readonly eventId: string
  readonly title: string
  readonly eventCode: string
  readonly eventUrl: string
  readonly organiserUrl: string
  readonly organiserToken: string
  readonly boards: readonly {
    readonly boardId: string
    readonly forum: string
    readonly forumIndex: number
    readonly round: number
    readonly participantUrl: string
    readonly moderatorUrl: string
    readonly moderatorToken: string
  }[]
}

export function postEvent(server: TestServer, body: unknown): Promise<Response> {
  return fetch(`${server.http}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

export async function createEvent(server: TestServer, body: object = FACHTAG): Promise<CreatedEvent> {
  const res = await postEvent(server, body)
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedEvent
}

/** A request with `Authorization: Bearer <token>`. */
export function withToken(token: string | null, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), ...(token !== null && { authorization: `Bearer ${token}` }) } }
}
