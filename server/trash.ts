import * as Y from 'yjs'
import type { UpdateDescription } from '../model/changes'
import { boardFacts } from '../model/facts'
import type { Actor } from '../model/identity'
import { captureEntry, deletedItems, mayUseTrash, parseTrashEntry, restoreEntry, restoreRefusal, trashItemOf, withoutAuthor } from '../model/trash'
import type { RestoreRefusal, TrashEntry } from '../model/trash'
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
 * deletes notes or dissolves clusters (captured from the doc before it is applied); asked and
 * emptied only by moderators, over their board socket (protocol/trash.ts); a restore is written
 * by the server as its own change, after model/trash.ts's rules and the byte cap. Emptied for
 * good at Abschluss, with the board, and after `trashHours`.
 */
export class TrashDesk {
  /** Per board, the writes under way: a list or a restore waits for them. */
  private readonly pending = new Map<string, Promise<void>>()
  private readonly now: () => number

  constructor(private readonly options: TrashOptions) {
    this.now = options.now ?? Date.now
  }

  /** Before an accepted update is applied: what it takes out of the board. */
  capture(board: Room, description: UpdateDescription | null): TrashEntry[] {
    const deleted = description ? deletedItems(description) : []
    if (deleted.length === 0) return []
    const anonymous = boardFacts(board.doc).settings.anonymous
    const at = this.now()
    return deleted.flatMap(({ root, id }) => captureEntry(board.doc, root, id, at, anonymous) ?? [])
  }

  /** After it was applied: keeps what is really gone, empties at Abschluss, strips authors when the board turned anonymous. */
  afterChange(board: Room, captured: readonly TrashEntry[], before: MeetingState, after: MeetingState): void {
    const gone = captured.filter((e) => !(e.kind === 'note' ? board.doc.getMap('notes') : board.doc.getMap('clusters')).has(e.id))
    if (gone.length > 0) this.queue(board.id, () => Promise.all(gone.map((e) => this.options.store.putTrash(record(board.id, e)))).then(() => {}))
    if (!before.closed && after.closed) this.queue(board.id, () => this.empty(board))
    else if (!before.anonymous && after.anonymous) this.queue(board.id, () => this.stripAuthors(board.id))
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
   * Abschluss: the Papierkorb is deleted for good. The board is compacted first, so that the log
   * entries that still hold the deleted texts are gone too (the snapshot keeps no deleted
   * content); emptying then cuts the WAL (SQLite).
   */
  private async empty(board: Room): Promise<void> {
    await board.compactFresh()
    await this.options.store.emptyTrash(board.id)
    log('trash.emptied', { board: boardTag(board.id) })
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

function record(boardId: string, entry: TrashEntry): TrashRecord {
  return { boardId, id: entry.id, deletedAt: entry.deletedAt, data: encoder.encode(JSON.stringify(entry)) }
}
