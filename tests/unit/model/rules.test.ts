import { describe, expect, it } from 'vitest'
import type { UpdateDescription, Write } from '../../../model/changes'
import type { BoardFacts } from '../../../model/facts'
import type { Actor } from '../../../model/identity'
import { LIMITS } from '../../../model/limits'
import type { Phase } from '../../../model/phases'
import { checkPrivateUpdate, checkUpdate, mayChangeNote } from '../../../model/rules'
import { DEFAULT_SETTINGS } from '../../../model/settings'
import type { Settings } from '../../../model/settings'

const me = 'me-id'
const other = 'other-id'
const participant: Actor = { participantId: me, role: 'participant' }
const moderator: Actor = { participantId: me, role: 'moderator' }

interface FactsInput {
  readonly phase?: Phase
  readonly settings?: Partial<Settings>
  readonly locked?: boolean
  readonly votesRevealed?: boolean
}

/**
 * The board the table is judged against, spelled out: note `mine` is by me, `theirs` by someone
 * else, `anon` by nobody (anonymous); `inCluster` belongs to cluster `c1`, `loose` to none.
 * Unless a row says otherwise the board is collecting openly (not privately).
 */
function facts(input: FactsInput = {}): BoardFacts {
  const authors: Record<string, string | null> = { mine: me, theirs: other, anon: null, inCluster: other, loose: other }
  const clusterOf: Record<string, string | null> = { inCluster: 'c1' }
  const clusters = new Set(['c1'])
  const actions = new Set(['a0'])
  return {
    phase: input.phase ?? 'sammeln',
    settings: { ...DEFAULT_SETTINGS, privateWriting: false, ...input.settings },
    locked: input.locked ?? false,
    votesRevealed: input.votesRevealed ?? false,
    noteAuthor: (id) => authors[id],
    hasCluster: (id) => clusters.has(id),
    rootOf: (id) => (id in authors ? 'notes' : clusters.has(id) ? 'clusters' : actions.has(id) ? 'actions' : undefined),
    isCarried: () => false,
    isVoteTarget: (id) => clusters.has(id) || (id in authors && !clusters.has(clusterOf[id] ?? '')),
  }
}

const sizes = { notes: 5, clusters: 1, actions: 0 }
const one = (write: Write, size = sizes): UpdateDescription => ({ writes: [write], sizes: size })

const note = { zone: 'steigen', text: null, author: me, createdAt: 1_760_000_000_000, order: 'a0', clusterId: null }
const create = (fields: Record<string, unknown>, id = 'new', replaces = false): Write => ({ kind: 'create', root: 'notes', id, replaces, fields })
const field = (id: string, key: string, value: unknown, deleted = false): Write => ({ kind: 'field', root: 'notes', id, key, value, deleted })
const text = (id: string, length: number, isNew = false): Write => ({ kind: 'text', root: 'notes', id, isNew, length })
const meta = (key: string, value: unknown, deleted = false): Write => ({ kind: 'value', root: 'meta', key, value, deleted })
const cluster = { zone: 'steigen', title: null, order: 'a0' }
const action = { what: null, who: '', until: '', link: null, done: false, createdAt: 1_760_000_000_000 }

const OPEN: FactsInput = {}
const PRIVATE: FactsInput = { settings: { privateWriting: true } }
const LOCKED: FactsInput = { locked: true }
const ABSCHLUSS: FactsInput = { phase: 'abschluss' }
const ANONYMOUS: FactsInput = { settings: { anonymous: true } }
const CLUSTERING: FactsInput = { phase: 'clustern', settings: { participantsCluster: true } }
const ACTIONS: FactsInput = { phase: 'massnahmen', settings: { participantsEditActions: true } }

type Row = [name: string, write: Write, board: FactsInput, participant: string | null, moderator: string | null]

/** Role × write × board -> verdict; null means allowed. */
const table: Row[] = [
  // Notes
  ['create own note', create(note), OPEN, null, null],
  ['create note in another name', create({ ...note, author: other }), OPEN, 'notAllowed', 'notAllowed'],
  ['create note without author', create({ zone: 'steigen', text: null, order: 'a0' }), OPEN, 'notAllowed', 'notAllowed'],
  ['create note without order', create({ zone: 'steigen', text: null, author: me }), OPEN, 'invalid', 'invalid'],
  ['create note without text', create({ zone: 'steigen', order: 'a0', author: me }), OPEN, 'invalid', 'invalid'],
  ['create note in unknown zone', create({ ...note, zone: 'keller' }), OPEN, 'invalid', 'invalid'],
  ['create note with bad createdAt', create({ ...note, createdAt: 'gestern' }), OPEN, 'invalid', 'invalid'],
  ['create note dated 1e300', create({ ...note, createdAt: 1e300 }), OPEN, 'invalid', 'invalid'],
  ['create note dated 1970', create({ ...note, createdAt: 86_400_000 }), OPEN, 'invalid', 'invalid'],
  ['create note dated after 2100', create({ ...note, createdAt: Date.UTC(2100, 0, 2) }), OPEN, 'invalid', 'invalid'],
  ['create note with an id of 33 characters', create(note, 'n'.repeat(33)), OPEN, 'invalid', 'invalid'],
  ['create note with an id of 110,000 characters', create(note, 'n'.repeat(110_000)), OPEN, 'invalid', 'invalid'],
  ['create note with an id of markup', create(note, '<b>x</b>'), OPEN, 'invalid', 'invalid'],
  ['create note with an id with a control character', create(note, 'x\u0007'), OPEN, 'invalid', 'invalid'],
  ['create note with a cluster’s id', create(note, 'c1'), OPEN, 'invalid', 'invalid'],
  ['create note with a Maßnahme’s id', create(note, 'a0'), OPEN, 'invalid', 'invalid'],
  // Changed on purpose: the moderator clusters, so it may create a note inside a cluster.
  ['create note in a cluster', create({ ...note, clusterId: 'c1' }), OPEN, 'notAllowed', null],
  ['create note in a cluster, participants cluster', create({ ...note, clusterId: 'c1' }), CLUSTERING, null, null],
  ['create note while collecting privately', create(note), PRIVATE, 'notAllowed', 'notAllowed'],
  ['create note privately-set board in Aufdecken', create(note), { ...PRIVATE, phase: 'aufdecken' }, null, null],
  ['create note on a locked board', create(note), LOCKED, 'readOnly', null],
  ['create note in Abschluss', create(note), ABSCHLUSS, 'readOnly', null],
  ['create named note on an anonymous board', create(note), ANONYMOUS, 'notAllowed', 'notAllowed'],
  ['create note without author on an anonymous board', create({ zone: 'steigen', text: null, order: 'a0' }), ANONYMOUS, null, null],
  ['replace own note', create(note, 'mine', true), OPEN, null, null],
  ['replace foreign note', create(note, 'theirs', true), OPEN, 'notAllowed', null],
  ['replace anonymous note', create(note, 'anon', true), OPEN, 'notAllowed', null],
  ['move own note', field('mine', 'order', 'a1'), OPEN, null, null],
  ['move own note to a zone', field('mine', 'zone', 'einheizen'), OPEN, null, null],
  ['move foreign note', field('theirs', 'order', 'a1'), OPEN, 'notAllowed', null],
  ['move foreign note, participants cluster', field('theirs', 'order', 'a1'), CLUSTERING, null, null],
  ['move to unknown zone', field('mine', 'zone', 'keller'), OPEN, 'invalid', 'invalid'],
  ['bad order key', field('mine', 'order', 'b'), OPEN, 'invalid', 'invalid'],
  ['remove order key', field('mine', 'order', undefined, true), OPEN, 'invalid', 'invalid'],
  ['change author', field('mine', 'author', other), OPEN, 'notAllowed', 'notAllowed'],
  ['change createdAt', field('mine', 'createdAt', 2), OPEN, 'notAllowed', 'notAllowed'],
  ['replace text type', field('mine', 'text', null), OPEN, 'notAllowed', 'notAllowed'],
  ['put own note in a cluster', field('mine', 'clusterId', 'c1'), OPEN, 'notAllowed', null],
  ['put own note in a cluster, participants cluster', field('mine', 'clusterId', 'c1'), CLUSTERING, null, null],
  ['put note in a cluster with a bad id', field('mine', 'clusterId', ''), OPEN, 'notAllowed', 'notAllowed'],
  ['take own note out of a cluster', field('mine', 'clusterId', null), OPEN, null, null],
  ['take foreign note out of a cluster', field('theirs', 'clusterId', null), OPEN, 'notAllowed', null],
  ['take foreign note out of a cluster, participants cluster', field('theirs', 'clusterId', null), CLUSTERING, null, null],
  ['remove clusterId field', field('mine', 'clusterId', undefined, true), OPEN, 'notAllowed', 'notAllowed'],
  ['take own note out of a cluster, locked', field('mine', 'clusterId', null), LOCKED, 'readOnly', null],
  ['edit own text', text('mine', 10), OPEN, null, null],
  ['edit own text while collecting privately', text('mine', 10), PRIVATE, null, null],
  ['edit foreign text', text('theirs', 10), OPEN, 'notAllowed', null],
  ['edit anonymous text', text('anon', 10), ANONYMOUS, 'notAllowed', null],
  ['text at the limit', text('mine', LIMITS.noteLength), OPEN, null, null],
  ['text over the limit', text('mine', LIMITS.noteLength + 1), OPEN, 'tooLong', 'tooLong'],
  ['new note text over the limit', text('new', LIMITS.noteLength + 1, true), OPEN, 'tooLong', 'tooLong'],
  ['delete own note', { kind: 'delete', root: 'notes', id: 'mine' }, OPEN, null, null],
  ['delete own note, locked', { kind: 'delete', root: 'notes', id: 'mine' }, LOCKED, 'readOnly', null],
  ['delete foreign note', { kind: 'delete', root: 'notes', id: 'theirs' }, OPEN, 'notAllowed', null],
  ['delete anonymous note', { kind: 'delete', root: 'notes', id: 'anon' }, OPEN, 'notAllowed', null],
  // Meta
  ['set title', meta('title', 'T'), OPEN, 'notAllowed', null],
  ['set title, locked', meta('title', 'T'), LOCKED, 'readOnly', null],
  ['title over the limit', meta('title', 'T'.repeat(LIMITS.titleLength + 1)), OPEN, 'notAllowed', 'tooLong'],
  ['title not a string', meta('title', 5), OPEN, 'notAllowed', 'invalid'],
  ['remove title', meta('title', undefined, true), OPEN, 'notAllowed', 'invalid'],
  ['set topic', meta('topic', 'x'), OPEN, 'notAllowed', null],
  ['set locale', meta('locale', 'en'), OPEN, 'notAllowed', null],
  ['unknown locale', meta('locale', 'xx'), OPEN, 'notAllowed', 'invalid'],
  ['remove locale', meta('locale', undefined, true), OPEN, 'notAllowed', 'invalid'],
  ['set locale, locked', meta('locale', 'en'), LOCKED, 'readOnly', null],
  ['set question', meta('question.einheizen', 'Q?'), OPEN, 'notAllowed', null],
  ['reset question', meta('question.einheizen', undefined, true), OPEN, 'notAllowed', null],
  ['question over the limit', meta('question.steigen', 'q'.repeat(LIMITS.questionLength + 1)), OPEN, 'notAllowed', 'tooLong'],
  ['question of unknown zone', meta('question.keller', 'Q?'), OPEN, 'notAllowed', 'notAllowed'],
  ['schema version', meta('v', 2), OPEN, 'notAllowed', 'notAllowed'],
  ['creation time', meta('createdAt', 2), OPEN, 'notAllowed', 'notAllowed'],
  ['unknown meta key', meta('colour', 'red'), OPEN, 'notAllowed', 'notAllowed'],
  ['set phase', meta('phase', 'clustern'), OPEN, 'notAllowed', null],
  ['unknown phase', meta('phase', 'vote'), OPEN, 'notAllowed', 'invalid'],
  ['leave Abschluss', meta('phase', 'massnahmen'), ABSCHLUSS, 'readOnly', null],
  ['lock', meta('locked', true), OPEN, 'notAllowed', null],
  ['unlock', meta('locked', false), LOCKED, 'readOnly', null],
  ['lock with a string', meta('locked', 'true'), OPEN, 'notAllowed', 'invalid'],
  ['reveal votes', meta('votesRevealed', true), { phase: 'abstimmen' }, 'notAllowed', null],
  ['leave Abstimmen with the vote open', meta('phase', 'massnahmen'), { phase: 'abstimmen' }, 'notAllowed', 'voteOpen'],
  ['go back from Abstimmen with the vote open', meta('phase', 'clustern'), { phase: 'abstimmen' }, 'notAllowed', 'voteOpen'],
  ['leave Abstimmen after the vote', meta('phase', 'massnahmen'), { phase: 'abstimmen', votesRevealed: true }, 'notAllowed', null],
  ['reopen the vote outside Abstimmen', meta('votesRevealed', false), { phase: 'massnahmen', votesRevealed: true }, 'notAllowed', null],
  ['setting', meta('setting.votesPerPerson', 7), OPEN, 'notAllowed', null],
  ['setting too high', meta('setting.votesPerPerson', 21), OPEN, 'notAllowed', 'invalid'],
  ['setting not an integer', meta('setting.maxVotesPerItem', 1.5), OPEN, 'notAllowed', 'invalid'],
  ['boolean setting as a string', meta('setting.anonymous', 'true'), OPEN, 'notAllowed', 'invalid'],
  ['remove a setting', meta('setting.anonymous', undefined, true), OPEN, 'notAllowed', 'invalid'],
  ['unknown setting', meta('setting.colour', true), OPEN, 'notAllowed', 'notAllowed'],
  ['address du', meta('setting.address', 'du'), OPEN, 'notAllowed', null],
  ['address back to Sie', meta('setting.address', 'sie'), OPEN, 'notAllowed', null],
  ['address of another form', meta('setting.address', 'ihr'), OPEN, 'notAllowed', 'invalid'],
  ['address not a string', meta('setting.address', true), OPEN, 'notAllowed', 'invalid'],
  ['start timer', meta('timer', { state: 'running', endsAt: 5, durationMs: 1000 }), OPEN, 'notAllowed', null],
  ['pause timer', meta('timer', { state: 'paused', remainingMs: 500, durationMs: 1000 }), OPEN, 'notAllowed', null],
  ['stop timer', meta('timer', undefined, true), OPEN, 'notAllowed', null],
  ['timer without duration', meta('timer', { state: 'running', endsAt: 5 }), OPEN, 'notAllowed', 'invalid'],
  ['set focus', meta('focus', { kind: 'cluster', id: 'c1' }), OPEN, 'notAllowed', null],
  ['clear focus', meta('focus', undefined, true), OPEN, 'notAllowed', null],
  ['discuss an item', meta('discussion', 'c1'), { phase: 'massnahmen' }, 'notAllowed', null],
  ['end the discussion', meta('discussion', undefined, true), { phase: 'massnahmen' }, 'notAllowed', null],
  ['discuss something that is no id', meta('discussion', { id: 'c1' }), { phase: 'massnahmen' }, 'notAllowed', 'invalid'],
  ['discuss an over-long id', meta('discussion', 'x'.repeat(41)), { phase: 'massnahmen' }, 'notAllowed', 'invalid'],
  ['show a page on the Präsentation', meta('presentation', { zone: 'untenHalten', page: 2 }), { phase: 'clustern' }, 'notAllowed', null],
  ['back to the overview of the Präsentation', meta('presentation', undefined, true), { phase: 'aufdecken' }, 'notAllowed', null],
  ['Präsentation page of an unknown zone', meta('presentation', { zone: 'keller', page: 0 }), OPEN, 'notAllowed', 'invalid'],
  ['Präsentation page negative', meta('presentation', { zone: 'steigen', page: -1 }), OPEN, 'notAllowed', 'invalid'],
  ['Präsentation page not whole', meta('presentation', { zone: 'steigen', page: 0.5 }), OPEN, 'notAllowed', 'invalid'],
  ['Präsentation page too far', meta('presentation', { zone: 'steigen', page: 1000 }), OPEN, 'notAllowed', 'invalid'],
  ['Präsentation page with an extra key', meta('presentation', { zone: 'steigen', page: 0, x: 1 }), OPEN, 'notAllowed', 'invalid'],
  ['Präsentation page as a string', meta('presentation', 'steigen:0'), OPEN, 'notAllowed', 'invalid'],
  ['focus on something else', meta('focus', { kind: 'person', id: me }), OPEN, 'notAllowed', 'invalid'],
  // Clusters
  ['create cluster', { kind: 'create', root: 'clusters', id: 'c2', replaces: false, fields: cluster }, OPEN, 'notAllowed', null],
  ['create cluster, participants cluster', { kind: 'create', root: 'clusters', id: 'c2', replaces: false, fields: cluster }, CLUSTERING, null, null],
  ['create cluster, participants cluster but locked', { kind: 'create', root: 'clusters', id: 'c2', replaces: false, fields: cluster }, { ...CLUSTERING, locked: true }, 'readOnly', null],
  ['create cluster with a note’s id', { kind: 'create', root: 'clusters', id: 'mine', replaces: false, fields: cluster }, CLUSTERING, 'invalid', 'invalid'],
  ['create cluster with a Maßnahme’s id', { kind: 'create', root: 'clusters', id: 'a0', replaces: false, fields: cluster }, CLUSTERING, 'invalid', 'invalid'],
  ['create cluster with a long id', { kind: 'create', root: 'clusters', id: 'c'.repeat(40), replaces: false, fields: cluster }, CLUSTERING, 'invalid', 'invalid'],
  ['create cluster without order', { kind: 'create', root: 'clusters', id: 'c2', replaces: false, fields: { zone: 'steigen' } }, OPEN, 'notAllowed', 'invalid'],
  ['move cluster to unknown zone', { kind: 'field', root: 'clusters', id: 'c1', key: 'zone', value: 'keller', deleted: false }, CLUSTERING, 'invalid', 'invalid'],
  ['replace cluster title', { kind: 'field', root: 'clusters', id: 'c1', key: 'title', value: null, deleted: false }, CLUSTERING, 'notAllowed', 'notAllowed'],
  ['cluster title at the limit', { kind: 'text', root: 'clusters', id: 'c1', isNew: false, length: LIMITS.clusterTitleLength }, CLUSTERING, null, null],
  ['cluster title over the limit', { kind: 'text', root: 'clusters', id: 'c1', isNew: false, length: LIMITS.clusterTitleLength + 1 }, CLUSTERING, 'tooLong', 'tooLong'],
  ['delete cluster', { kind: 'delete', root: 'clusters', id: 'c1' }, OPEN, 'notAllowed', null],
  // Actions
  ['create action', { kind: 'create', root: 'actions', id: 'a1', replaces: false, fields: action }, OPEN, 'notAllowed', null],
  ['create action, participants edit', { kind: 'create', root: 'actions', id: 'a1', replaces: false, fields: action }, ACTIONS, null, null],
  ['create action with a cluster’s id', { kind: 'create', root: 'actions', id: 'c1', replaces: false, fields: action }, ACTIONS, 'invalid', 'invalid'],
  ['create action with a note’s id', { kind: 'create', root: 'actions', id: 'theirs', replaces: false, fields: action }, ACTIONS, 'invalid', 'invalid'],
  ['create action dated 1e300', { kind: 'create', root: 'actions', id: 'a1', replaces: false, fields: { ...action, createdAt: 1e300 } }, ACTIONS, 'invalid', 'invalid'],
  ['create action without what', { kind: 'create', root: 'actions', id: 'a1', replaces: false, fields: { who: '' } }, ACTIONS, 'invalid', 'invalid'],
  ['action until a real date', { kind: 'field', root: 'actions', id: 'a1', key: 'until', value: '2030-12-31', deleted: false }, ACTIONS, null, null],
  ['action until no date', { kind: 'field', root: 'actions', id: 'a1', key: 'until', value: '2030-13-01', deleted: false }, ACTIONS, 'invalid', 'invalid'],
  ['action who too long', { kind: 'field', root: 'actions', id: 'a1', key: 'who', value: 'w'.repeat(LIMITS.whoLength + 1), deleted: false }, ACTIONS, 'tooLong', 'tooLong'],
  ['action who not text', { kind: 'field', root: 'actions', id: 'a1', key: 'who', value: 3, deleted: false }, ACTIONS, 'invalid', 'invalid'],
  ['action done', { kind: 'field', root: 'actions', id: 'a1', key: 'done', value: true, deleted: false }, ACTIONS, null, null],
  ['action link empty', { kind: 'field', root: 'actions', id: 'a1', key: 'link', value: '', deleted: false }, ACTIONS, 'invalid', 'invalid'],
  ['action field removed', { kind: 'field', root: 'actions', id: 'a1', key: 'who', value: undefined, deleted: true }, ACTIONS, 'invalid', 'invalid'],
  ['action text over the limit', { kind: 'text', root: 'actions', id: 'a1', isNew: false, length: LIMITS.actionLength + 1 }, ACTIONS, 'tooLong', 'tooLong'],
  ['delete action', { kind: 'delete', root: 'actions', id: 'a1' }, OPEN, 'notAllowed', null],
  // Server-only roots: changed on purpose, the moderator may not write them either.
  ['votes', { kind: 'value', root: 'votes', key: 'c1', value: 3, deleted: false }, OPEN, 'notAllowed', 'notAllowed'],
  ['progress', { kind: 'value', root: 'progress', key: me, value: { done: true }, deleted: false }, OPEN, 'notAllowed', 'notAllowed'],
]

describe('rules table', () => {
  it.each(table)('%s', (_name, write, board, forParticipant, forModerator) => {
    expect(checkUpdate(participant, one(write), facts(board))?.code ?? null).toBe(forParticipant)
    expect(checkUpdate(moderator, one(write), facts(board))?.code ?? null).toBe(forModerator)
  })

  it('rejects a whole update for its first bad write', () => {
    const good = text('mine', 3)
    const bad: Write = { kind: 'delete', root: 'notes', id: 'theirs' }
    expect(checkUpdate(participant, { writes: [good, bad, good], sizes }, facts())).toMatchObject({ code: 'notAllowed' })
    expect(checkUpdate(participant, { writes: [good, good], sizes }, facts())).toBeNull()
    expect(checkUpdate(participant, { writes: [], sizes }, facts())).toBeNull()
    // Nothing new to write is fine even on a read-only board.
    expect(checkUpdate(participant, { writes: [], sizes }, facts(LOCKED))).toBeNull()
  })

  it('lets the moderator leave Abstimmen only together with ending the vote, whatever the order of the writes', () => {
    const voting = facts({ phase: 'abstimmen' })
    const leave = meta('phase', 'massnahmen')
    const end = meta('votesRevealed', true)
    expect(checkUpdate(moderator, { writes: [end, leave], sizes }, voting)).toBeNull()
    expect(checkUpdate(moderator, { writes: [leave, end], sizes }, voting)).toBeNull()
    // Ended, then opened again in the same update: the doc keeps the last write, an open vote.
    expect(checkUpdate(moderator, { writes: [leave, end, meta('votesRevealed', false)], sizes }, voting)).toMatchObject({ code: 'voteOpen' })
    expect(checkUpdate(moderator, { writes: [leave, end, meta('votesRevealed', undefined, true)], sizes }, voting)).toMatchObject({ code: 'invalid' })
    // Left and came back within one update: still in Abstimmen, nothing lost.
    expect(checkUpdate(moderator, { writes: [leave, meta('phase', 'abstimmen')], sizes }, voting)).toBeNull()
    // Reopening the vote after leaving it ended is the moderator's choice (only Abstimmen takes votes).
    expect(checkUpdate(moderator, { writes: [meta('votesRevealed', false)], sizes }, facts({ phase: 'massnahmen', votesRevealed: true }))).toBeNull()
  })

  it('rejects any update once a root holds more entries than allowed', () => {
    const full = (root: string, limit: number) => {
      expect(checkUpdate(moderator, { writes: [], sizes: { ...sizes, [root]: limit } }, facts())).toBeNull()
      expect(checkUpdate(moderator, { writes: [], sizes: { ...sizes, [root]: limit + 1 } }, facts())).toMatchObject({ code: 'boardFull' })
    }
    full('notes', LIMITS.notesPerBoard)
    full('clusters', LIMITS.clustersPerBoard)
    full('actions', LIMITS.actionsPerBoard)
  })

  it('lets authors and moderators change a note, nobody else', () => {
    expect(mayChangeNote(participant, me)).toBe(true)
    expect(mayChangeNote(participant, other)).toBe(false)
    expect(mayChangeNote(participant, null)).toBe(false)
    expect(mayChangeNote(participant, undefined)).toBe(false)
    expect(mayChangeNote(moderator, other)).toBe(true)
    expect(mayChangeNote(moderator, null)).toBe(true)
  })
})

type PrivateRow = [name: string, writes: Write[], board: FactsInput, ballot: Record<string, number>, verdict: string | null]

const vote = (target: string, n: number | undefined): Write =>
  n === undefined
    ? { kind: 'value', root: 'ballot', key: target, value: undefined, deleted: true }
    : { kind: 'value', root: 'ballot', key: target, value: n, deleted: false }
const draft = (fields: Record<string, unknown>, id = 'd1'): Write => ({ kind: 'create', root: 'drafts', id, replaces: false, fields })
const VOTING: FactsInput = { phase: 'abstimmen', settings: { votesPerPerson: 5, maxVotesPerItem: 3 } }
const COLLECTING: FactsInput = { settings: { privateWriting: true } }

/** A participant's private doc: writes × board × ballot before -> verdict (the same for both roles). */
const privateTable: PrivateRow[] = [
  ['create draft', [draft({ zone: 'steigen', text: null, createdAt: 1_760_000_000_000 })], COLLECTING, {}, null],
  ['create draft dated 1e300', [draft({ zone: 'steigen', text: null, createdAt: 1e300 })], COLLECTING, {}, 'invalid'],
  ['create draft with a long id', [draft({ zone: 'steigen', text: null }, 'd'.repeat(110_000))], COLLECTING, {}, 'invalid'],
  ['create draft with a note’s id', [draft({ zone: 'steigen', text: null }, 'theirs')], COLLECTING, {}, 'invalid'],
  ['create draft with a cluster’s id', [draft({ zone: 'steigen', text: null }, 'c1')], COLLECTING, {}, 'invalid'],
  ['create draft without createdAt', [draft({ zone: 'steigen', text: null })], COLLECTING, {}, null],
  ['create draft in unknown zone', [draft({ zone: 'keller', text: null })], COLLECTING, {}, 'invalid'],
  ['create draft without text', [draft({ zone: 'steigen' })], COLLECTING, {}, 'invalid'],
  ['create draft with bad createdAt', [draft({ zone: 'steigen', text: null, createdAt: NaN })], COLLECTING, {}, 'invalid'],
  ['draft text at the limit', [{ kind: 'text', root: 'drafts', id: 'd1', isNew: false, length: LIMITS.noteLength }], COLLECTING, {}, null],
  ['draft text over the limit', [{ kind: 'text', root: 'drafts', id: 'd1', isNew: false, length: LIMITS.noteLength + 1 }], COLLECTING, {}, 'tooLong'],
  ['move draft', [{ kind: 'field', root: 'drafts', id: 'd1', key: 'zone', value: 'einheizen', deleted: false }], COLLECTING, {}, null],
  ['change draft createdAt', [{ kind: 'field', root: 'drafts', id: 'd1', key: 'createdAt', value: 2, deleted: false }], COLLECTING, {}, 'invalid'],
  ['delete draft', [{ kind: 'delete', root: 'drafts', id: 'd1' }], COLLECTING, {}, null],
  ['draft on a locked board', [draft({ zone: 'steigen', text: null })], { ...COLLECTING, locked: true }, {}, 'readOnly'],
  ['vote while voting', [vote('loose', 1)], VOTING, {}, null],
  ['vote on a cluster', [vote('c1', 2)], VOTING, {}, null],
  ['vote while collecting', [vote('loose', 1)], COLLECTING, {}, 'notAllowed'],
  ['vote in Maßnahmen', [vote('loose', 1)], { ...VOTING, phase: 'massnahmen' }, {}, 'notAllowed'],
  ['vote once revealed', [vote('loose', 1)], { ...VOTING, votesRevealed: true }, {}, 'notAllowed'],
  ['take back once revealed', [vote('loose', undefined)], { ...VOTING, votesRevealed: true }, { loose: 1 }, 'notAllowed'],
  ['vote on a locked board', [vote('loose', 1)], { ...VOTING, locked: true }, {}, 'readOnly'],
  ['vote on a clustered note', [vote('inCluster', 1)], VOTING, {}, 'invalid'],
  ['vote on an unknown id', [vote('nothing', 1)], VOTING, {}, 'invalid'],
  ['vote zero', [vote('loose', 0)], VOTING, {}, 'invalid'],
  ['vote a fraction', [vote('loose', 1.5)], VOTING, {}, 'invalid'],
  ['votes per item at the limit', [vote('loose', 3)], VOTING, {}, null],
  ['votes per item over the limit', [vote('loose', 4)], VOTING, {}, 'voteLimit'],
  ['votes in total at the limit', [vote('c1', 2)], VOTING, { loose: 3 }, null],
  ['votes in total over the limit', [vote('c1', 3)], VOTING, { loose: 3 }, 'voteLimit'],
  ['move a vote within the limit', [vote('loose', 2), vote('c1', 3)], VOTING, { loose: 3, mine: 1 }, 'voteLimit'],
  ['move a vote keeping the total', [vote('loose', 2), vote('c1', 3)], VOTING, { loose: 3 }, null],
  ['take back under a lowered total', [vote('loose', 2)], { ...VOTING, settings: { votesPerPerson: 1 } }, { loose: 3 }, null],
  ['take back under a lowered per-item limit', [vote('loose', 2)], { ...VOTING, settings: { maxVotesPerItem: 1 } }, { loose: 3 }, null],
  ['add under a lowered per-item limit', [vote('loose', 2)], { ...VOTING, settings: { maxVotesPerItem: 1 } }, { loose: 1 }, 'voteLimit'],
  ['take back from an item no longer a target', [vote('inCluster', 1)], VOTING, { inCluster: 2 }, null],
  ['remove a vote', [vote('loose', undefined)], VOTING, { loose: 1 }, null],
  ['mark done', [{ kind: 'value', root: 'status', key: 'done', value: true, deleted: false }], COLLECTING, {}, null],
  ['unmark done', [{ kind: 'value', root: 'status', key: 'done', value: undefined, deleted: true }], COLLECTING, {}, null],
  ['done as text', [{ kind: 'value', root: 'status', key: 'done', value: 'ja', deleted: false }], COLLECTING, {}, 'invalid'],
  ['other status key', [{ kind: 'value', root: 'status', key: 'mood', value: 'gut', deleted: false }], COLLECTING, {}, 'invalid'],
  ['done in Abschluss', [{ kind: 'value', root: 'status', key: 'done', value: true, deleted: false }], ABSCHLUSS, {}, 'readOnly'],
]

describe('private rules table', () => {
  it.each(privateTable)('%s', (_name, writes, board, ballot, verdict) => {
    const update: UpdateDescription = { writes, sizes: { drafts: 1 } }
    const before = new Map(Object.entries(ballot))
    expect(checkPrivateUpdate(participant, update, facts(board), before)?.code ?? null).toBe(verdict)
    // In its own private doc the moderator is a voter like everyone else, except for read-only.
    const forModerator = verdict === 'readOnly' ? null : verdict
    expect(checkPrivateUpdate(moderator, update, facts(board), before)?.code ?? null).toBe(forModerator)
  })

  it('refuses more drafts than one participant may hold', () => {
    const update = (drafts: number): UpdateDescription => ({ writes: [], sizes: { drafts } })
    expect(checkPrivateUpdate(participant, update(LIMITS.draftsPerParticipant), facts(COLLECTING), new Map())).toBeNull()
    expect(checkPrivateUpdate(participant, update(LIMITS.draftsPerParticipant + 1), facts(COLLECTING), new Map())).toMatchObject({ code: 'privateFull' })
  })
})
