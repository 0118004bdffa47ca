import * as Y from 'yjs'
import type { NoteId } from './ids'
import { ballotOf, draftsOf, statusOf } from './privateDoc'
import { ZONE_IDS, isZoneId } from './zones'
import type { ZoneId } from './zones'

export interface DraftView {
  readonly id: NoteId
  readonly zone: ZoneId
  readonly text: string
  readonly createdAt: number
}

/** What only I can see: my hidden drafts, my ballot, whether I marked "fertig". */
export interface PrivateView {
  readonly drafts: Readonly<Record<ZoneId, readonly DraftView[]>>
  readonly draftCount: number
  readonly ballot: Readonly<Record<string, number>>
  readonly votesUsed: number
  readonly done: boolean
}

const NONE: readonly DraftView[] = Object.freeze([])
export const EMPTY_PRIVATE: PrivateView = Object.freeze({
  drafts: Object.freeze({ steigen: NONE, untenHalten: NONE, einheizen: NONE }),
  draftCount: 0,
  ballot: Object.freeze({}),
  votesUsed: 0,
  done: false,
})

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Reads a private doc; unchanged parts keep their identity, as in toBoardView. */
export function toPrivateView(doc: Y.Doc, prev: PrivateView = EMPTY_PRIVATE): PrivateView {
  const lists: Record<ZoneId, DraftView[]> = { steigen: [], untenHalten: [], einheizen: [] }
  const old = new Map<string, DraftView>()
  for (const zone of ZONE_IDS) for (const d of prev.drafts[zone]) old.set(d.id, d)
  draftsOf(doc).forEach((map, id) => {
    const zone = map.get('zone')
    const text = map.get('text')
    const createdAt = map.get('createdAt')
    if (!isZoneId(zone)) return
    const next: DraftView = { id, zone, text: text instanceof Y.Text ? text.toString() : '', createdAt: typeof createdAt === 'number' ? createdAt : 0 }
    const before = old.get(id)
    lists[zone].push(before && same(before, next) ? before : Object.freeze(next))
  })
  const drafts = {} as Record<ZoneId, readonly DraftView[]>
  let draftCount = 0
  for (const zone of ZONE_IDS) {
    const list = lists[zone].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    draftCount += list.length
    const before = prev.drafts[zone]
    drafts[zone] = list.length === before.length && list.every((d, i) => d === before[i]) ? before : Object.freeze(list)
  }
  const ballot: Record<string, number> = {}
  let votesUsed = 0
  for (const key of [...ballotOf(doc).keys()].sort()) {
    const n = ballotOf(doc).get(key)
    if (typeof n === 'number' && n > 0) {
      ballot[key] = n
      votesUsed += n
    }
  }
  const next: PrivateView = {
    drafts: ZONE_IDS.every((z) => drafts[z] === prev.drafts[z]) ? prev.drafts : Object.freeze(drafts),
    draftCount,
    ballot: same(ballot, prev.ballot) ? prev.ballot : Object.freeze(ballot),
    votesUsed,
    done: statusOf(doc).get('done') === true,
  }
  return (Object.keys(next) as (keyof PrivateView)[]).every((k) => next[k] === prev[k]) ? prev : Object.freeze(next)
}
