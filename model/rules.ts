import type { UpdateDescription, Write } from './changes'
import type { Actor } from './identity'
import { LIMITS } from './limits'
import { isOrderKey } from './order'
import { isLocale, isZoneId } from './zones'

/**
 * Who may change what. The server guard applies these to every incoming update; the client
 * uses the same functions to offer only what will be accepted.
 */
export type RejectCode = 'notAllowed' | 'tooLong' | 'invalid' | 'boardFull'

export interface Rejection {
  readonly code: RejectCode
  readonly detail: string
}

function reject(code: RejectCode, detail: string): Rejection {
  return { code, detail }
}

/** Whether `actor` may edit, move or delete a note written by `author`. */
export function mayChangeNote(actor: Actor, author: string | null): boolean {
  return actor.role === 'moderator' || (author !== null && author === actor.participantId)
}

function checkMeta(actor: Actor, key: string, value: unknown, deleted: boolean): Rejection | null {
  if (actor.role !== 'moderator') return reject('notAllowed', `meta.${key}`)
  if (key === 'title' || key === 'topic') {
    if (typeof value !== 'string') return reject('invalid', key)
    return value.length > LIMITS.titleLength ? reject('tooLong', key) : null
  }
  if (key === 'locale') return isLocale(value) ? null : reject('invalid', key)
  if (/^question\.(steigen|untenHalten|einheizen)$/.test(key)) {
    if (deleted) return null
    if (typeof value !== 'string') return reject('invalid', key)
    return value.length > LIMITS.questionLength ? reject('tooLong', key) : null
  }
  return reject('notAllowed', `meta.${key}`)
}

function checkNoteField(key: string, value: unknown): Rejection | null {
  switch (key) {
    case 'zone':
      return isZoneId(value) ? null : reject('invalid', 'zone')
    case 'order':
      return isOrderKey(value) ? null : reject('invalid', 'order')
    case 'createdAt':
      return typeof value === 'number' && Number.isFinite(value) ? null : reject('invalid', 'createdAt')
    case 'clusterId':
      return value === null ? null : reject('notAllowed', 'clusterId')
    default:
      return null
  }
}

function checkWrite(actor: Actor, write: Write): Rejection | null {
  switch (write.kind) {
    case 'meta':
      return checkMeta(actor, write.key, write.value, write.deleted)
    case 'noteCreate': {
      if (write.replaces !== undefined && !mayChangeNote(actor, write.replaces)) return reject('notAllowed', 'replace note')
      const f = write.fields
      if (f.author !== actor.participantId) return reject('notAllowed', 'author')
      if (!('text' in f) || !('zone' in f) || !('order' in f)) return reject('invalid', 'incomplete note')
      for (const [key, value] of Object.entries(f)) {
        if (key === 'text' || key === 'author') continue
        const problem = checkNoteField(key, value)
        if (problem) return problem
      }
      return null
    }
    case 'noteField':
      if (!mayChangeNote(actor, write.author)) return reject('notAllowed', 'foreign note')
      if (write.key === 'author' || write.key === 'createdAt' || write.key === 'text')
        return reject('notAllowed', `note.${write.key}`)
      // The model never removes a single field (a note without an order key breaks ordering
      // for the whole zone); overwrites and note deletions are not reported as removals.
      return write.deleted ? reject('invalid', `note.${write.key} removed`) : checkNoteField(write.key, write.value)
    case 'noteText':
      if (!write.isNew && !mayChangeNote(actor, write.author)) return reject('notAllowed', 'foreign note')
      return write.length > LIMITS.noteLength ? reject('tooLong', 'note text') : null
    case 'noteDelete':
      return mayChangeNote(actor, write.author) ? null : reject('notAllowed', 'foreign note')
    case 'other':
      return actor.role === 'moderator' ? null : reject('notAllowed', write.root)
  }
}

/** Checks every write of an update; the first problem rejects the whole update. */
export function checkUpdate(actor: Actor, update: UpdateDescription): Rejection | null {
  if (update.noteCount > LIMITS.notesPerBoard) return reject('boardFull', 'notes')
  for (const write of update.writes) {
    const problem = checkWrite(actor, write)
    if (problem) return problem
  }
  return null
}
