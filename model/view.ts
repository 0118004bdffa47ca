import * as Y from 'yjs'
import type { NoteId, ParticipantId } from './ids'
import { compareOrder } from './order'
import { metaOf, notesOf } from './schema'
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
}

export interface ZoneView {
  readonly id: ZoneId
  /** The moderator's question, or null for the default question in the reader's language. */
  readonly question: string | null
  readonly notes: readonly NoteView[]
}

export interface BoardView {
  readonly title: string
  readonly topic: string
  readonly locale: Locale
  readonly createdAt: number
  readonly zones: Readonly<Record<ZoneId, ZoneView>>
  readonly noteCount: number
}

const NO_NOTES: readonly NoteView[] = Object.freeze([])

export const EMPTY_BOARD: BoardView = Object.freeze({
  title: '',
  topic: '',
  locale: 'de',
  createdAt: 0,
  zones: Object.freeze({
    steigen: Object.freeze({ id: 'steigen', question: null, notes: NO_NOTES }),
    untenHalten: Object.freeze({ id: 'untenHalten', question: null, notes: NO_NOTES }),
    einheizen: Object.freeze({ id: 'einheizen', question: null, notes: NO_NOTES }),
  }),
  noteCount: 0,
})

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function readNote(id: NoteId, map: Y.Map<unknown>): NoteView | null {
  const zone = map.get('zone')
  if (!isZoneId(zone)) return null
  const text = map.get('text')
  const author = map.get('author')
  const createdAt = map.get('createdAt')
  const clusterId = map.get('clusterId')
  return {
    id,
    zone,
    text: text instanceof Y.Text ? text.toString() : '',
    author: typeof author === 'string' ? author : null,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    order: str(map.get('order')),
    clusterId: typeof clusterId === 'string' ? clusterId : null,
  }
}

function sameNote(a: NoteView, b: NoteView): boolean {
  return (
    a.zone === b.zone &&
    a.text === b.text &&
    a.author === b.author &&
    a.createdAt === b.createdAt &&
    a.order === b.order &&
    a.clusterId === b.clusterId
  )
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * Reads the doc into plain frozen objects. Given the previous view, every note, zone and the
 * board itself keep their identity when unchanged, so memoised components do not re-render.
 */
export function toBoardView(doc: Y.Doc, prev: BoardView = EMPTY_BOARD): BoardView {
  const previousNotes = new Map<NoteId, NoteView>()
  for (const zone of ZONE_IDS) for (const note of prev.zones[zone].notes) previousNotes.set(note.id, note)

  const lists: Record<ZoneId, NoteView[]> = { steigen: [], untenHalten: [], einheizen: [] }
  notesOf(doc).forEach((map, id) => {
    const fresh = readNote(id, map)
    if (!fresh) return
    const old = previousNotes.get(id)
    lists[fresh.zone].push(old && sameNote(old, fresh) ? old : Object.freeze(fresh))
  })

  const meta = metaOf(doc)
  const zones = {} as Record<ZoneId, ZoneView>
  let zonesChanged = false
  let noteCount = 0
  for (const id of ZONE_IDS) {
    const notes = lists[id].sort(compareOrder)
    noteCount += notes.length
    const question = meta.get(`question.${id}`)
    const old = prev.zones[id]
    const next = {
      id,
      question: typeof question === 'string' ? question : null,
      notes: sameList(old.notes, notes) ? old.notes : Object.freeze(notes),
    }
    const keep = old.question === next.question && old.notes === next.notes
    zones[id] = keep ? old : Object.freeze(next)
    zonesChanged ||= !keep
  }

  const locale = meta.get('locale')
  const createdAt = meta.get('createdAt')
  const next: BoardView = {
    title: str(meta.get('title')),
    topic: str(meta.get('topic')),
    locale: isLocale(locale) ? locale : 'de',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    zones: zonesChanged ? Object.freeze(zones) : prev.zones,
    noteCount,
  }
  const same =
    !zonesChanged &&
    next.title === prev.title &&
    next.topic === prev.topic &&
    next.locale === prev.locale &&
    next.createdAt === prev.createdAt &&
    next.noteCount === prev.noteCount
  return same ? prev : Object.freeze(next)
}
