import { describe, expect, it } from 'vitest'
import type { Write } from '../../model/changes'
import type { Actor } from '../../model/identity'
import { LIMITS } from '../../model/limits'
import { checkUpdate, mayChangeNote } from '../../model/rules'

const me = 'me-id'
const other = 'other-id'
const participant: Actor = { participantId: me, role: 'participant' }
const moderator: Actor = { participantId: me, role: 'moderator' }

const note = { zone: 'steigen', text: null, author: me, createdAt: 1, order: 'a0', clusterId: null }

/** Write kind -> [participant's verdict, moderator's verdict]; null means allowed. */
const table: [string, Write, string | null, string | null][] = [
  ['create own note', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: note }, null, null],
  ['create note in another name', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: { ...note, author: other } }, 'notAllowed', 'notAllowed'],
  ['create note without author', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: { zone: 'steigen', text: null, order: 'a0' } }, 'notAllowed', 'notAllowed'],
  ['create note without order', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: { zone: 'steigen', text: null, author: me } }, 'invalid', 'invalid'],
  ['create note in unknown zone', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: { ...note, zone: 'keller' } }, 'invalid', 'invalid'],
  ['create note in a cluster', { kind: 'noteCreate', noteId: 'n', replaces: undefined, fields: { ...note, clusterId: 'c' } }, 'notAllowed', 'notAllowed'],
  ['replace own note', { kind: 'noteCreate', noteId: 'n', replaces: me, fields: note }, null, null],
  ['replace foreign note', { kind: 'noteCreate', noteId: 'n', replaces: other, fields: note }, 'notAllowed', null],
  ['replace anonymous note', { kind: 'noteCreate', noteId: 'n', replaces: null, fields: note }, 'notAllowed', null],
  ['move own note', { kind: 'noteField', noteId: 'n', author: me, key: 'order', value: 'a1', deleted: false }, null, null],
  ['move own note to a zone', { kind: 'noteField', noteId: 'n', author: me, key: 'zone', value: 'einheizen', deleted: false }, null, null],
  ['move foreign note', { kind: 'noteField', noteId: 'n', author: other, key: 'order', value: 'a1', deleted: false }, 'notAllowed', null],
  ['move to unknown zone', { kind: 'noteField', noteId: 'n', author: me, key: 'zone', value: 'keller', deleted: false }, 'invalid', 'invalid'],
  ['bad order key', { kind: 'noteField', noteId: 'n', author: me, key: 'order', value: 'b', deleted: false }, 'invalid', 'invalid'],
  ['remove order key', { kind: 'noteField', noteId: 'n', author: me, key: 'order', value: undefined, deleted: true }, 'invalid', 'invalid'],
  ['change author', { kind: 'noteField', noteId: 'n', author: me, key: 'author', value: other, deleted: false }, 'notAllowed', 'notAllowed'],
  ['change createdAt', { kind: 'noteField', noteId: 'n', author: me, key: 'createdAt', value: 2, deleted: false }, 'notAllowed', 'notAllowed'],
  ['edit own text', { kind: 'noteText', noteId: 'n', author: me, isNew: false, length: 10 }, null, null],
  ['edit foreign text', { kind: 'noteText', noteId: 'n', author: other, isNew: false, length: 10 }, 'notAllowed', null],
  ['text at the limit', { kind: 'noteText', noteId: 'n', author: me, isNew: false, length: LIMITS.noteLength }, null, null],
  ['text over the limit', { kind: 'noteText', noteId: 'n', author: me, isNew: false, length: LIMITS.noteLength + 1 }, 'tooLong', 'tooLong'],
  ['new note text over the limit', { kind: 'noteText', noteId: 'n', author: null, isNew: true, length: LIMITS.noteLength + 1 }, 'tooLong', 'tooLong'],
  ['delete own note', { kind: 'noteDelete', noteId: 'n', author: me }, null, null],
  ['delete foreign note', { kind: 'noteDelete', noteId: 'n', author: other }, 'notAllowed', null],
  ['delete anonymous note', { kind: 'noteDelete', noteId: 'n', author: null }, 'notAllowed', null],
  ['set title', { kind: 'meta', key: 'title', value: 'T', deleted: false }, 'notAllowed', null],
  ['title over the limit', { kind: 'meta', key: 'title', value: 'T'.repeat(LIMITS.titleLength + 1), deleted: false }, 'notAllowed', 'tooLong'],
  ['title not a string', { kind: 'meta', key: 'title', value: 5, deleted: false }, 'notAllowed', 'invalid'],
  ['remove title', { kind: 'meta', key: 'title', value: undefined, deleted: true }, 'notAllowed', 'invalid'],
  ['set topic', { kind: 'meta', key: 'topic', value: 'x', deleted: false }, 'notAllowed', null],
  ['set locale', { kind: 'meta', key: 'locale', value: 'en', deleted: false }, 'notAllowed', null],
  ['unknown locale', { kind: 'meta', key: 'locale', value: 'xx', deleted: false }, 'notAllowed', 'invalid'],
  ['set question', { kind: 'meta', key: 'question.einheizen', value: 'Q?', deleted: false }, 'notAllowed', null],
  ['reset question', { kind: 'meta', key: 'question.einheizen', value: undefined, deleted: true }, 'notAllowed', null],
  ['question over the limit', { kind: 'meta', key: 'question.steigen', value: 'q'.repeat(LIMITS.questionLength + 1), deleted: false }, 'notAllowed', 'tooLong'],
  ['question of unknown zone', { kind: 'meta', key: 'question.keller', value: 'Q?', deleted: false }, 'notAllowed', 'notAllowed'],
  ['schema version', { kind: 'meta', key: 'v', value: 2, deleted: false }, 'notAllowed', 'notAllowed'],
  ['unknown meta key', { kind: 'meta', key: 'phase', value: 'vote', deleted: false }, 'notAllowed', 'notAllowed'],
  ['clusters', { kind: 'other', root: 'clusters', path: 'clusters/c1' }, 'notAllowed', null],
  ['votes', { kind: 'other', root: 'votes', path: 'votes/me-id' }, 'notAllowed', null],
]

describe('rules table', () => {
  it.each(table)('%s: participant %s, moderator %s', (_name, write, forParticipant, forModerator) => {
    const update = { writes: [write], noteCount: 1 }
    expect(checkUpdate(participant, update)?.code ?? null).toBe(forParticipant)
    expect(checkUpdate(moderator, update)?.code ?? null).toBe(forModerator)
  })

  it('rejects a whole update for its first bad write', () => {
    const good: Write = { kind: 'noteText', noteId: 'n', author: me, isNew: false, length: 3 }
    const bad: Write = { kind: 'noteDelete', noteId: 'm', author: other }
    expect(checkUpdate(participant, { writes: [good, bad, good], noteCount: 2 })).toMatchObject({ code: 'notAllowed' })
    expect(checkUpdate(participant, { writes: [good, good], noteCount: 2 })).toBeNull()
    expect(checkUpdate(participant, { writes: [], noteCount: 0 })).toBeNull()
  })

  it('rejects any update once the board holds more notes than allowed', () => {
    expect(checkUpdate(moderator, { writes: [], noteCount: LIMITS.notesPerBoard })).toBeNull()
    expect(checkUpdate(moderator, { writes: [], noteCount: LIMITS.notesPerBoard + 1 })).toMatchObject({ code: 'boardFull' })
  })

  it('lets authors and moderators change a note, nobody else', () => {
    expect(mayChangeNote(participant, me)).toBe(true)
    expect(mayChangeNote(participant, other)).toBe(false)
    expect(mayChangeNote(participant, null)).toBe(false)
    expect(mayChangeNote(moderator, other)).toBe(true)
    expect(mayChangeNote(moderator, null)).toBe(true)
  })
})
