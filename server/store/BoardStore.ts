/**
 * Where boards live between restarts. The embedded default is SQLite; a scale-out store
 * (Redis + Postgres) implements the same interface. Every method that writes resolves only
 * once the write is durable: that is what an acknowledgement to a client promises.
 */
export interface BoardRecord {
  readonly id: string
  /** SHA-256 of the moderator token; the token itself is never stored. */
  readonly moderatorHash: Uint8Array
  readonly createdAt: number
  readonly activeAt: number
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
  /** Deletes a board with all its docs (the board and every private doc). */
  deleteBoard(id: string): Promise<void>
  /** Names of the stored docs that start with `prefix` (e.g. a board's private docs). */
  listDocs(prefix: string): Promise<string[]>
  /** Boards without activity since `before` (ms since epoch). */
  listExpired(before: number): Promise<string[]>
  close(): Promise<void>
}
