import * as Y from 'yjs'
import type { UpdateDescription } from '../model/changes'
import { readBericht } from '../model/bericht'
import { boardFacts } from '../model/facts'
import { newItemId } from '../model/ids'
import type { Actor } from '../model/identity'
import { mayModerate } from '../model/permissions'
import { captureEntry, deletedItems, mayUseTrash, parseTrashEntry, restoreEntry, restoreRefusal, trashItemOf, withoutAuthor } from '../model/trash'
import type { RestoreRefusal, TrashEntry } from '../model/trash'
import { captureBericht, editedBerichtParts, lostText, startsBerichtRun } from '../model/trashBericht'
import type { TrashedBericht } from '../model/trashBericht'
import { encodeTrashList, encodeTrashOutcome } from '../protocol/trash'
import type { TrashRequest } from '../protocol/trash'
import { boardTag, log } from './log'
import type { MeetingState } from './meeting'
import { holder } from './rooms'
import type { Room } from './rooms'
import type { BoardStore, TrashRecord } from './store/BoardStore'

const HOUR = 60 * 60 * 1000
const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Origin of the server's restores: not a socket, so the change goes to every socket. */
const RESTORER = holder()

export interface TrashOptions {
  readonly store: BoardStore
  /** Hours an entry stays restorable. */
  readonly trashHours: number
  /** The board byte cap: a restore keeps within it like any change. */
  readonly maxBoardBytes: number
  readonly now?: () => number
}

/**
 * The moderator's Papierkorb on the server. Filled after the guard accepted an update that
 * deletes notes or dissolves clusters, or a participant's update that deletes Bericht text
 * (captured from the doc before it is applied); asked and emptied only by moderators, over their
 * board socket (protocol/trash.ts); a restore is written by the server as its own change, after
 * model/trash.ts's rules and the byte cap. Notes and clusters are emptied for good at Abschluss;
 * everything with the board and after `trashHours`.
 */
export class TrashDesk {
  /** Per board, the writes under way: a list or a restore waits for them. */
  private readonly pending = new Map<string, Promise<void>>()
  /** When each participant's current run of deletions in a Bericht part began (board, part, participant). */
  private readonly berichtRuns = new Map<string, number>()
  private readonly now: () => number

  constructor(private readonly options: TrashOptions) {
    this.now = options.now ?? Date.now
  }

  /** Before an accepted update by `actor` is applied: what it may take out of the board. */
  capture(board: Room, actor: Actor, description: UpdateDescription | null): TrashEntry[] {
    if (!description) return []
    const at = this.now()
    const anonymous = boardFacts(board.doc).settings.anonymous
    const items = deletedItems(description).flatMap(({ root, id }) => captureEntry(board.doc, root, id, at, anonymous) ?? [])
    return [...items, ...this.captureBericht(board, actor, description, at)]
  }

  /**
   * A participant's edit of Bericht parts: each part's text before it, unless a run of this
   * participant's deletions in that part is under way (its entry holds the text before it began).
   */
  private captureBericht(board: Room, actor: Actor, description: UpdateDescription, at: number): TrashedBericht[] {
    if (mayModerate(actor)) return []
    return editedBerichtParts(description)
      .filter((part) => startsBerichtRun(this.berichtRuns.get(runKey(board.id, part, actor)), at))
      .flatMap((part) => captureBericht(board.doc, part, newItemId(), at) ?? [])
  }

  /** After it was applied: keeps what is really gone, empties at Abschluss, strips authors when the board turned anonymous. */
  afterChange(board: Room, actor: Actor, captured: readonly TrashEntry[], before: MeetingState, after: MeetingState): void {
    const gone = captured.filter((e) => this.isGone(board, actor, e))
    if (gone.length > 0) this.queue(board.id, () => Promise.all(gone.map((e) => this.options.store.putTrash(record(board.id, e)))).then(() => {}))
    if (!before.closed && after.closed) this.queue(board.id, () => this.empty(board))
    else if (!before.anonymous && after.anonymous) this.queue(board.id, () => this.stripAuthors(board.id))
  }

  /** Whether a captured entry is gone from the board now; a Bericht text that was cut starts its run. */
  private isGone(board: Room, actor: Actor, entry: TrashEntry): boolean {
    if (entry.kind === 'note') return !board.doc.getMap('notes').has(entry.id)
    if (entry.kind === 'cluster') return !board.doc.getMap('clusters').has(entry.id)
    if (!lostText(entry.text, readBericht(board.doc)[entry.part] ?? '')) return false
    this.forgetOldRuns(entry.deletedAt)
    this.berichtRuns.set(runKey(board.id, entry.part, actor), entry.deletedAt)
    return true
  }

  /** Runs that ended are dropped now and then, so the map stays as small as the runs under way. */
  private forgetOldRuns(now: number): void {
    if (this.berichtRuns.size < 1000) return
    for (const [key, start] of this.berichtRuns) if (startsBerichtRun(start, now)) this.berichtRuns.delete(key)
  }

  /** Answers a request from `actor` on `board`'s socket. */
  async answer(board: Room, actor: Actor, request: TrashRequest): Promise<Uint8Array> {
    const id = request.kind === 'restore' ? request.id : ''
    if (!mayUseTrash(actor)) return encodeTrashOutcome({ id, code: 'notAllowed' })
    await this.settled(board.id)
    if (request.kind === 'list') return encodeTrashList((await this.entries(board)).map(trashItemOf))
    const code = await this.restore(board, actor, request.id)
    if (code) log('trash.refused', { board: boardTag(board.id), code })
    return encodeTrashOutcome({ id, code: code ?? '' })
  }

  /**
   * Puts an entry back for everyone: checked by model/trash.ts against the board as it is now,
   * built on a copy of the doc so that its size is known before anything changes, then applied
   * and stored as the server's own change. The entry leaves the Papierkorb once that is durable.
   */
  private async restore(board: Room, actor: Actor, id: string): Promise<RestoreRefusal | null> {
    const entry = (await this.entries(board)).find((e) => e.id === id)
    if (!entry) return 'notInTrash'
    const facts = boardFacts(board.doc)
    const refusal = restoreRefusal(board.doc, facts, actor, entry)
    if (refusal) return refusal
    const copy = new Y.Doc({ gc: false })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board.doc))
    restoreEntry(copy, entry, facts.settings.anonymous)
    const update = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(board.doc))
    copy.destroy()
    if (board.storedBytes + update.byteLength > this.options.maxBoardBytes) return 'boardFull'
    await board.applyFrom(update, RESTORER)
    await this.options.store.takeTrash(board.id, id)
    log('trash.restored', { board: boardTag(board.id), kind: entry.kind })
    return null
  }

  /**
   * The board's entries that are still restorable. Expired ones are left to the sweep; those
   * whose id is on the board again (an undo brought them back) are dropped.
   */
  private async entries(board: Room): Promise<TrashEntry[]> {
    const since = this.now() - this.options.trashHours * HOUR
    const out: TrashEntry[] = []
    for (const r of await this.options.store.trash(board.id)) {
      const entry = entryOf(r)
      if (entry && boardFacts(board.doc).rootOf(entry.id) !== undefined) await this.options.store.takeTrash(board.id, r.id)
      else if (entry && r.deletedAt >= since) out.push(entry)
    }
    return out
  }

  /**
   * Abschluss: the deleted notes and clusters are deleted for good. The board is compacted first,
   * so that the log entries that still hold the deleted texts are gone too (the snapshot keeps no
   * deleted content); emptying then cuts the WAL (SQLite). The Bericht's entries are put back
   * right after: the Bericht is written in Abschluss, so its way back must outlast it.
   */
  private async empty(board: Room): Promise<void> {
    await board.compactFresh()
    const kept = (await this.options.store.trash(board.id)).filter((r) => entryOf(r)?.kind === 'bericht')
    await this.options.store.emptyTrash(board.id)
    for (const r of kept) await this.options.store.putTrash(r)
    log('trash.emptied', { board: boardTag(board.id), kept: kept.length })
  }

  private async stripAuthors(boardId: string): Promise<void> {
    for (const r of await this.options.store.trash(boardId)) {
      const entry = entryOf(r)
      if (entry) await this.options.store.putTrash(record(boardId, withoutAuthor(entry)))
    }
  }

  /** Entries older than `trashHours`, of every board, deleted for good (the retention sweep). */
  sweep(): Promise<number> {
    return this.options.store.dropTrashBefore(this.now() - this.options.trashHours * HOUR)
  }

  private queue(boardId: string, work: () => Promise<void>): void {
    const next = this.settled(boardId)
      .then(work)
      .catch((error: unknown) => log('trash.failed', { board: boardTag(boardId), error: String(error) }))
    this.pending.set(boardId, next)
    void next.then(() => {
      if (this.pending.get(boardId) === next) this.pending.delete(boardId)
    })
  }

  /** Resolves once the board's trash writes queued so far are done. */
  settled(boardId: string): Promise<void> {
    return this.pending.get(boardId) ?? Promise.resolve()
  }
}

/** A stored entry, checked again (null for bytes that are not one). */
function entryOf(r: TrashRecord): TrashEntry | null {
  try {
    return parseTrashEntry(JSON.parse(decoder.decode(r.data)))
  } catch {
    return null
  }
}

/** Runs are per board, part and participant (in memory only: no author id is stored). */
function runKey(boardId: string, part: string, actor: Actor): string {
  return `${boardId}\n${part}\n${actor.participantId}`
}

function record(boardId: string, entry: TrashEntry): TrashRecord {
  return { boardId, id: entry.id, deletedAt: entry.deletedAt, data: encoder.encode(JSON.stringify(entry)) }
}
