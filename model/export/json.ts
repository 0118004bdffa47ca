import { institutionsOf } from '../people'
import type { Person } from '../people'
import type { BoardView, NoteView } from '../view'
import { ZONE_IDS } from '../zones'
import type { ZoneId } from '../zones'
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION } from './boardFile'
import type { BoardFile, FileNote, FileReviewItem, FileZone } from './boardFile'
import type { ReviewItem } from '../review'

function fileNote(note: NoteView, view: BoardView): FileNote {
  const votes = view.tally[note.id] ?? 0
  return {
    id: note.id,
    text: note.text,
    ...(votes > 0 ? { votes } : {}),
    ...(note.author !== null && !view.settings.anonymous ? { author: note.author } : {}),
    createdAt: new Date(note.createdAt).toISOString(),
    ...(note.quote ? { quote: true as const } : {}),
  }
}

/** People as the file carries them (the caller leaves them out on anonymous boards); names only where allowed. */
function filePeople(view: BoardView): Record<string, Person> {
  const out: Record<string, Person> = {}
  for (const [id, person] of Object.entries(view.people)) {
    const { name, ...rest } = person
    out[id] = view.settings.namesInExports && name !== undefined ? { ...rest, name } : rest
  }
  return out
}

function fileReview(item: ReviewItem): FileReviewItem {
  const { id, what, who, until, status, note } = item
  return { id, what, who, until, ...(status !== null ? { status } : {}), ...(note !== '' ? { note } : {}) }
}

/** The board as an export file: everything needed to rebuild it, nothing of the live meeting. */
export function toBoardFile(view: BoardView): BoardFile {
  const targets = new Set<string>()
  for (const zone of ZONE_IDS) {
    for (const c of view.zones[zone].clusters) targets.add(c.id)
    for (const n of view.zones[zone].notes) targets.add(n.id)
  }
  const zones = {} as Record<ZoneId, FileZone>
  const questions = {} as Record<ZoneId, string | null>
  for (const id of ZONE_IDS) {
    const zone = view.zones[id]
    questions[id] = zone.question
    zones[id] = {
      clusters: zone.clusters.map((c) => ({
        id: c.id,
        title: c.title,
        votes: view.tally[c.id] ?? 0,
        notes: c.notes.map((n) => fileNote(n, view)),
      })),
      loose: zone.loose.map((n) => fileNote(n, view)),
    }
  }
  return {
    format: BOARD_FILE_FORMAT,
    version: BOARD_FILE_VERSION,
    title: view.title,
    topic: view.topic,
    date: view.date,
    locale: view.locale,
    questions,
    settings: { ...view.settings },
    zones,
    meeting: { ...view.meeting },
    institutions: institutionsOf(Object.values(view.people)),
    ...(view.settings.anonymous ? {} : { people: filePeople(view) }),
    ...(Object.keys(view.bericht).length > 0 ? { bericht: { ...view.bericht } } : {}),
    ...(view.review.length > 0 ? { review: view.review.map(fileReview) } : {}),
    actions: view.actions.map((a) => ({
      id: a.id,
      what: a.what,
      who: a.who,
      until: a.until,
      link: a.link !== null && targets.has(a.link) ? a.link : null,
      done: a.done,
    })),
  }
}

/** The export file as text: indented JSON with a final newline. */
export function toJson(view: BoardView): string {
  return `${JSON.stringify(toBoardFile(view), null, 2)}\n`
}

export { BOARD_FILE_FORMAT, BOARD_FILE_VERSION } from './boardFile'
export type { BoardFile, FileAction, FileCluster, FileNote, FileZone } from './boardFile'
export { ImportError, parseBoardFile } from './parse'
export { importBoard } from './import'
