import type * as Y from 'yjs'
import type { ParticipantId } from './ids'
import { LIMITS } from './limits'
import { LOCAL, peopleOf } from './schema'

/**
 * What a participant tells about itself for the report: its institution ("Kommune /
 * Institution", optional, asked when the moderator turns it on) and, only where the board is not
 * anonymous and the moderator allows names in exports, its display name. Each participant writes
 * its own entry, keyed by its participant id; reports list institutions, never whose they are.
 */
export interface Person {
  readonly institution?: string
  readonly name?: string
}

const FIELDS: Readonly<Record<keyof Person, number>> = { institution: LIMITS.detailLength, name: LIMITS.nameLength }

/** Whether `value` is a valid entry: an object with only these fields, each a non-empty text within its limit. */
export function isPerson(value: unknown): value is Person {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.entries(value).every(([key, text]) => {
    const max = (FIELDS as Record<string, number | undefined>)[key]
    return max !== undefined && typeof text === 'string' && text.trim() === text && text !== '' && text.length <= max
  })
}

/** Writes (or, given nothing, removes) the participant's own entry. */
export function setPerson(doc: Y.Doc, participantId: ParticipantId, person: Person): void {
  const entry: Record<string, string> = {}
  for (const key of Object.keys(FIELDS) as (keyof Person)[]) {
    const text = person[key]?.trim().slice(0, FIELDS[key])
    if (text) entry[key] = text
  }
  doc.transact(() => {
    if (Object.keys(entry).length === 0) peopleOf(doc).delete(participantId)
    else peopleOf(doc).set(participantId, entry)
  }, LOCAL)
}

/** A key that counts two spellings of one institution as one: case, spaces and dashes do not matter. */
export function sameInstitution(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .replace(/[\s\u2010-\u2015-]+/gu, ' ')
    .trim()
}

/** The institutions that took part, each once (the first spelling wins), in German alphabetical order. */
export function institutionsOf(people: Iterable<Person>): readonly string[] {
  const seen = new Map<string, string>()
  for (const person of people) {
    const name = person.institution
    if (name === undefined) continue
    const key = sameInstitution(name)
    if (!seen.has(key)) seen.set(key, name)
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'de'))
}
