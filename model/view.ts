import * as Y from 'yjs'
import { isDiscussion } from './discussion'
import { isFocus } from './focus'
import { isPresentationPage } from './presentation'
import type { PresentationPage } from './presentation'
import type { Focus } from './focus'
import type { NoteId, ParticipantId } from './ids'
import { compareOrder } from './order'
import { isPhase } from './phases'
import type { Phase } from './phases'
import { isUntil } from './agreements'
import { NO_DETAILS, readDetails } from './details'
import type { MeetingDetails } from './details'
import { readBericht } from './bericht'
import type { Bericht } from './bericht'
import { isPerson } from './people'
import { readReview } from './review'
import type { ReviewItem } from './review'
import type { Person } from './people'
import { actionsOf, clustersOf, membersOf, metaOf, notesOf, peopleOf, progressOf, votesOf } from './schema'
import { seatsOf } from './seats'
import type { Seats } from './seats'
import { DEFAULT_SETTINGS, readSettings } from './settings'
import type { Settings } from './settings'
import { isTimerState } from './timer'
import type { TimerState } from './timer'
import { ZONE_IDS, isLocale, isZoneId } from './zones'
import type { Locale, ZoneId } from './zones'

export interface NoteView {
  readonly id: NoteId
  readonly zone: ZoneId
  readonly text: string
  readonly author: ParticipantId | null
  readonly createdAt: number
  readonly order: string
  readonly clusterId: string | null
  /** Marked "Zitat" by the moderator: the report quotes it. */
  readonly quote: boolean
}

export interface ClusterView {
  readonly id: string
  readonly zone: ZoneId
  readonly title: string
  readonly order: string
  /** Its notes, in order. */
  readonly notes: readonly NoteView[]
}

export interface ZoneView {
  readonly id: ZoneId
  /** The moderator's question, or null for the default question in the reader's language. */
  readonly question: string | null
  /** Every note of the zone, in order. */
  readonly notes: readonly NoteView[]
  readonly clusters: readonly ClusterView[]
  /** Notes in no cluster, in order. */
  readonly loose: readonly NoteView[]
}

export interface ActionView {
  readonly id: string
  readonly what: string
  readonly who: string
  readonly until: string
  readonly link: string | null
  readonly done: boolean
  readonly createdAt: number
}

export interface ProgressView {
  /** Hidden drafts per zone, over all participants. */
  readonly drafts: Readonly<Record<ZoneId, number>>
  /** Participants who marked "fertig". */
  readonly done: readonly ParticipantId[]
  /** Participants who cast at least one vote (open vote: how many votes, never on what). */
  readonly voted: readonly ParticipantId[]
}

export interface BoardView {
  readonly title: string
  readonly topic: string
  readonly locale: Locale
  readonly createdAt: number
  /** The meeting's date (YYYY-MM-DD): set explicitly, or the day the board was created. */
  readonly date: string
  /** How many people joined the board (never who, on any board). */
  readonly participantCount: number
  /** Each member's seat, the order of joining (model/seats.ts): what their look on the board follows. */
  readonly seats: Seats
  /** Time, format, place, organiser (the date is `date`). */
  readonly meeting: MeetingDetails
  /** What participants told about themselves (institution; a name only where allowed), by participant id. */
  readonly people: Readonly<Record<ParticipantId, Person>>
  /** The Bericht's edited parts (model/bericht.ts); a part not there reads as the generated draft. */
  readonly bericht: Bericht
  readonly phase: Phase
  readonly settings: Settings
  readonly locked: boolean
  readonly timer: TimerState | null
  readonly focus: Focus | null
  readonly votesRevealed: boolean
  /** Besprechen: the cluster or unclustered note under discussion (its id), or null. */
  readonly discussion: string | null
  /** The Präsentation's page in Aufdecken and Clustern, or null for the overview. */
  readonly presentation: PresentationPage | null
  readonly zones: Readonly<Record<ZoneId, ZoneView>>
  readonly noteCount: number
  readonly actions: readonly ActionView[]
  /** A follow-up meeting's Rückblick: the previous meeting's open actions and their marks (model/review.ts). */
  readonly review: readonly ReviewItem[]
  readonly progress: ProgressView
  /** Revealed vote totals per cluster or note id (empty until the vote ends). */
  readonly tally: Readonly<Record<string, number>>
}

const NONE: readonly never[] = Object.freeze([])
const emptyZone = (id: ZoneId): ZoneView => Object.freeze({ id, question: null, notes: NONE, clusters: NONE, loose: NONE })

export const EMPTY_BOARD: BoardView = Object.freeze({
  title: '',
  topic: '',
  locale: 'de',
  createdAt: 0,
  date: '',
  participantCount: 0,
  seats: Object.freeze({}),
  meeting: NO_DETAILS,
  people: Object.freeze({}),
  bericht: Object.freeze({}),
  phase: 'sammeln',
  settings: DEFAULT_SETTINGS,
  locked: false,
  timer: null,
  focus: null,
  votesRevealed: false,
  discussion: null,
  presentation: null,
  zones: Object.freeze({ steigen: emptyZone('steigen'), untenHalten: emptyZone('untenHalten'), einheizen: emptyZone('einheizen') }),
  noteCount: 0,
  actions: NONE,
  review: NONE,
  progress: Object.freeze({ drafts: Object.freeze({ steigen: 0, untenHalten: 0, einheizen: 0 }), done: NONE, voted: NONE }),
  tally: Object.freeze({}),
})

function str(value: unknown): string {
  return typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : ''
}

/** Keeps `prev` when `next` has the same content, so identity says "unchanged". */
function keep<T>(prev: T, next: T): T {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : (Object.freeze(next) as T)
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

function keepList<T>(prev: readonly T[], next: T[]): readonly T[] {
  return sameList(prev, next) ? prev : Object.freeze(next)
}

function readNote(id: NoteId, map: Y.Map<unknown>): NoteView | null {
  const zone = map.get('zone')
  if (!isZoneId(zone)) return null
  const author = map.get('author')
  const createdAt = map.get('createdAt')
  const clusterId = map.get('clusterId')
  return {
    id,
    zone,
    text: str(map.get('text')),
    author: typeof author === 'string' ? author : null,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    order: str(map.get('order')),
    clusterId: typeof clusterId === 'string' ? clusterId : null,
    quote: map.get('quote') === true,
  }
}

function index<T extends { id: string }>(lists: Iterable<readonly T[]>): Map<string, T> {
  const out = new Map<string, T>()
  for (const list of lists) for (const item of list) out.set(item.id, item)
  return out
}

function readZones(doc: Y.Doc, prev: BoardView): { zones: Record<ZoneId, ZoneView>; changed: boolean; noteCount: number } {
  const oldNotes = index(ZONE_IDS.map((z) => prev.zones[z].notes))
  const oldClusters = index(ZONE_IDS.map((z) => prev.zones[z].clusters))
  const notes: Record<ZoneId, NoteView[]> = { steigen: [], untenHalten: [], einheizen: [] }
  notesOf(doc).forEach((map, id) => {
    const fresh = readNote(id, map)
    if (!fresh) return
    notes[fresh.zone].push(keep(oldNotes.get(id) ?? (null as unknown as NoteView), fresh))
  })
  const clusterRows: Record<ZoneId, { id: string; zone: ZoneId; title: string; order: string }[]> = {
    steigen: [],
    untenHalten: [],
    einheizen: [],
  }
  clustersOf(doc).forEach((map, id) => {
    const zone = map.get('zone')
    if (isZoneId(zone)) clusterRows[zone].push({ id, zone, title: str(map.get('title')), order: str(map.get('order')) })
  })
  const meta = metaOf(doc)
  const zones = {} as Record<ZoneId, ZoneView>
  let changed = false
  let noteCount = 0
  for (const zone of ZONE_IDS) {
    const sorted = notes[zone].sort(compareOrder)
    noteCount += sorted.length
    const ids = new Set(clusterRows[zone].map((c) => c.id))
    const clusters = clusterRows[zone].sort(compareOrder).map((row) => {
      const members = sorted.filter((n) => n.clusterId === row.id)
      const old = oldClusters.get(row.id)
      const next: ClusterView = { ...row, notes: old ? keepList(old.notes, members) : Object.freeze(members) }
      return old && old.title === next.title && old.order === next.order && old.zone === next.zone && old.notes === next.notes
        ? old
        : Object.freeze(next)
    })
    const old = prev.zones[zone]
    const question = meta.get(`question.${zone}`)
    const next: ZoneView = {
      id: zone,
      question: typeof question === 'string' ? question : null,
      notes: keepList(old.notes, sorted),
      clusters: keepList(old.clusters, clusters),
      loose: keepList(old.loose, sorted.filter((n) => n.clusterId === null || !ids.has(n.clusterId))),
    }
    const same = old.question === next.question && old.notes === next.notes && old.clusters === next.clusters && old.loose === next.loose
    zones[zone] = same ? old : Object.freeze(next)
    changed ||= !same
  }
  return { zones, changed, noteCount }
}

function readActions(doc: Y.Doc, prev: readonly ActionView[]): readonly ActionView[] {
  const old = index([prev])
  const list: ActionView[] = []
  actionsOf(doc).forEach((map, id) => {
    const link = map.get('link')
    const createdAt = map.get('createdAt')
    const next: ActionView = {
      id,
      what: str(map.get('what')),
      who: str(map.get('who')),
      until: str(map.get('until')),
      link: typeof link === 'string' ? link : null,
      done: map.get('done') === true,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
    }
    list.push(keep(old.get(id) ?? (null as unknown as ActionView), next))
  })
  list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  return keepList(prev, list)
}

function readProgress(doc: Y.Doc, prev: ProgressView): ProgressView {
  const drafts: Record<ZoneId, number> = { steigen: 0, untenHalten: 0, einheizen: 0 }
  const done: ParticipantId[] = []
  const voted: ParticipantId[] = []
  progressOf(doc).forEach((value, participant) => {
    const p = value as { counts?: Record<string, unknown>; done?: unknown; votes?: unknown } | null
    for (const zone of ZONE_IDS) {
      const n = p?.counts?.[zone]
      if (typeof n === 'number') drafts[zone] += n
    }
    if (p?.done === true) done.push(participant)
    if (typeof p?.votes === 'number' && p.votes > 0) voted.push(participant)
  })
  done.sort()
  voted.sort()
  return keep(prev, { drafts: Object.freeze(drafts), done: Object.freeze(done), voted: Object.freeze(voted) })
}

function readTally(doc: Y.Doc, prev: Readonly<Record<string, number>>): Readonly<Record<string, number>> {
  const tally: Record<string, number> = {}
  for (const key of [...votesOf(doc).keys()].sort()) {
    const n = votesOf(doc).get(key)
    if (typeof n === 'number') tally[key] = n
  }
  return keep(prev, tally)
}

function readPeople(doc: Y.Doc, prev: Readonly<Record<ParticipantId, Person>>): Readonly<Record<ParticipantId, Person>> {
  const people: Record<ParticipantId, Person> = {}
  const map = peopleOf(doc)
  // Sorted by id, so that every peer lists them in the same order.
  for (const id of [...map.keys()].sort()) {
    const person = map.get(id)
    if (isPerson(person)) people[id] = person
  }
  return keep(prev, people)
}

function dateOf(date: unknown, createdAt: unknown): string {
  if (typeof date === 'string' && isUntil(date) && date !== '') return date
  return typeof createdAt === 'number' && createdAt > 0 ? new Date(createdAt).toISOString().slice(0, 10) : ''
}

/**
 * Reads the doc into plain frozen objects. Given the previous view, every note, cluster, zone,
 * action and the board itself keep their identity when unchanged, so memoised components do not
 * re-render.
 */
export function toBoardView(doc: Y.Doc, prev: BoardView = EMPTY_BOARD): BoardView {
  const meta = metaOf(doc)
  const { zones, changed, noteCount } = readZones(doc, prev)
  const locale = meta.get('locale')
  const createdAt = meta.get('createdAt')
  const phase = meta.get('phase')
  const timer = meta.get('timer')
  const focus = meta.get('focus')
  const discussion = meta.get('discussion')
  const presentation = meta.get('presentation')
  const next: BoardView = {
    title: str(meta.get('title')),
    topic: str(meta.get('topic')),
    locale: isLocale(locale) ? locale : 'de',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    date: dateOf(meta.get('date'), createdAt),
    participantCount: membersOf(doc).size,
    seats: keep(prev.seats, seatsOf(membersOf(doc))),
    meeting: keep(prev.meeting, readDetails(meta)),
    people: readPeople(doc, prev.people),
    bericht: keep(prev.bericht, readBericht(doc)),
    phase: isPhase(phase) ? phase : 'sammeln',
    settings: keep(prev.settings, readSettings(meta)),
    locked: meta.get('locked') === true,
    timer: isTimerState(timer) ? keep(prev.timer, timer) : null,
    focus: isFocus(focus) ? keep(prev.focus, focus) : null,
    votesRevealed: meta.get('votesRevealed') === true,
    discussion: isDiscussion(discussion) ? discussion : null,
    presentation: isPresentationPage(presentation) ? keep(prev.presentation, presentation) : null,
    zones: changed ? Object.freeze(zones) : prev.zones,
    noteCount,
    actions: readActions(doc, prev.actions),
    review: keep(prev.review, readReview(doc)),
    progress: readProgress(doc, prev.progress),
    tally: readTally(doc, prev.tally),
  }
  const same = (Object.keys(next) as (keyof BoardView)[]).every((key) => next[key] === prev[key])
  return same ? prev : Object.freeze(next)
}
