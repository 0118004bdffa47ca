import { isUntil } from './agreements'
import { isBerichtPart } from './bericht'
import type { UpdateDescription, Write } from './changes'
import { isDetailValue } from './details'
import type { BoardFacts } from './facts'
import { isPlausibleTime } from './dates'
import { isDiscussion } from './discussion'
import { isFocus } from './focus'
import { isItemId } from './ids'
import type { Actor } from './identity'
import { LIMITS } from './limits'
import { isOrderKey } from './order'
import { isReadOnly, mayCluster, mayEditActions, mayReview, mayVote, mayWriteBericht, writesDrafts } from './permissions'
import { isPerson } from './people'
import { isPresentationPage } from './presentation'
import { isPhase, leavesVoteOpen } from './phases'
import { isReviewMark } from './review'
import type { VoteStage } from './phases'
import { SETTING_NAMES, isValidSetting } from './settings'
import { isTimerState } from './timer'
import { isLocale, isZoneId } from './zones'

/**
 * Who may change what. The server guard applies these to every incoming update; the client
 * offers only what `permissions.ts` says the same rules will accept.
 */
export type RejectCode = 'notAllowed' | 'tooLong' | 'invalid' | 'boardFull' | 'privateFull' | 'readOnly' | 'voteLimit' | 'voteOpen'

export interface Rejection {
  readonly code: RejectCode
  readonly detail: string
}

function reject(code: RejectCode, detail: string): Rejection {
  return { code, detail }
}

const ok = null

/** Whether `actor` may edit or delete a note written by `author`. */
export function mayChangeNote(actor: Actor, author: string | null | undefined): boolean {
  return actor.role === 'moderator' || (typeof author === 'string' && author === actor.participantId)
}

/**
 * A new entry's id: shaped like an item id and not taken by an entry of another kind (a note
 * with a cluster's id would carry that cluster's votes). Replacing an entry of the same kind is
 * judged by the entry's own rules.
 */
function checkNewId(facts: BoardFacts, root: string, id: string): Rejection | null {
  if (!isItemId(id)) return reject('invalid', `${root} id`)
  const taken = facts.rootOf(id)
  return taken !== undefined && taken !== root ? reject('invalid', `${root} id taken`) : ok
}

function isShortId(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= 40
}

function isText(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max
}

/** Meta keys: the moderator's, each with its own shape. */
function checkMeta(actor: Actor, key: string, value: unknown, deleted: boolean): Rejection | null {
  if (actor.role !== 'moderator') return reject('notAllowed', `meta.${key}`)
  const isQuestion = /^question\.(steigen|untenHalten|einheizen)$/.test(key)
  const valid = (() => {
    if (key === 'title' || key === 'topic') return isText(value, LIMITS.titleLength)
    if (key === 'locale') return isLocale(value)
    if (isQuestion) return deleted || isText(value, LIMITS.questionLength)
    if (key.startsWith('setting.')) {
      const name = key.slice('setting.'.length)
      return (SETTING_NAMES as string[]).includes(name) ? isValidSetting(name, value) : null
    }
    if (key === 'phase') return isPhase(value)
    if (key === 'locked' || key === 'votesRevealed') return typeof value === 'boolean'
    if (key === 'timer') return deleted || isTimerState(value)
    if (key === 'focus') return deleted || isFocus(value)
    if (key === 'discussion') return deleted || isDiscussion(value)
    if (key === 'presentation') return deleted || isPresentationPage(value)
    if (key === 'date') return isUntil(value)
    if (key.startsWith('meeting.')) return isDetailValue(key.slice('meeting.'.length), value) || (isDetail(key) ? false : null)
    return null
  })()
  if (valid === null) return reject('notAllowed', `meta.${key}`)
  if (valid) return ok
  // Only the free texts can be too long; any other string is simply not a valid value.
  const isFreeText = key === 'title' || key === 'topic' || isQuestion || key === 'meeting.place' || key === 'meeting.organiser'
  return isFreeText && typeof value === 'string' ? reject('tooLong', key) : reject('invalid', key)
}

function isDetail(key: string): boolean {
  return /^meeting\.(start|end|format|place|organiser)$/.test(key)
}

/** The "Zitat" mark: the moderator's, a boolean. */
function checkQuote(actor: Actor, value: unknown, deleted: boolean): Rejection | null {
  if (actor.role !== 'moderator') return reject('notAllowed', 'note.quote')
  return deleted || typeof value === 'boolean' ? ok : reject('invalid', 'note.quote')
}

/**
 * A participant's own entry in `people` (model/people.ts): only under its own id (the moderator
 * may also remove others'), only the known fields, and a name only where the board is not
 * anonymous and the moderator allows names in exports.
 */
function checkPerson(facts: BoardFacts, actor: Actor, write: Write): Rejection | null {
  if (write.kind !== 'value') return reject('invalid', 'people')
  const own = write.key === actor.participantId
  if (write.deleted) return own || actor.role === 'moderator' ? ok : reject('notAllowed', 'people: not your entry')
  if (!own) return reject('notAllowed', 'people: not your entry')
  if (!isPerson(write.value)) return reject('invalid', 'people: entry')
  const namesAllowed = !facts.settings.anonymous && facts.settings.namesInExports
  return write.value.name !== undefined && !namesAllowed ? reject('notAllowed', 'people: name') : ok
}

/**
 * The Bericht (model/bericht.ts): the moderator's, and the participants' where the setting lets
 * them write along (`mayWriteBericht`); entries only under a known part, each with its one text
 * within its length. Participants write text and may start a part that is not there yet; replacing
 * a part ("Absatz neu erzeugen") or removing it (it reads as the draft again) stays the moderator's.
 */
function checkBericht(facts: BoardFacts, actor: Actor, write: Write): Rejection | null {
  if (!mayWriteBericht(facts, actor)) return reject('notAllowed', 'bericht')
  if (write.kind === 'value') return reject('invalid', 'bericht')
  if (!isBerichtPart(write.id)) return reject('invalid', 'bericht part')
  const moderator = actor.role === 'moderator'
  switch (write.kind) {
    case 'create':
      if (write.replaces && !moderator) return reject('notAllowed', 'bericht: replace a part')
      return 'text' in write.fields ? ok : reject('invalid', 'incomplete bericht part')
    case 'field':
      return reject('invalid', `bericht.${write.key}`)
    case 'text':
      return write.length > LIMITS.berichtPartLength ? reject('tooLong', 'bericht') : ok
    case 'delete':
      return moderator ? ok : reject('notAllowed', 'bericht: remove a part')
  }
}

function checkNoteFields(facts: BoardFacts, actor: Actor, fields: Readonly<Record<string, unknown>>): Rejection | null {
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'zone' && !isZoneId(value)) return reject('invalid', 'zone')
    if (key === 'order' && !isOrderKey(value)) return reject('invalid', 'order')
    if (key === 'createdAt' && !isPlausibleTime(value)) return reject('invalid', 'createdAt')
    if (key === 'clusterId' && value !== null && !(mayCluster(facts, actor) && isShortId(value))) return reject('notAllowed', 'clusterId')
    if (key === 'quote') {
      const problem = checkQuote(actor, value, false)
      if (problem) return problem
    }
  }
  return ok
}

function checkNote(facts: BoardFacts, actor: Actor, write: Write): Rejection | null {
  switch (write.kind) {
    case 'create': {
      if (writesDrafts(facts)) return reject('notAllowed', 'private collecting: notes are drafts')
      if (write.replaces && !mayChangeNote(actor, facts.noteAuthor(write.id))) return reject('notAllowed', 'replace note')
      const f = write.fields
      const author = f.author
      if (facts.settings.anonymous ? author !== undefined : author !== actor.participantId) return reject('notAllowed', 'author')
      if (!('text' in f) || !('zone' in f) || !('order' in f)) return reject('invalid', 'incomplete note')
      return checkNewId(facts, 'notes', write.id) ?? checkNoteFields(facts, actor, f)
    }
    case 'field': {
      const author = facts.noteAuthor(write.id)
      const own = mayChangeNote(actor, author)
      if (write.key === 'zone' || write.key === 'order') {
        if (!own && !mayCluster(facts, actor)) return reject('notAllowed', 'foreign note')
        return write.deleted ? reject('invalid', `note.${write.key} removed`) : checkNoteFields(facts, actor, { [write.key]: write.value })
      }
      if (write.key === 'quote') return checkQuote(actor, write.value, write.deleted)
      if (write.key === 'clusterId') {
        // Anyone may take their own note out of a cluster; grouping is for those who cluster.
        if (write.value === null && !write.deleted) return own || mayCluster(facts, actor) ? ok : reject('notAllowed', 'clusterId')
        return checkNoteFields(facts, actor, { clusterId: write.value })
      }
      return reject('notAllowed', `note.${write.key}`)
    }
    case 'text':
      if (!write.isNew && !mayChangeNote(actor, facts.noteAuthor(write.id))) return reject('notAllowed', 'foreign note')
      return write.length > LIMITS.noteLength ? reject('tooLong', 'note text') : ok
    case 'delete':
      return mayChangeNote(actor, facts.noteAuthor(write.id)) ? ok : reject('notAllowed', 'foreign note')
    case 'value':
      return reject('invalid', 'notes')
  }
}

function checkCluster(facts: BoardFacts, write: Write): Rejection | null {
  const fields = write.kind === 'create' ? write.fields : write.kind === 'field' && !write.deleted ? { [write.key]: write.value } : {}
  if (write.kind === 'field' && write.deleted) return reject('invalid', 'cluster field removed')
  if (write.kind === 'field' && write.key === 'title') return reject('notAllowed', 'cluster.title replaced')
  if (write.kind === 'create' && (!('zone' in fields) || !('order' in fields))) return reject('invalid', 'incomplete cluster')
  if (write.kind === 'create') {
    const badId = checkNewId(facts, 'clusters', write.id)
    if (badId) return badId
  }
  if ('zone' in fields && !isZoneId(fields.zone)) return reject('invalid', 'cluster zone')
  if ('order' in fields && !isOrderKey(fields.order)) return reject('invalid', 'cluster order')
  if (write.kind === 'text' && write.length > LIMITS.clusterTitleLength) return reject('tooLong', 'cluster title')
  return ok
}

function checkAction(facts: BoardFacts, write: Write): Rejection | null {
  if (write.kind === 'field' && (write.deleted || write.key === 'what' || write.key === 'createdAt'))
    return reject('invalid', `action.${write.key}`)
  const fields = write.kind === 'create' ? write.fields : write.kind === 'field' ? { [write.key]: write.value } : {}
  if (write.kind === 'create' && !('what' in fields)) return reject('invalid', 'incomplete action')
  if (write.kind === 'create') {
    const badId = checkNewId(facts, 'actions', write.id)
    if (badId) return badId
  }
  if ('who' in fields && typeof fields.who !== 'string') return reject('invalid', 'who')
  if ('who' in fields && !isText(fields.who, LIMITS.whoLength)) return reject('tooLong', 'who')
  if ('until' in fields && !isUntil(fields.until)) return reject('invalid', 'until')
  if ('link' in fields && fields.link !== null && !isShortId(fields.link)) return reject('invalid', 'link')
  if ('done' in fields && typeof fields.done !== 'boolean') return reject('invalid', 'done')
  if ('createdAt' in fields && !isPlausibleTime(fields.createdAt)) return reject('invalid', 'createdAt')
  if (write.kind === 'text' && write.length > LIMITS.actionLength) return reject('tooLong', 'action')
  return ok
}

/**
 * A mark in the Rückblick: only on an action the board carried over, a valid mark, by whoever
 * may review now. The carried actions themselves are the server's (no client writes `carried`).
 */
function checkReview(facts: BoardFacts, actor: Actor, write: Write): Rejection | null {
  if (!mayReview(facts, actor)) return reject('notAllowed', 'review')
  if (write.kind !== 'value') return reject('invalid', 'review')
  if (!facts.isCarried(write.key)) return reject('invalid', 'review: no such carried action')
  if (write.deleted) return ok
  if (isReviewMark(write.value)) return ok
  const note = (write.value as { note?: unknown } | null)?.note
  return typeof note === 'string' && note.length > LIMITS.reviewNoteLength ? reject('tooLong', 'review note') : reject('invalid', 'review mark')
}

function checkBoardWrite(facts: BoardFacts, actor: Actor, write: Write): Rejection | null {
  switch (write.root) {
    case 'meta':
      return write.kind === 'value' ? checkMeta(actor, write.key, write.value, write.deleted) : reject('invalid', 'meta')
    case 'notes':
      return checkNote(facts, actor, write)
    case 'clusters':
      return mayCluster(facts, actor) ? checkCluster(facts, write) : reject('notAllowed', 'clusters')
    case 'actions':
      return mayEditActions(facts, actor) ? checkAction(facts, write) : reject('notAllowed', 'actions')
    case 'people':
      return checkPerson(facts, actor, write)
    case 'bericht':
      return checkBericht(facts, actor, write)
    case 'review':
      return checkReview(facts, actor, write)
    default:
      // votes (the revealed totals), progress, members (their seats) and carried are written by the server alone.
      return reject('notAllowed', write.root)
  }
}

/** A read-only board takes no writes, except the Bericht's from those who may write it there. */
function refusedAsReadOnly(facts: BoardFacts, actor: Actor, update: UpdateDescription): boolean {
  if (!isReadOnly(facts, actor)) return false
  return update.writes.some((write) => write.root !== 'bericht' || !mayWriteBericht(facts, actor))
}

/** Checks every write of a board update; the first problem rejects the whole update. */
export function checkUpdate(actor: Actor, update: UpdateDescription, facts: BoardFacts): Rejection | null {
  if (refusedAsReadOnly(facts, actor, update)) return reject('readOnly', 'board')
  if ((update.sizes.notes ?? 0) > LIMITS.notesPerBoard) return reject('boardFull', 'notes')
  if ((update.sizes.clusters ?? 0) > LIMITS.clustersPerBoard) return reject('boardFull', 'clusters')
  if ((update.sizes.actions ?? 0) > LIMITS.actionsPerBoard) return reject('boardFull', 'actions')
  for (const write of update.writes) {
    const problem = checkBoardWrite(facts, actor, write)
    if (problem) return problem
  }
  return leavesVoteOpen(facts, voteStageAfter(facts, update)) ? reject('voteOpen', 'phase: the vote is still open') : ok
}

/**
 * Phase and vote state once the update's meta writes are applied. Writes come in clock order per
 * client, so for one client's update (what a moderator's tab sends) the last write of a key is
 * the one the doc keeps.
 */
function voteStageAfter(facts: BoardFacts, update: UpdateDescription): VoteStage {
  let { phase, votesRevealed } = facts
  for (const write of update.writes) {
    if (write.root !== 'meta' || write.kind !== 'value') continue
    if (write.key === 'phase' && isPhase(write.value)) phase = write.value
    if (write.key === 'votesRevealed') votesRevealed = write.value === true && !write.deleted
  }
  return { phase, votesRevealed }
}

/** A draft becomes a note with the same id at the reveal: its id may not be taken on the board. */
function checkDraft(facts: BoardFacts, write: Write): Rejection | null {
  if (write.kind === 'text') return write.length > LIMITS.noteLength ? reject('tooLong', 'draft text') : ok
  if (write.kind === 'delete') return ok
  if (write.kind === 'field') {
    if (write.key !== 'zone' || write.deleted) return reject('invalid', `draft.${write.key}`)
    return isZoneId(write.value) ? ok : reject('invalid', 'zone')
  }
  if (write.kind === 'create') {
    const f = write.fields
    if (!('text' in f) || !isZoneId(f.zone)) return reject('invalid', 'incomplete draft')
    if (!isItemId(write.id)) return reject('invalid', 'draft id')
    if (facts.rootOf(write.id) !== undefined) return reject('invalid', 'draft id taken')
    if ('createdAt' in f && !isPlausibleTime(f.createdAt)) return reject('invalid', 'createdAt')
    return ok
  }
  return reject('invalid', 'drafts')
}

/**
 * Checks an update of a participant's own private doc: drafts within limits, a ballot within
 * the vote limits and only while voting, and the "fertig" mark.
 */
export function checkPrivateUpdate(
  actor: Actor,
  update: UpdateDescription,
  facts: BoardFacts,
  ballot: ReadonlyMap<string, number>,
): Rejection | null {
  if (isReadOnly(facts, actor) && update.writes.length > 0) return reject('readOnly', 'board')
  if ((update.sizes.drafts ?? 0) > LIMITS.draftsPerParticipant) return reject('privateFull', 'drafts')
  const after = new Map(ballot)
  for (const write of update.writes) {
    if (write.root === 'drafts') {
      const problem = checkDraft(facts, write)
      if (problem) return problem
    } else if (write.root === 'ballot' && write.kind === 'value') {
      if (!mayVote(facts, actor)) return reject('notAllowed', 'not voting')
      if (write.deleted) {
        after.delete(write.key)
        continue
      }
      const n = write.value
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return reject('invalid', 'vote')
      // Taking votes back is always fine, even from an item over a lowered limit.
      const before = ballot.get(write.key) ?? 0
      if (n > before && n > facts.settings.maxVotesPerItem) return reject('voteLimit', 'per item')
      if (n > before && !facts.isVoteTarget(write.key)) return reject('invalid', 'vote target')
      after.set(write.key, n)
    } else if (write.root === 'status' && write.kind === 'value' && write.key === 'done') {
      if (!write.deleted && typeof write.value !== 'boolean') return reject('invalid', 'done')
    } else return reject('invalid', write.root)
  }
  const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  const total = sum(after)
  // Taking votes back is always fine, even if the moderator lowered the limit meanwhile.
  return total > facts.settings.votesPerPerson && total > sum(ballot) ? reject('voteLimit', 'per person') : ok
}
