import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { declarePrivateRoots } from '../model/privateDoc'
import { renewEntries } from '../model/renewal'
import { declareRoots, LOCAL } from '../model/schema'
import { CLOSE, MESSAGE } from '../protocol/messages'
import { FanOut } from './fanOut'
import { FirstSync, lacksMost } from './firstSync'
import { StoredDoc } from './storedDoc'
import type { RoomMember } from './fanOut'
import { boardTag, log } from './log'
import type { BoardStore } from './store/BoardStore'

/**
 * Close code when storing a change failed (1011, internal error): y-websocket reconnects, and
 * the client sends its unsaved changes again. Not 4422: that would make it drop them.
 */
export const CLOSE_STORAGE_FAILED = 1011

export type { RoomMember } from './fanOut'
export { encodeAwarenessMessage } from './fanOut'

/** Key of a change's append in its Yjs transaction's meta (see `Room.applyFrom`). */
const APPENDED = Symbol('appended')

/** Keeps a room loaded without receiving anything (a private connection holds its board). */
export const holder = (): RoomMember => ({ sendDocUpdate() {}, sendAwareness() {}, close() {} })

/**
 * Doc names: a board is `<boardId>`, a participant's private doc `<boardId>/p/<participantId>`.
 * The client opens the latter as `/ws/<boardId>/private`; the server finds the name from the
 * participant id of the secret the socket authenticated with (server/auth.ts).
 */
export type RoomKind = 'board' | 'private'
export const privateDocName = (boardId: string, participantId: string) => `${boardId}/p/${participantId}`
export const privateDocPrefix = (boardId: string) => `${boardId}/p/`

/** One loaded doc (a board or a private doc): its doc, presence and members. */
export class Room {
  private readonly live = new Y.Doc({ gc: true })
  /** What storage held, until it is decoded into the doc (see StoredDoc). */
  private readonly stored = new StoredDoc(this.live, this, () =>
    // Attached after decoding: else Yjs would encode the whole loaded state for it (150 ms).
    this.live.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      this.firstSync.changed(update)
      const appended = this.record(update, origin)
      // The append belongs to this one change: it travels with its transaction (see applyFrom).
      if (appended) transaction.meta.set(APPENDED, appended)
    }),
  )
  readonly awareness: awarenessProtocol.Awareness
  readonly members = new Set<RoomMember>()
  /** Which member speaks for which awareness client id (one each). */
  readonly awarenessOwners = new Map<number, RoomMember>()
  private readonly fanOut: FanOut
  /** The answer for a client that has nothing yet (see `syncReply`). */
  private readonly firstSync = new FirstSync(() => this.doc)
  /** Log entries since the last snapshot, and the newest log position. */
  private logSize = 0
  private lastSeq = 0
  /** Stored size: the snapshot's bytes plus the bytes of every log entry after it. */
  private snapshotBytes = 0
  private logBytes = 0
  /**
   * Which participant writes under which Yjs client id. A struct is known by (client id,
   * clock): whoever writes first at a clock wins, and a later different struct with the same id
   * is taken for a copy and dropped. So somebody who writes under another person's client id
   * (ids are public: presence and the doc show them) at a clock that person has used offline
   * or in flight would make that person's change vanish, acknowledged, and their doc diverge
   * for good. The first participant to add structs under an id owns it while the doc is in
   * memory; the server's own id is taken from the start.
   */
  private readonly clientOwners = new Map<number, string>()
  /** Called once when an append fails: memory now holds what storage does not. */
  onStorageFailure: (() => void) | null = null
  idleTimer: NodeJS.Timeout | null = null

  constructor(
    readonly id: string,
    readonly kind: RoomKind,
    private readonly store: BoardStore,
    private readonly compactAfter: number,
  ) {
    if (kind === 'board') declareRoots(this.live)
    else declarePrivateRoots(this.live)
    this.clientOwners.set(this.live.clientID, '')
    this.awareness = new awarenessProtocol.Awareness(this.live)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.fanOut = new FanOut(this.members, this.awareness)
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, _origin: unknown) => {
      this.fanOut.presenceChanged([...added!, ...updated!, ...removed!])
    })
  }

  /**
   * The messages answering a client's sync step 1: a sync step 2 with what it lacks. Most
   * joiners have nothing yet (a first visit; the 500 of a join storm): theirs is kept ready,
   * and so is the answer to anyone who lacks most of the doc (encoding it anew for each such
   * question was the flood of issue 11: a client may be sent what it already has).
   */
  syncReply(stateVector: Uint8Array): readonly Uint8Array[] {
    if ((stateVector.length === 1 && stateVector[0] === 0) || lacksMost(this.doc, stateVector)) {
      // Possibly served from the stored bytes alone: decode once they are on their way.
      this.stored.decodeSoon()
      return this.firstSync.messages()
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector)
    return [encoding.toUint8Array(encoder)]
  }

  /** The doc, decoded from storage on first use: all but a first joiner's sync need it. */
  get doc(): Y.Doc {
    this.stored.decode()
    return this.live
  }

  /** Runs `then` once the doc is decoded (at once when it is): e.g. a sync step 1 to a client. */
  whenDecoded(then: () => void): void {
    this.stored.whenDecoded(then)
  }

  /** Takes what storage holds; called once, before anyone joins. Decoded later (see `doc`). */
  load(snapshot: Uint8Array | null, updates: readonly Uint8Array[], lastSeq: number): void {
    this.stored.hold(snapshot, updates)
    this.firstSync.seed(snapshot, updates)
    this.logSize = updates.length
    this.lastSeq = lastSeq
    this.snapshotBytes = snapshot?.byteLength ?? 0
    this.logBytes = updates.reduce((sum, u) => sum + u.byteLength, 0)
  }

  /** Bytes this doc takes in storage (snapshot + log), as far as this process has written it. */
  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes
  }

  /**
   * Claims the client ids under which `update` adds structs for `owner` (a participant id);
   * false, and nothing claimed, when one of them belongs to somebody else.
   */
  claimClients(update: Uint8Array, owner: string): boolean {
    const { to } = Y.parseUpdateMeta(update)
    const fresh: number[] = []
    for (const [client, end] of to) {
      if (end <= Y.getState(this.doc.store, client)) continue
      const claimed = this.clientOwners.get(client)
      if (claimed !== undefined && claimed !== owner) return false
      fresh.push(client)
    }
    for (const client of fresh) this.clientOwners.set(client, owner)
    return true
  }

  /**
   * Applies an update from `origin` and returns the commit of what it added to the log:
   * resolves once stored, rejects if storing failed; null when the update changed nothing.
   */
  applyFrom(update: Uint8Array, origin: RoomMember): Promise<number> | null {
    // Every change, the server's own too, is recorded by the one update listener; Yjs runs it
    // before the transaction returns, so the transaction tells what it appended.
    const transaction = this.doc.transact((tr) => {
      Y.applyUpdate(this.doc, update, origin)
      return tr
    }, origin)
    return (transaction.meta.get(APPENDED) as Promise<number> | undefined) ?? null
  }

  /** Appends a change to the log (and once committed, sends it on); null for the load itself. */
  private record(update: Uint8Array, origin: unknown): Promise<number> | null {
    if (origin === this) return null
    this.logBytes += update.byteLength
    // Broadcast only what is committed: a client that held a change the server lost in a crash
    // would send it back in its sync step 2 as if it were its own, and the guard would refuse
    // that (another author, another client id) with 4422 (found by the crash harness). Committed
    // is enough for that (a crash of the process cannot take it back); the sender's ack waits
    // for the disk.
    const appended = this.store.append(this.id, update, (seq) => {
      if (this.destroyed) return
      this.fanOut.push(update, origin)
      this.lastSeq = seq
      if (++this.logSize >= this.compactAfter) void this.compactSoon()
    })
    appended.catch((error: unknown) => {
      log('store.appendFailed', { board: boardTag(this.id), error: String(error) })
      const failed = this.onStorageFailure
      this.onStorageFailure = null
      failed?.()
    })
    return appended
  }

  /**
   * Writes the doc as a snapshot and drops the log it covers. Runs when every update applied
   * to the doc has been committed, so the snapshot holds exactly the committed state (and the
   * snapshot's own transaction is durable only after theirs). Resolves when it is done (a
   * failure is logged, not thrown).
   */
  compactSoon(): Promise<void> {
    this.compaction ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.store.committed())
      .then(() => {
        const upto = this.lastSeq
        const snapshot = Y.encodeStateAsUpdate(this.doc)
        const size = this.logSize
        const bytes = this.logBytes
        return this.store.compact(this.id, snapshot, upto).then(() => {
          this.logSize -= size
          // Entries appended while the snapshot was written stay in the log.
          this.logBytes -= bytes
          this.snapshotBytes = snapshot.byteLength
        })
      })
      .catch((error: unknown) => log('store.compactFailed', { board: boardTag(this.id), error: String(error) }))
      .finally(() => {
        this.compaction = null
      })
    return this.compaction
  }

  private compaction: Promise<void> | null = null

  /**
   * A compaction of everything applied so far: one already running may have read the doc
   * before the latest changes, so it is waited for and another one follows.
   */
  async compactFresh(): Promise<void> {
    await this.compaction
    await this.compactSoon()
  }

  /**
   * Renews the entries that piled up overwritten values (model/renewal.ts) and compacts, so that
   * the next cold load sends a small state. For a decoded board nobody is connected to.
   */
  async renew(): Promise<void> {
    if (this.kind !== 'board' || !this.stored.isDecoded || this.members.size > 0) return
    const renewed = renewEntries(this.live, LOCAL)
    if (renewed === 0) return
    log('board.renewed', { board: boardTag(this.id), entries: renewed })
    await this.compactFresh()
  }

  /** Set once the room left memory; a late release must not touch its successor. */
  destroyed = false

  destroy(): void {
    this.destroyed = true
    this.stored.drop()
    this.fanOut.stop()
    this.firstSync.drop()
    this.awareness.destroy()
    this.live.destroy()
  }
}

/** Loaded boards by id; loads on first join, unloads when idle. */
export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>()

  constructor(
    private readonly store: BoardStore,
    private readonly options: { readonly idleUnloadMs: number; readonly compactAfter: number },
  ) {}

  get size(): number {
    return this.rooms.size
  }
  get boards(): number {
    return [...this.rooms.keys()].filter((id) => !id.includes('/')).length // not the private docs, <board>/p/<participant>
  }

  /** Whether a doc is in memory: someone is connected, or was a moment ago. */
  isLoaded(id: string): boolean {
    return this.rooms.has(id)
  }

  /** The loaded room for a doc of a board that exists in the store. */
  open(id: string, kind: RoomKind = 'board'): Promise<Room> {
    let room = this.rooms.get(id)
    if (!room) {
      room = this.store.load(id).then((stored) => {
        const loaded = new Room(id, kind, this.store, this.options.compactAfter)
        loaded.load(stored.snapshot, stored.updates, stored.lastSeq)
        // A failed write leaves memory ahead of storage: drop the doc (a board with its private
        // docs) and close its connections with 1011. Clients keep their changes and send them
        // again after reconnecting, against what storage really holds.
        loaded.onStorageFailure = () =>
          void this.evict((name) => (kind === 'board' ? name === id || name.startsWith(privateDocPrefix(id)) : name === id), CLOSE_STORAGE_FAILED, 'Speichern fehlgeschlagen')
        if (stored.updates.length >= this.options.compactAfter) void loaded.compactSoon()
        return loaded
      })
      room.catch(() => this.rooms.delete(id))
      this.rooms.set(id, room)
    }
    return room
  }

  join(room: Room, member: RoomMember): void {
    if (room.idleTimer) clearTimeout(room.idleTimer)
    room.idleTimer = null
    room.members.add(member)
  }

  leave(room: Room, member: RoomMember): void {
    room.members.delete(member)
    this.release(room)
  }

  /** Schedules unloading of a room nobody is connected to (e.g. after an HTTP read). */
  release(room: Room): void {
    if (room.destroyed || room.members.size > 0 || room.idleTimer) return
    room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs)
    room.idleTimer.unref()
  }

  private async unload(room: Room): Promise<void> {
    room.idleTimer = null
    if (room.destroyed || room.members.size > 0) return
    // A renewal that fails leaves the board as it was: it is unloaded all the same.
    await room.renew().catch((error: unknown) => log('board.renewFailed', { board: boardTag(room.id), error: String(error) }))
    // Somebody may have joined while it renewed: it stays, and is released when they leave.
    if (room.destroyed || room.members.size > 0 || room.idleTimer) return
    this.rooms.delete(room.id)
    await this.store.flushed()
    room.destroy()
    log('board.unloaded', { board: boardTag(room.id) })
  }

  /** Told when a board was deleted here (several instances: the owner may be another). */
  onBoardDeleted: ((boardId: string) => void) | null = null

  /** Closes every connection to a board and its private docs and drops them from memory. */
  async evictBoard(boardId: string, code: number, reason: string): Promise<void> {
    if (code === CLOSE.deleted) this.onBoardDeleted?.(boardId)
    await this.evict((name) => name === boardId || name.startsWith(privateDocPrefix(boardId)), code, reason)
  }

  private async evict(which: (name: string) => boolean, code: number, reason: string): Promise<void> {
    for (const [name, pending] of [...this.rooms]) {
      if (!which(name) || this.rooms.get(name) !== pending) continue
      this.rooms.delete(name)
      const room = await pending.catch(() => null)
      if (!room) continue
      room.onStorageFailure = null
      for (const member of [...room.members]) member.close(code, reason)
      if (room.idleTimer) clearTimeout(room.idleTimer)
      room.destroy()
    }
  }

  async closeAll(): Promise<void> {
    const rooms = await Promise.allSettled(this.rooms.values())
    this.rooms.clear()
    await this.store.flushed()
    for (const r of rooms) if (r.status === 'fulfilled') r.value.destroy()
  }
}
