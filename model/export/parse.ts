import { isUntil } from '../agreements'
import { LIMITS } from '../limits'
import { DEFAULT_SETTINGS, SETTING_NAMES, isValidSetting } from '../settings'
import type { Settings } from '../settings'
import { ZONE_IDS, isLocale, isZoneId } from '../zones'
import type { Locale, ZoneId } from '../zones'
import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION, READABLE_VERSIONS } from './boardFile'
import { bericht, institutions, meeting, people, quoteMark } from './parseMinutes'
import { review } from './parseReview'
import type { BoardFile, FileAction, FileCluster, FileNote, FileZone } from './boardFile'
import { ImportError, fail, kind, list, object, text } from './parseKit'
import type { Json, TextRule } from './parseKit'

export { ImportError }

export interface ParseOptions {
  /** Creation time for notes whose file gives none and has no date (default: now). */
  readonly now?: number
}

function votes(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000) {
    fail(path, `Stimmen müssen eine ganze Zahl ab 0 sein, gefunden: ${typeof value === 'number' ? String(value) : kind(value)}`)
  }
  return value
}

function day(value: unknown, path: string): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') fail(path, `Datum erwartet (JJJJ-MM-TT), gefunden: ${kind(value)}`)
  if (!isUntil(value.trim())) fail(path, `„${value.slice(0, 40)}“ ist kein gültiges Datum (erwartet: JJJJ-MM-TT)`)
  return value.trim()
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

function timestamp(value: unknown, path: string, fallback: string): string {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'string') fail(path, `Zeitpunkt erwartet (ISO 8601), gefunden: ${kind(value)}`)
  const ms = Date.parse(value)
  if (!ISO.test(value) || Number.isNaN(ms) || !isUntil(value.slice(0, 10))) {
    fail(path, `„${value.slice(0, 40)}“ ist kein gültiger Zeitpunkt (erwartet: ISO 8601, z. B. 2025-01-29T09:30:00Z)`)
  }
  return new Date(ms).toISOString()
}

function id(value: unknown, path: string): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') fail(path, `Kennung (Text) erwartet, gefunden: ${kind(value)}`)
  return value
}

function locale(value: unknown): Locale {
  if (value === undefined || value === null) return 'de'
  if (!isLocale(value)) fail('locale', `unbekannte Sprache ${JSON.stringify(value).slice(0, 40)} (erlaubt: de, en)`)
  return value
}

function settings(value: unknown): Settings {
  if (value === undefined || value === null) return { ...DEFAULT_SETTINGS }
  const input = object(value, 'settings')
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const [name, v] of Object.entries(input)) {
    if (!(SETTING_NAMES as string[]).includes(name)) fail(`settings.${name}`, `unbekannte Einstellung (bekannt: ${SETTING_NAMES.join(', ')})`)
    if (!isValidSetting(name, v)) fail(`settings.${name}`, `ungültiger Wert ${JSON.stringify(v)?.slice(0, 40) ?? kind(v)}`)
    out[name] = v
  }
  return out as unknown as Settings
}

function zoneKeys(value: unknown, path: string): Json {
  const input = object(value, path)
  for (const key of Object.keys(input)) {
    if (!isZoneId(key)) fail(`${path}.${key}`, `unbekannter Bereich (erlaubt: ${ZONE_IDS.join(', ')})`)
  }
  return input
}

function questions(value: unknown): Record<ZoneId, string | null> {
  const out: Record<ZoneId, string | null> = { steigen: null, untenHalten: null, einheizen: null }
  if (value === undefined || value === null) return out
  const input = zoneKeys(value, 'questions')
  for (const zone of ZONE_IDS) {
    const q = text(input[zone], `questions.${zone}`, { max: LIMITS.questionLength })
    out[zone] = q === '' ? null : q
  }
  return out
}

/** Counts notes and clusters over the whole file against the board's limits. */
class Budget {
  private notes = 0
  private clusters = 0
  note(path: string): void {
    if (++this.notes > LIMITS.notesPerBoard) fail(path, `zu viele Notizen (höchstens ${LIMITS.notesPerBoard} je Board)`)
  }
  cluster(path: string): void {
    if (++this.clusters > LIMITS.clustersPerBoard) fail(path, `zu viele Cluster (höchstens ${LIMITS.clustersPerBoard} je Board)`)
  }
}

const NOTE_TEXT: TextRule = { max: LIMITS.noteLength, required: 'Text fehlt' }
const ACTION_WHAT: TextRule = { max: LIMITS.actionLength, required: 'Beschreibung der Maßnahme („what“) fehlt' }

function header(
  input: Json,
): Pick<BoardFile, 'title' | 'topic' | 'date' | 'locale' | 'questions' | 'settings' | 'meeting' | 'institutions' | 'people' | 'bericht' | 'review'> {
  if (input.title === undefined) fail('title', 'Titel fehlt')
  const read = settings(input.settings)
  const who = people(input.people, read.anonymous)
  const edited = bericht(input.bericht)
  const carried = review(input.review)
  return {
    ...(edited !== undefined ? { bericht: edited } : {}),
    ...(carried !== undefined ? { review: carried } : {}),
    meeting: meeting(input.meeting),
    institutions: institutions(input.institutions),
    ...(who !== undefined ? { people: who } : {}),
    title: text(input.title, 'title', { max: LIMITS.titleLength }),
    topic: text(input.topic, 'topic', { max: LIMITS.titleLength }),
    date: day(input.date, 'date'),
    locale: locale(input.locale),
    questions: questions(input.questions),
    settings: read,
  }
}

function withoutAuthor(note: FileNote): FileNote {
  const { author: _author, ...rest } = note
  return rest
}

/** Version 1 of the export format, as written by toBoardFile. */
function parseFull(input: Json, budget: Budget, now: string): BoardFile {
  if (input.version === undefined) fail('version', `Version fehlt (unterstützt: ${READABLE_VERSIONS.join(', ')})`)
  if (typeof input.version !== 'number' || !READABLE_VERSIONS.includes(input.version)) {
    fail('version', `Version ${(JSON.stringify(input.version) ?? kind(input.version)).slice(0, 20)} wird nicht unterstützt (unterstützt: ${READABLE_VERSIONS.join(', ')})`)
  }
  const head = header(input)
  const note = (value: unknown, path: string): FileNote => {
    budget.note(path)
    const n = object(value, path)
    const v = votes(n.votes, `${path}.votes`)
    const author = n.author === undefined || n.author === null ? '' : text(n.author, `${path}.author`, { max: 64 })
    const parsed: FileNote = {
      id: id(n.id, `${path}.id`),
      text: text(n.text, `${path}.text`, NOTE_TEXT),
      ...(v > 0 ? { votes: v } : {}),
      ...(author !== '' ? { author } : {}),
      createdAt: timestamp(n.createdAt, `${path}.createdAt`, now),
      ...quoteMark(n.quote, path),
    }
    return head.settings.anonymous ? withoutAuthor(parsed) : parsed
  }
  const zonesIn = zoneKeys(input.zones ?? {}, 'zones')
  const zones = {} as Record<ZoneId, FileZone>
  for (const zone of ZONE_IDS) {
    const path = `zones.${zone}`
    const z = object(zonesIn[zone] ?? {}, path)
    const clusters = list(z.clusters ?? [], `${path}.clusters`, LIMITS.clustersPerBoard, 'Cluster').map((value, i): FileCluster => {
      const p = `${path}.clusters[${i}]`
      budget.cluster(p)
      const c = object(value, p)
      return {
        id: id(c.id, `${p}.id`),
        title: text(c.title, `${p}.title`, { max: LIMITS.clusterTitleLength }),
        votes: votes(c.votes, `${p}.votes`),
        notes: list(c.notes ?? [], `${p}.notes`, LIMITS.notesPerBoard, 'Notizen').map((n, j) => note(n, `${p}.notes[${j}]`)),
      }
    })
    const loose = list(z.loose ?? [], `${path}.loose`, LIMITS.notesPerBoard, 'Notizen').map((n, j) => note(n, `${path}.loose[${j}]`))
    zones[zone] = { clusters, loose }
  }
  const actions = list(input.actions ?? [], 'actions', LIMITS.actionsPerBoard, 'Maßnahmen').map((value, i): FileAction => {
    const p = `actions[${i}]`
    const a = object(value, p)
    if (a.link !== undefined && a.link !== null && typeof a.link !== 'string') fail(`${p}.link`, `Kennung oder null erwartet, gefunden: ${kind(a.link)}`)
    if (a.done !== undefined && typeof a.done !== 'boolean') fail(`${p}.done`, `true oder false erwartet, gefunden: ${kind(a.done)}`)
    return {
      id: id(a.id, `${p}.id`),
      what: text(a.what, `${p}.what`, ACTION_WHAT),
      who: text(a.who, `${p}.who`, { max: LIMITS.whoLength }),
      until: day(a.until, `${p}.until`),
      link: typeof a.link === 'string' ? a.link : null,
      done: a.done === true,
    }
  })
  return { format: BOARD_FILE_FORMAT, version: BOARD_FILE_VERSION, ...head, zones, actions }
}

/**
 * The minimal hand-written format (see server/demo/*.json): zones as lists of
 * `{ cluster: title | null, votes, notes: [text] }`, actions as `{ what, who, until }` with an
 * optional `link` naming a cluster title or a note text. Ids are made up in file order
 * (k1.., n1.., a1..), so the same file always gives the same board.
 */
function parseMinimal(input: Json, budget: Budget, now: string): BoardFile {
  const head = header(input)
  const createdAt = head.date !== '' ? `${head.date}T00:00:00.000Z` : now
  const zonesIn = zoneKeys(input.zones ?? {}, 'zones')
  const zones = {} as Record<ZoneId, FileZone>
  let notes = 0
  let clusterCount = 0
  const named = new Map<string, string>()
  for (const zone of ZONE_IDS) {
    const path = `zones.${zone}`
    const clusters: FileCluster[] = []
    const loose: FileNote[] = []
    list(zonesIn[zone] ?? [], path, LIMITS.notesPerBoard, 'Gruppen').forEach((value, i) => {
      const p = `${path}[${i}]`
      const group = object(value, p)
      if (!('cluster' in group)) fail(`${p}.cluster`, 'fehlt (Titel des Clusters, oder null für Notizen ohne Cluster)')
      const v = votes(group.votes, `${p}.votes`)
      const texts = list(group.notes, `${p}.notes`, LIMITS.notesPerBoard, 'Notizen').map((t, j) => {
        budget.note(`${p}.notes[${j}]`)
        return text(t, `${p}.notes[${j}]`, NOTE_TEXT)
      })
      const made = texts.map((t): FileNote => {
        const noteId = `n${++notes}`
        if (!named.has(t)) named.set(t, noteId)
        return { id: noteId, text: t, createdAt }
      })
      if (group.cluster === null) {
        if (v > 0 && made.length !== 1) fail(`${p}.votes`, 'Stimmen ohne Cluster lassen sich nur einer einzelnen Notiz zuordnen')
        loose.push(...made.map((n) => (v > 0 ? { ...n, votes: v } : n)))
        return
      }
      budget.cluster(p)
      const title = text(group.cluster, `${p}.cluster`, { max: LIMITS.clusterTitleLength })
      const clusterId = `k${++clusterCount}`
      if (title !== '') named.set(title, clusterId)
      clusters.push({ id: clusterId, title, votes: v, notes: made })
    })
    zones[zone] = { clusters, loose }
  }
  const actions = list(input.actions ?? [], 'actions', LIMITS.actionsPerBoard, 'Maßnahmen').map((value, i): FileAction => {
    const p = `actions[${i}]`
    const a = object(value, p)
    if (a.done !== undefined && typeof a.done !== 'boolean') fail(`${p}.done`, `true oder false erwartet, gefunden: ${kind(a.done)}`)
    let link: string | null = null
    if (a.link !== undefined && a.link !== null) {
      const name = text(a.link, `${p}.link`, { max: LIMITS.noteLength })
      link = named.get(name) ?? fail(`${p}.link`, `kein Cluster und keine Notiz heißt „${name.slice(0, 60)}“`)
    }
    return {
      id: `a${i + 1}`,
      what: text(a.what, `${p}.what`, ACTION_WHAT),
      who: text(a.who, `${p}.who`, { max: LIMITS.whoLength }),
      until: day(a.until, `${p}.until`),
      link,
      done: a.done === true,
    }
  })
  return { format: BOARD_FILE_FORMAT, version: BOARD_FILE_VERSION, ...head, zones, actions }
}

/**
 * Reads an import file: the export format (version 1) or the minimal format. Throws
 * ImportError with a German message naming the place and the problem.
 */
export function parseBoardFile(data: unknown, options: ParseOptions = {}): BoardFile {
  const input = object(data, 'Datei')
  const now = new Date(options.now ?? Date.now()).toISOString()
  const budget = new Budget()
  if (input.format === undefined) return parseMinimal(input, budget, now)
  if (input.format !== BOARD_FILE_FORMAT) {
    fail('format', `unbekanntes Format ${JSON.stringify(input.format)?.slice(0, 40) ?? ''} (erwartet: „${BOARD_FILE_FORMAT}“)`)
  }
  return parseFull(input, budget, now)
}
