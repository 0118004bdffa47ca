import { BERICHT_PARTS, isBerichtPart } from '../bericht'
import type { Bericht, BerichtPart } from '../bericht'
import { DETAIL_FIELDS, NO_DETAILS, isDetailValue } from '../details'
import type { MeetingDetails } from '../details'
import { LIMITS } from '../limits'
import { isPerson } from '../people'
import type { Person } from '../people'
import { fail, kind, list, object, text } from './parseKit'

/** Reads the parts of an import file that issue 16 added: meeting details, institutions, people. */

const DETAIL_HINT: Readonly<Record<string, string>> = {
  start: 'Uhrzeit HH:MM oder leer',
  end: 'Uhrzeit HH:MM oder leer',
  format: 'digital, praesenz, hybrid oder leer',
  place: `Text, höchstens ${LIMITS.detailLength} Zeichen`,
  organiser: `Text, höchstens ${LIMITS.detailLength} Zeichen`,
}

export function meeting(value: unknown): MeetingDetails {
  if (value === undefined || value === null) return NO_DETAILS
  const input = object(value, 'meeting')
  const out: Record<string, string> = { ...NO_DETAILS }
  for (const [field, v] of Object.entries(input)) {
    if (!(DETAIL_FIELDS as string[]).includes(field)) fail(`meeting.${field}`, `unbekannte Angabe (bekannt: ${DETAIL_FIELDS.join(', ')})`)
    const clean = typeof v === 'string' ? v.trim() : v
    if (!isDetailValue(field, clean)) fail(`meeting.${field}`, `ungültiger Wert ${JSON.stringify(v)?.slice(0, 40) ?? kind(v)} (erwartet: ${DETAIL_HINT[field]})`)
    out[field] = clean as string
  }
  return out as unknown as MeetingDetails
}

export function institutions(value: unknown): string[] {
  return list(value ?? [], 'institutions', LIMITS.notesPerBoard, 'Institutionen')
    .map((v, i) => text(v, `institutions[${i}]`, { max: LIMITS.detailLength }))
    .filter((name) => name !== '')
}

const PERSON_ID = /^[A-Za-z0-9_-]{1,64}$/

/** People by participant id; left out entirely on anonymous boards. */
export function people(value: unknown, anonymous: boolean): Record<string, Person> | undefined {
  if (value === undefined || value === null || anonymous) return undefined
  const input = object(value, 'people')
  const entries = Object.entries(input)
  if (entries.length > LIMITS.notesPerBoard) fail('people', `zu viele Einträge (höchstens ${LIMITS.notesPerBoard})`)
  const out: Record<string, Person> = {}
  for (const [id, person] of entries) {
    if (!PERSON_ID.test(id)) fail(`people.${id.slice(0, 40)}`, 'ungültige Kennung')
    if (!isPerson(person)) fail(`people.${id}`, 'erwartet: { institution?, name? } mit Texten ohne Leerzeichen am Rand')
    out[id] = person
  }
  return out
}

export function quoteMark(value: unknown, path: string): { quote?: true } {
  if (value === undefined || value === null || value === false) return {}
  if (value !== true) fail(`${path}.quote`, `true oder false erwartet, gefunden: ${kind(value)}`)
  return { quote: true }
}

/** The Bericht's edited parts, when the file has any; the draft fills the others. */
export function bericht(value: unknown): Bericht | undefined {
  if (value === undefined || value === null) return undefined
  const input = object(value, 'bericht')
  const out: Partial<Record<BerichtPart, string>> = {}
  for (const [part, v] of Object.entries(input)) {
    if (!isBerichtPart(part)) fail(`bericht.${part.slice(0, 40)}`, `unbekannter Teil (bekannt: ${BERICHT_PARTS.join(', ')})`)
    out[part] = text(v, `bericht.${part}`, { max: LIMITS.berichtPartLength })
  }
  return out
}
