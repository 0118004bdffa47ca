import { createServer } from 'node:http'
import type { IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { CLOSE } from '../protocol/messages'
import { authorise, originAllowed, parseJoin } from './auth'
import type { ServerConfig } from './config'
import { handleHttp } from './http'
import { closeJoinCodes } from './joinCodes'
import { boardTag, ipTag, log } from './log'
import { inspectPrivateUpdate, inspectUpdate } from './guard'
import { startRetention } from './retention'
import { MemberBook, Meeting, stageOf } from './meeting'
import { Rooms, holder, privateDocName } from './rooms'
import { BoardSocket } from './socket'
import { SqliteBoardStore } from './store/sqlite'
import type { BoardStore } from './store/BoardStore'

export interface App {
  readonly server: Server
  readonly store: BoardStore
  readonly rooms: Rooms
  /** The port actually listened on (useful with port 0). */
  readonly port: number
  /** Finishes writes, closes every socket with 1001 (going away) and the store. */
  close(): Promise<void>
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}


/**
 * Websocket upgrades per remote address in fixed one-minute windows. The first refusal of a
 * window is logged, with the address shortened (ipTag). Old windows are dropped every minute,
 * so the table holds at most the addresses seen in the last two minutes.
 */
class UpgradeRate {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly timer: NodeJS.Timeout

  constructor(private readonly perMinute: number) {
    this.timer = setInterval(() => this.prune(Date.now()), 60_000)
    this.timer.unref()
  }

  /** Counts one upgrade from `address`; false when the address is over its limit. */
  allow(address: string | undefined): boolean {
    const key = address ?? ''
    const now = Date.now()
    let window = this.windows.get(key)
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count++
    if (window.count <= this.perMinute) return true
    if (window.count === this.perMinute + 1) log('ws.rateLimited', { ip: ipTag(address), perMinute: this.perMinute })
    return false
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(key)
  }

  stop(): void {
    clearInterval(this.timer)
  }
}

/** Starts the whole product: HTTP, websockets, rooms and storage. */
export async function startApp(config: ServerConfig, store: BoardStore = new SqliteBoardStore(config.dataDir)): Promise<App> {
  const rooms = new Rooms(store, config)
  const meeting = new Meeting(rooms, store)
  const members = new MemberBook(config.maxConnectionsPerBoard)
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayload })
  const ctx = { config, store, rooms, connections: () => wss.clients.size }
  const server = createServer((req, res) => void handleHttp(ctx, req, res))

  const rate = new UpgradeRate(config.connectionsPerMinute)
  /**
   * Completes an upgrade; false when ws refused it (a bad handshake header answered with 400,
   * or a client that left while its board was looked up). ws decides synchronously, so a
   * callback that has not run on return never will: the caller must let go of the rooms.
   */
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, connected: (ws: WebSocket) => void): boolean => {
    let accepted = false
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true
      connected(ws)
    })
    return accepted
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    // Counted before anything else, so that refused attempts count too.
    if (!rate.allow(req.socket.remoteAddress)) return refuse(socket, 429, 'Too Many Requests')
    if (!originAllowed(req.headers.origin, req.headers.host, config.allowedOrigins)) return refuse(socket, 403, 'Forbidden')
    const join = parseJoin(req.url)
    if (!join) return refuse(socket, 400, 'Bad Request')
    // Authorise before any document byte: the board must exist and a moderator token must match.
    void store.getBoard(join.boardId).then(async (record) => {
      const actor = record ? authorise(record, join) : null
      if (!record || !actor) {
        wss.handleUpgrade(req, socket, head, (ws) =>
          ws.close(record ? CLOSE.forbidden : CLOSE.unknownBoard, record ? 'Kein Zugang' : 'Board nicht gefunden'),
        )
        return
      }
      const board = await rooms.open(join.boardId)
      if ([...board.members].filter((m) => m instanceof BoardSocket).length >= config.maxConnectionsPerBoard) {
        rooms.release(board)
        wss.handleUpgrade(req, socket, head, (ws) => ws.close(CLOSE.boardFull, 'Board ist voll'))
        return
      }
      if (!join.private) {
        const accepted = upgrade(req, socket, head, (ws) => {
          let before = stageOf(board)
          const inspect = (update: Uint8Array) => {
            before = stageOf(board)
            return inspectUpdate(board.doc, actor, update)
          }
          const applied = () => void meeting.afterBoardChange(board, before).catch((e: unknown) => log('meeting.failed', { error: String(e) }))
          // Counted as taking part once it syncs, and only up to the connection limit: neither a
          // flood of garbage sockets nor one of fresh secrets can grow the stored board.
          const joined = () => members.note(board, actor.participantId)
          const member = new BoardSocket(ws, board, actor, store, inspect, applied, config.maxBoardBytes, joined)
          rooms.join(board, member)
          member.onLeave = () => rooms.leave(board, member)
        })
        if (!accepted) rooms.release(board)
        return
      }
      // The private doc is named after the participant id derived from the secret: nobody
      // else can open it. Its connection keeps the board loaded, whose state the guard needs.
      const mine = await rooms.open(privateDocName(join.boardId, actor.participantId), 'private')
      const hold = holder()
      rooms.join(board, hold)
      const accepted = upgrade(req, socket, head, (ws) => {
        const inspect = (update: Uint8Array) => inspectPrivateUpdate(mine.doc, board.doc, actor, update)
        const applied = () => meeting.afterPrivateChange(board, mine, actor.participantId)
        const member = new BoardSocket(ws, mine, actor, store, inspect, applied, config.maxBoardBytes)
        rooms.join(mine, member)
        member.onLeave = () => {
          rooms.leave(mine, member)
          rooms.leave(board, hold)
        }
      })
      if (!accepted) {
        rooms.release(mine)
        rooms.leave(board, hold)
      }
    }).catch((error: unknown) => {
      log('ws.upgradeFailed', { board: boardTag(join.boardId), error: String(error) })
      socket.destroy()
    })
  })

  const retention = startRetention({
    store,
    ttlDays: config.boardTtlDays,
    inUse: (id) => rooms.isLoaded(id),
    evict: (id) => rooms.evictBoard(id, CLOSE.deleted, 'Board abgelaufen'),
  })
  // Expired boards go before the server serves anything, then once an hour.
  await retention.sweep().catch((e: unknown) => log('retention.failed', { error: String(e) }))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  log('server.listening', { port })

  let closing: Promise<void> | null = null
  return {
    server,
    store,
    rooms,
    port,
    close() {
      closing ??= (async () => {
        rate.stop()
        retention.stop()
        server.close()
        members.write()
        await store.flushed()
        for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'Server wird neu gestartet')
        server.closeAllConnections()
        await rooms.closeAll()
        await store.close()
        // The code file is opened by the first request that needs it; ctx is the key it is kept under.
        closeJoinCodes(ctx)
        wss.close()
      })()
      return closing
    },
  }
}
