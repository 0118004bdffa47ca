import { boardFacts } from '../model/facts'
import type { ParticipantId } from '../model/ids'
import { writesDrafts } from '../model/permissions'
import { budgetUnder, clearTally, revealDrafts, stripAuthors, writeProgress, writeTally } from '../model/reveal'
import type { ByteBudget } from '../model/reveal'
import { seatMembers } from '../model/seats'
import { boardTag, log } from './log'
import { privateDocName, privateDocPrefix } from './rooms'
import type { Room, Rooms } from './rooms'
import type { BoardStore } from './store/BoardStore'

/** The state of a board that the server's follow-up work depends on. */
export interface MeetingState {
  readonly collectingPrivately: boolean
  readonly votesRevealed: boolean
  readonly anonymous: boolean
  /** In Abschluss: the meeting is closed (the Papierkorb is emptied). */
  readonly closed: boolean
}

export function meetingStateOf(board: Room): MeetingState {
  const facts = boardFacts(board.doc)
  return { collectingPrivately: writesDrafts(facts), votesRevealed: facts.votesRevealed, anonymous: facts.settings.anonymous, closed: facts.phase === 'abschluss' }
}

/**
 * What the server does on its own when the moderator moves the meeting on: reveal all drafts
 * when private collecting ends, add up the ballots when the vote ends, strip authors when the
 * board turns anonymous; and, for each participant, publish collecting progress (counts only).
 * Each step is idempotent, and the writes to two docs land in the same store transaction.
 */
export class Meeting {
  constructor(
    private readonly rooms: Rooms,
    private readonly store: BoardStore,
    /** The board byte cap (MAX_BOARD_BYTES): the server's own writes keep within it too. */
    private readonly maxBoardBytes = Infinity,
  ) {}

  /**
   * What a reveal may add to the board: up to the cap, less a reserve (a tenth of the cap, at
   * most 64 KiB) so that the moderation can still work on a board that a reveal filled.
   */
  private revealBudget(board: Room): ByteBudget {
    return budgetUnder(this.maxBoardBytes, board.storedBytes)
  }

  /** Runs every private doc of the board through `work`, loading those not in memory. */
  private async eachPrivateDoc(board: Room, work: (doc: Room, participant: ParticipantId) => void): Promise<void> {
    const prefix = privateDocPrefix(board.id)
    for (const name of await this.store.listDocs(prefix)) {
      const room = await this.rooms.open(name, 'private')
      try {
        work(room, name.slice(prefix.length))
      } finally {
        this.rooms.release(room)
      }
    }
  }

  async afterBoardChange(board: Room, before: MeetingState): Promise<void> {
    const after = meetingStateOf(board)
    if (before.collectingPrivately && !after.collectingPrivately) {
      let moved = 0
      const budget = this.revealBudget(board)
      await this.eachPrivateDoc(board, (room, participant) => {
        moved += revealDrafts(board.doc, room.doc, participant, meetingStateOf(board).anonymous, budget)
        writeProgress(board.doc, participant, room.doc)
      })
      log('board.revealed', { board: boardTag(board.id), notes: moved })
    }
    if (!before.votesRevealed && after.votesRevealed) {
      const ballots: Room[] = []
      await this.eachPrivateDoc(board, (room) => ballots.push(room))
      // The tally is the server's write too: it keeps to the same budget as the reveal.
      const { left } = writeTally(
        board.doc,
        ballots.map((r) => r.doc),
        this.revealBudget(board),
      )
      if (left > 0) log('board.tallyCut', { board: boardTag(board.id), left })
    } else if (before.votesRevealed && !after.votesRevealed) clearTally(board.doc)
    if (!before.anonymous && after.anonymous && stripAuthors(board.doc) > 0) void board.compactSoon()
  }

  /**
   * Participants just noted as members: progress is published for members only, so a private
   * doc that changed in the moment before its author's join was written is published now.
   */
  joined(board: Room, participants: readonly ParticipantId[]): void {
    for (const participant of participants) {
      const name = privateDocName(board.id, participant)
      if (!this.rooms.isLoaded(name)) continue
      void this.rooms.open(name, 'private').then((room) => {
        if (!room.destroyed && !board.destroyed) writeProgress(board.doc, participant, room.doc)
      })
    }
  }

  /** After a participant's private doc changed: its progress, and drafts that are due. */
  afterPrivateChange(board: Room, room: Room, participant: ParticipantId): void {
    const state = meetingStateOf(board)
    if (!state.collectingPrivately) revealDrafts(board.doc, room.doc, participant, state.anonymous, this.revealBudget(board))
    writeProgress(board.doc, participant, room.doc)
  }
}

/**
 * Counts participants as having joined (the report says how many took part), up to `cap`, and
 * gives each a seat in the order they joined (model/seats.ts: their look on the board). Only
 * the board's owner runs this, so seats are handed out one after another in cluster mode too. The
 * writes of a moment are gathered into one change: a join storm of 500 would otherwise make 500
 * changes, each sent to everyone present and each making the next joiner's copy of the whole
 * board be encoded anew (10 ms for 500 notes).
 */
export class MemberBook {
  private readonly pending = new Map<Room, Set<ParticipantId>>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly cap: number,
    private readonly delayMs = 100,
    /** Told which participants a write made members. */
    private readonly onJoined: (board: Room, participants: readonly ParticipantId[]) => void = () => {},
  ) {}

  note(board: Room, participant: ParticipantId): void {
    let joined = this.pending.get(board)
    if (!joined) this.pending.set(board, (joined = new Set()))
    joined.add(participant)
    this.timer ??= setTimeout(() => this.write(), this.delayMs)
  }

  /** Writes what is pending now (also before the server stops). */
  write(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (const [board, joined] of this.pending) if (!board.destroyed) this.onJoined(board, seatMembers(board.doc, joined, this.cap))
    this.pending.clear()
  }
}
