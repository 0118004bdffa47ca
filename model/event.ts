import { isUntil } from './agreements'
import { LIMITS } from './limits'
import { ZONE_IDS, isLocale } from './zones'
import type { Locale, ZoneId } from './zones'

/**
 * A Veranstaltung (a Fachtag): forums × rounds, each forum round a board of its own. The plan is
 * what the organiser gave; the boards are made from it once, at creation.
 */
export interface EventPlan {
  readonly title: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly place: string
  readonly locale: Locale
  readonly forums: readonly ForumPlan[]
  readonly rounds: readonly RoundPlan[]
}

export interface ForumPlan {
  readonly title: string
  /** The questions that differ from the defaults, per zone. */
  readonly questions: Readonly<Partial<Record<ZoneId, string>>>
}

/** A round's time window (ms since epoch), or none: then the organiser's switch decides. */
export interface RoundPlan {
  readonly start: number | null
  readonly end: number | null
}

export const EVENT_LIMITS = {
  forums: 12,
  rounds: 4,
  /** Boards one event may create (forums × rounds). */
  boards: 24,
  forumTitleLength: 120,
  placeLength: 200,
} as const

/** Input the plan refuses, with the reason in German (the API's language for errors). */
export class EventPlanError extends Error {}

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function refuseUnknown(record: Fields, known: readonly string[], where: string): void {
  const unknown = Object.keys(record).find((key) => !known.includes(key))
  if (unknown !== undefined) throw new EventPlanError(`${where}: unbekanntes Feld "${unknown.slice(0, 40)}"`)
}

function text(value: unknown, name: string, max: number, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw new EventPlanError(`"${name}" fehlt`)
    return ''
  }
  if (typeof value !== 'string') throw new EventPlanError(`"${name}" muss ein Text sein`)
  const trimmed = value.trim()
  if (required && trimmed === '') throw new EventPlanError(`"${name}" darf nicht leer sein`)
  if (trimmed.length > max) throw new EventPlanError(`"${name}" ist zu lang (höchstens ${max} Zeichen)`)
  return trimmed
}

function questions(value: unknown, where: string): Partial<Record<ZoneId, string>> {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) throw new EventPlanError(`${where}: "questions" muss ein Objekt sein`)
  refuseUnknown(value, ZONE_IDS, `${where}.questions`)
  const out: Partial<Record<ZoneId, string>> = {}
  for (const zone of ZONE_IDS) {
    const question = text(value[zone], `${where}.questions.${zone}`, LIMITS.questionLength, false)
    if (question !== '') out[zone] = question
  }
  return out
}

function forums(value: unknown, shared: Partial<Record<ZoneId, string>>): ForumPlan[] {
  if (!Array.isArray(value) || value.length === 0) throw new EventPlanError('"forums" muss eine Liste mit mindestens einem Forum sein')
  if (value.length > EVENT_LIMITS.forums) throw new EventPlanError(`Höchstens ${EVENT_LIMITS.forums} Foren`)
  const seen = new Set<string>()
  return value.map((forum: unknown, i) => {
    const where = `forums[${i}]`
    if (!isObject(forum)) throw new EventPlanError(`${where} muss ein Objekt sein`)
    refuseUnknown(forum, ['title', 'questions'], where)
    const title = text(forum.title, `${where}.title`, EVENT_LIMITS.forumTitleLength, true)
    const key = title.toLocaleLowerCase('de')
    if (seen.has(key)) throw new EventPlanError(`Das Forum "${title}" ist doppelt`)
    seen.add(key)
    return { title, questions: { ...shared, ...questions(forum.questions, where) } }
  })
}

function time(value: unknown, name: string): number {
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : NaN
  if (!Number.isFinite(ms)) throw new EventPlanError(`"${name}" muss ein Zeitpunkt mit Zeitzone sein, z. B. 2026-05-12T10:00+02:00`)
  return ms
}

function rounds(value: unknown): RoundPlan[] {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > EVENT_LIMITS.rounds) throw new EventPlanError(`"rounds" muss eine Zahl von 1 bis ${EVENT_LIMITS.rounds} sein`)
    return Array.from({ length: value }, () => ({ start: null, end: null }))
  }
  if (!Array.isArray(value) || value.length < 1 || value.length > EVENT_LIMITS.rounds)
    throw new EventPlanError(`"rounds" muss eine Zahl oder eine Liste von 1 bis ${EVENT_LIMITS.rounds} Runden sein`)
  let previousEnd = -Infinity
  return value.map((round: unknown, i) => {
    const where = `rounds[${i}]`
    if (!isObject(round)) throw new EventPlanError(`${where} muss ein Objekt mit "start" und "end" sein`)
    refuseUnknown(round, ['start', 'end'], where)
    const start = time(round.start, `${where}.start`)
    const end = time(round.end, `${where}.end`)
    if (end <= start) throw new EventPlanError(`${where}: "end" muss nach "start" liegen`)
    if (start < previousEnd) throw new EventPlanError(`${where} beginnt, bevor die Runde davor endet`)
    previousEnd = end
    return { start, end }
  })
}

/** Reads `POST /api/events`'s body into a plan; throws EventPlanError naming what is wrong. */
export function parseEventPlan(body: unknown): EventPlan {
  if (!isObject(body)) throw new EventPlanError('Erwartet wird ein JSON-Objekt')
  refuseUnknown(body, ['title', 'date', 'place', 'locale', 'forums', 'rounds', 'questions'], 'Veranstaltung')
  const title = text(body.title, 'title', LIMITS.titleLength, true)
  const date = text(body.date, 'date', 10, true)
  if (!isUntil(date)) throw new EventPlanError('"date" muss ein Datum wie 2026-05-12 sein')
  if (body.locale !== undefined && !isLocale(body.locale)) throw new EventPlanError('"locale" muss "de" oder "en" sein')
  const plan: EventPlan = {
    title,
    date,
    place: text(body.place, 'place', EVENT_LIMITS.placeLength, false),
    locale: body.locale ?? 'de',
    forums: forums(body.forums, questions(body.questions, 'Veranstaltung')),
    rounds: rounds(body.rounds ?? 1),
  }
  if (plan.forums.length * plan.rounds.length > EVENT_LIMITS.boards)
    throw new EventPlanError(`Höchstens ${EVENT_LIMITS.boards} Boards je Veranstaltung (Foren × Runden)`)
  return plan
}

/** Every forum round of a plan, forum by forum; rounds count from 1. */
export function forumRounds(plan: EventPlan): { readonly forum: number; readonly round: number }[] {
  return plan.forums.flatMap((_, forum) => plan.rounds.map((_r, i) => ({ forum, round: i + 1 })))
}

/** The board's title: the forum, and the round when there are several. */
export function forumRoundTitle(plan: EventPlan, forum: number, round: number): string {
  const title = plan.forums[forum]?.title ?? ''
  return plan.rounds.length > 1 ? `${title} – ${ROUND_LABEL[plan.locale]} ${round}` : title
}

export const ROUND_LABEL: Readonly<Record<Locale, string>> = { de: 'Runde', en: 'Round' }
