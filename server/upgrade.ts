import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import type { Actor } from '../model/identity'
import { CLOSE } from '../protocol/messages'
import type { PerMinuteLimit } from './addressLimit'
import { authorise, originAllowed, parseWsTarget } from './auth'
import type { Grant, JoinRequest } from './auth'
import type { ServerConfig } from './config'
import { inspectBoardUpdate, inspectPrivateUpdate } from './guard'
import { joinByFirstMessage } from './firstMessage'
import { boardTag, log } from './log'
import { meetingStateOf } from './meeting'
import type { LinkConnections } from './moderatorLinks'
import { connectionRefused } from './metrics'
import type { Meeting, MeetingState, MemberBook } from './meeting'
import { holder, privateDocName } from './rooms'
import type { Room, Rooms } from './rooms'
import { BoardSocket } from './socket'
import type { ConnectionStages } from './socket'
import type { BoardStore } from './store/BoardStore'
import type { TrashEntry } from '../model/trash'
import type { TrashDesk } from './trash'

/**
 * The websocket path as named stages, after Hocuspocus's hooks. Before any document byte:
 * admit (rate, origin, URL: refused with an HTTP status), authenticate (the board exists, a
 * moderator token matches), load (the board, if it has room). Then the connection runs the
 * stages of its join (socket.ts calls them): inspect, apply, after-apply, first sync, leave.
 * The board join and the private join are two compositions of these stages; a relaying
 * instance of a cluster would be one more, not a branch inside them.
 */

/** What the upgrade path needs of the server around it. */
export interface UpgradeContext {
  readonly config: ServerConfig
  readonly store: BoardStore
  readonly rooms: Rooms
  readonly meeting: Meeting
  /** The moderator's Papierkorb. */
  readonly trash: TrashDesk
  readonly members: MemberBook
  readonly wss: WebSocketServer
  /** Upgrades per address (an IPv6 /64 counts as one). */
  readonly rate: PerMinuteLimit
  /** The open sockets of co-moderator links (revoking one closes them). */
  readonly links: LinkConnections
  /** Several instances: decides whether a connection is served here or relayed to its board's owner. */
  readonly cluster?: { route(join: JoinRequest, actor: Actor, handshake: Handshake): Promise<boolean> }
}

/** One request's websocket handshake, still to be completed. */
export interface Handshake {
  /**
   * Completes it; false when ws refused it (a bad handshake header answered with 400, or a
   * client that left while its board was looked up). ws decides synchronously, so a callback
   * that has not run on return never will: the caller must let go of the rooms.
   */
  accept(connected: (ws: WebSocket) => void): boolean
  /** Completes it only to close at once: a browser reads a close code, not an HTTP status. */
  close(code: number, reason: string): void
}

export function handleUpgrade(ctx: UpgradeContext, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy())
  const target = admitted(ctx, req, socket) ? parseWsTarget(req.url) : undefined
  if (target === undefined) return
  if (target === null) return void refuse(socket, 400, 'Bad Request')
  // No secret in a URL (a proxy's log): a query is refused whatever it holds, with a close code
  // a browser can read, before anything is looked up.
  if (target.query) return void ctx.wss.handleUpgrade(req, socket, head, (ws) => closeAt(ws, CLOSE.queryRefused, 'Zugangsdaten gehören nicht in die Adresse'))
  // The credentials come in the first message.
  joinByFirstMessage(ctx.wss, { req, socket, head }, target, (join, handshake) => void run(ctx, join, handshake))
}

function closeAt(ws: WebSocket, code: number, reason: string): void {
  connectionRefused(code)
  ws.close(code, reason)
}

function run(ctx: UpgradeContext, join: JoinRequest, handshake: Handshake): Promise<void> {
  return connect(ctx, join, handshake).catch((error: unknown) => {
    log('ws.upgradeFailed', { board: boardTag(join.boardId), error: String(error) })
    handshake.close(CLOSE.goingAway, 'Fehler')
  })
}

async function connect(ctx: UpgradeContext, join: JoinRequest, given: Handshake): Promise<void> {
  const authorised = await authenticate(ctx, join, given)
  if (!authorised) return
  const { actor, grant } = authorised
  // A socket that joined with a co-moderator link is closed when the link is revoked.
  const handshake: Handshake = {
    accept: (connected) => given.accept((ws) => {
      ctx.links.track(join.boardId, grant, ws)
      connected(ws)
    }),
    close: (code, reason) => given.close(code, reason),
  }
  if (ctx.cluster && !(await ctx.cluster.route(join, actor, handshake))) return
  await serve(ctx, join, actor, handshake)
}

/** After authentication: the board loaded here, then the board join or the private join (a relayed connection starts here on its owner). */
export async function serve(ctx: UpgradeContext, join: Pick<JoinRequest, 'boardId' | 'private'>, actor: Actor, handshake: Handshake): Promise<void> {
  const board = await load(ctx, join.boardId, handshake)
  if (!board) return
  if (join.private) await joinPrivate(ctx, handshake, actor, board)
  else joinBoard(ctx, handshake, actor, board)
}

/** Refusals answered with an HTTP status, before anything is looked up: false when refused. */
function admitted(ctx: UpgradeContext, req: IncomingMessage, socket: Duplex): boolean {
  // Counted before anything else, so that refused attempts count too.
  if (ctx.rate.take(req.socket.remoteAddress) > 0) return refuse(socket, 429, 'Too Many Requests') ?? false
  if (!originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins)) return refuse(socket, 403, 'Forbidden') ?? false
  return true
}

function refuse(socket: Duplex, status: number, text: string): null {
  connectionRefused(status)
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  return null
}

/** Before any document byte: the board must exist and a moderator token (its own or a live co-moderator link's) must match. */
async function authenticate(ctx: UpgradeContext, join: JoinRequest, handshake: Handshake): Promise<{ actor: Actor; grant: Grant | null } | null> {
  const record = await ctx.store.getBoard(join.boardId)
  const authorised = record ? await authorise(ctx.store, record, join) : null
  if (!record) handshake.close(CLOSE.unknownBoard, 'Board nicht gefunden')
  else if (!authorised) handshake.close(CLOSE.forbidden, 'Kein Zugang')
  return authorised
}

/** The loaded board; null (and the client told) when it has all the connections it may. */
async function load(ctx: UpgradeContext, boardId: string, handshake: Handshake): Promise<Room | null> {
  const board = await ctx.rooms.open(boardId)
  // Every member is a connection: a board socket, or the holder of a private-doc socket.
  if (board.members.size < ctx.config.maxConnectionsPerBoard) return board
  ctx.rooms.release(board)
  handshake.close(CLOSE.boardFull, 'Board ist voll')
  return null
}

/** What the board join notes before an update: the meeting's state, and what the update deletes. */
interface BoardBefore {
  readonly meeting: MeetingState
  readonly trashed: readonly TrashEntry[]
}

/**
 * The board join: the guard judges against the board, the Papierkorb keeps what an accepted
 * update deletes, the meeting follows up on what changed.
 */
function joinBoard(ctx: UpgradeContext, handshake: Handshake, actor: Actor, board: Room): void {
  const { rooms, meeting, members, trash } = ctx
  const stages: ConnectionStages<BoardBefore> = {
    inspect(update) {
      // Noted before the update: the meeting acts on what it changes (e.g. the end of a vote).
      const state = meetingStateOf(board)
      const { verdict, description } = inspectBoardUpdate(board.doc, actor, update)
      return { verdict, before: { meeting: state, trashed: trash.capture(board, actor, description) } }
    },
    apply: (update, origin) => board.applyFrom(update, origin),
    afterApply: (before) => {
      trash.afterChange(board, actor, before.trashed, before.meeting, meetingStateOf(board))
      void meeting.afterBoardChange(board, before.meeting).catch((e: unknown) => log('meeting.failed', { error: String(e) }))
    },
    trash: (request) => trash.answer(board, actor, request),
    // Counted as taking part once it syncs, and only up to the connection limit: neither a
    // flood of garbage sockets nor one of fresh secrets can grow the stored board.
    firstSync: () => members.note(board, actor.participantId),
    leave: (member) => rooms.leave(board, member),
  }
  start(ctx, handshake, actor, board, stages, () => rooms.release(board))
}

/**
 * The private join: the participant's own doc, judged against the board's state. The board
 * stays loaded while the private doc is connected (a holder): the guard and the meeting need it.
 */
async function joinPrivate(ctx: UpgradeContext, handshake: Handshake, actor: Actor, board: Room): Promise<void> {
  const { rooms, meeting } = ctx
  // The client asks for `/ws/<boardId>/private` (auth.ts); the doc behind it is stored as
  // `<boardId>/p/<participantId>` (rooms.ts), the participant id derived from the secret the
  // client presented: nobody else can name it, and the URL never carries it.
  const mine = await rooms.open(privateDocName(board.id, actor.participantId), 'private')
  const hold = holder()
  rooms.join(board, hold)
  const stages: ConnectionStages<null> = {
    inspect: (update) => ({ verdict: inspectPrivateUpdate(mine.doc, board.doc, actor, update), before: null }),
    apply: (update, origin) => mine.applyFrom(update, origin),
    afterApply: () => meeting.afterPrivateChange(board, mine, actor.participantId),
    // Taking part is counted by the board join.
    firstSync: () => {},
    leave(member) {
      rooms.leave(mine, member)
      rooms.leave(board, hold)
    },
  }
  start(ctx, handshake, actor, mine, stages, () => {
    rooms.release(mine)
    rooms.leave(board, hold)
  })
}

/** Completes the handshake and puts the connection into its room; `undo` lets go of what load took if ws refused it. */
function start<Before>(
  ctx: UpgradeContext,
  handshake: Handshake,
  actor: Actor,
  room: Room,
  stages: ConnectionStages<Before>,
  undo: () => void,
): void {
  const { store, rooms, config } = ctx
  const accepted = handshake.accept((ws) => {
    // A private doc has a cap of its own, far below the board's: drafts, a ballot and a mark.
    const maxBytes = room.kind === 'private' ? config.maxPrivateBytes : config.maxBoardBytes
    const member = new BoardSocket({ ws, room, actor, store, maxBoardBytes: maxBytes, limits: config.flow, stages })
    rooms.join(room, member)
  })
  if (!accepted) undo()
}
