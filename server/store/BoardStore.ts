import type { EventStore } from './EventStore'
import type { JoinCodeStore } from './JoinCodeStore'

/**
 * Where boards live between restarts. The embedded default is SQLite (sqlite.ts); several
 * instances share PostgreSQL (postgres.ts) through the same interface. Every method that writes resolves only
 * once the write is durable: that is what an acknowledgement to a client promises.
 */
export interface BoardRecord {
  readonly id: string
  /** SHA-256 of the moderator token; the token itself is never stored. */
  readonly moderatorHash: Uint8Array
  readonly createdAt: number
  readonly activeAt: number
}

/**
 * A co-moderator link: its own token, stored as its SHA-256 like the board's moderator token,
 * created, listed and revoked by the board's moderator.
 */
export interface ModeratorLink {
  readonly boardId: string
  readonly id: string
  readonly hash: Uint8Array
  readonly label: string
  readonly createdAt: number
}

/**
 * One entry of a board's Papierkorb (model/trash.ts): what a delete took out of the board, as
 * bytes the store does not read. Kept until restored, emptied or expired; never exported.
 */
export interface TrashRecord {
  readonly boardId: string
  readonly id: string
  readonly deletedAt: number
  readonly data: Uint8Array
}

export interface StoredBoard {
  /** The compacted state, or null before the first compaction. */
  readonly snapshot: Uint8Array | null
  /** Updates logged after the snapshot, oldest first. */
  readonly updates: readonly Uint8Array[]
  /** The log position the next compaction may cover up to. */
  readonly lastSeq: number
}

export interface BoardStore {
  createBoard(record: BoardRecord, initialState: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  load(id: string): Promise<StoredBoard>
  /**
   * Appends one update to the board's log; resolves with its log position once it is durable
   * (on disk). `onCommitted` runs earlier, as soon as the write is committed: from then on a
   * crash of this process cannot take it back, so it may be shown to others.
   */
  append(id: string, update: Uint8Array, onCommitted?: (seq: number) => void): Promise<number>
  /** Resolves once everything appended so far is committed (see `append`), not yet durable. */
  committed(): Promise<void>
  /** Resolves once everything appended so far is durable. */
  flushed(): Promise<void>
  /** Replaces the log up to `uptoSeq` with `snapshot`. */
  compact(id: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /** Stores a co-moderator link of an existing board (durable on return). */
  addModeratorLink(link: ModeratorLink): Promise<void>
  /** The board's co-moderator links, oldest first. */
  moderatorLinks(boardId: string): Promise<ModeratorLink[]>
  /** Removes a link for good; resolves whether there was one. */
  revokeModeratorLink(boardId: string, id: string): Promise<boolean>
  /** Keeps an entry in the board's Papierkorb (replacing one with the same id); ignored for a board that does not exist. */
  putTrash(record: TrashRecord): Promise<void>
  /** The board's Papierkorb, oldest first. */
  trash(boardId: string): Promise<TrashRecord[]>
  /** Removes one entry (restored); resolves whether there was one. */
  takeTrash(boardId: string, id: string): Promise<boolean>
  /** Deletes the board's Papierkorb for good (Abschluss): no copy is left in the store's files. */
  emptyTrash(boardId: string): Promise<void>
  /** Deletes for good every entry of every board deleted before `before`; resolves how many. */
  dropTrashBefore(before: number): Promise<number>
  /**
   * Puts `boardId` (a follow-up meeting) into the series of `previousId`, after every meeting in
   * it. A previous board in no series starts one, named `newSeriesId`, with itself first. One
   * transaction; resolves with the series id once durable. Rejects when either board is unknown.
   */
  addFollowUp(previousId: string, boardId: string, newSeriesId: string): Promise<string>
  /** The series a board belongs to, or null. */
  seriesOf(boardId: string): Promise<string | null>
  /** The boards of a series, first meeting first; a deleted board is no longer listed. */
  seriesBoards(seriesId: string): Promise<string[]>
  /** Deletes a board with all its docs (the board and every private doc), its co-moderator links, its Papierkorb and its place in a series. */
  deleteBoard(id: string): Promise<void>
  /** Names of the stored docs that start with `prefix` (e.g. a board's private docs). */
  listDocs(prefix: string): Promise<string[]>
  /** Boards without activity since `before` (ms since epoch). */
  listExpired(before: number): Promise<string[]>
  /**
   * Runs `work` unless another instance runs the task of that name right now; then it resolves
   * null without running it (the retention sweep runs on one instance at a time).
   */
  exclusively<T>(task: string, work: () => Promise<T>): Promise<T | null>
  /**
   * Fencing, for several instances: from now on this store writes the board (and its private
   * docs) as writer `epoch` and appends or compacts only while no newer epoch has claimed it.
   * Resolves once the claim is durable; rejects with StaleEpochError when a newer epoch holds
   * the board. Stores used by one process alone need not implement it.
   */
  fence?(boardId: string, epoch: number): Promise<void>
  /** Board codes kept beside the boards (shared by every instance); absent: codes in DATA_DIR. */
  readonly joinCodes?: JoinCodeStore
  /** Events kept beside the boards (shared by every instance); absent: events in DATA_DIR. */
  readonly events?: EventStore
  /** Bytes all boards take in storage (the quota MAX_DATA_BYTES); absent: no quota can be kept. */
  dataBytes?(): Promise<number>
  /** Resolves when storage answers and takes writes; rejects with the reason (readiness). */
  check?(): Promise<void>
  close(): Promise<void>
}

/** A write refused because a newer owner (epoch) has claimed the board since. */
export class StaleEpochError extends Error {
  constructor(
    readonly boardId: string,
    readonly epoch: number,
    readonly current: number | null,
  ) {
    super(`board ${boardId.slice(0, 6)}…: epoch ${epoch} is stale (current ${current ?? 'none'})`)
    this.name = 'StaleEpochError'
  }
}

/** The board a doc name belongs to: `<boardId>` or `<boardId>/p/<participantId>`. */
export function boardOfDoc(name: string): string {
  const slash = name.indexOf('/')
  return slash < 0 ? name : name.slice(0, slash)
}
