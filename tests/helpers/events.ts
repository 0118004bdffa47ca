import { addAction } from '../../model/agreements'
import { createCluster } from '../../model/clusters'
import { addNote } from '../../model/notes'
import { setPerson } from '../../model/people'
import { setPhase } from '../../model/phases'
import { setSetting } from '../../model/settings'
import { connectClient } from './clients'
import type { TestClient } from './clients'
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

/**
 * A forum host's session on one forum round, through the socket as its moderator: a note per
 * cluster title (notes visible at once), the clusters, one Maßnahme, and the host's institution if given.
 */
export async function runForum(
  server: TestServer,
  board: CreatedEvent['boards'][number],
  run: { readonly clusters: readonly string[]; readonly action: string; readonly institution?: string },
): Promise<TestClient> {
  const host = connectClient(server.ws, board.boardId, { moderatorToken: board.moderatorToken })
  await host.synced()
  setSetting(host.doc, 'privateWriting', false)
  if (run.institution) setPerson(host.doc, host.actor.participantId, { institution: run.institution })
  const notes = run.clusters.map((title) => addNote(host.doc, { zone: 'steigen', text: `Notiz zu ${title}`, author: host.actor.participantId }))
  setPhase(host.doc, 'clustern')
  run.clusters.forEach((title, i) => createCluster(host.doc, { zone: 'steigen', title, noteIds: [notes[i]!] }))
  setPhase(host.doc, 'massnahmen')
  addAction(host.doc, { what: run.action, who: 'Netzwerkkoordination' })
  await host.settled()
  if (host.rejects.length > 0) throw new Error(`the guard refused: ${JSON.stringify(host.rejects)}`)
  return host
}
