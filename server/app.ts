import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { CLOSE } from '../protocol/messages'
import type { ServerConfig } from './config'
import { PerMinuteLimit } from './addressLimit'
import { handleHttp } from './http'
import type { HttpContext } from './httpKit'
import { closeEvents, forgetEventBoard } from './events'
import { closeJoinCodes } from './joinCodes'
import { log } from './log'
import { readinessChecks } from './readiness'
import { trackApp } from './metrics'
import { startRetention } from './retention'
import type { Retention } from './retention'
import { MemberBook, Meeting } from './meeting'
import { LinkConnections } from './moderatorLinks'
import { Rooms } from './rooms'
import { TrashDesk } from './trash'
import { openStore } from './store/open'
import type { BoardStore } from './store/BoardStore'
import { Cluster } from './cluster/cluster'
import { handleUpgrade, serve } from './upgrade'
import type { UpgradeContext } from './upgrade'

export interface App {
  readonly server: Server
  readonly store: BoardStore
  readonly rooms: Rooms
  /** The port actually listened on (useful with port 0). */
  readonly port: number
  /** Finishes writes, closes every socket with 1001 (going away) and the store. */
  close(): Promise<void>
}

/**
 * Starts the whole product: HTTP, websockets, rooms and storage (by default the store the
 * configuration names: SQLite, or PostgreSQL in cluster mode).
 */
export async function startApp(config: ServerConfig, given?: BoardStore): Promise<App> {
  const store = given ?? (await openStore(config))
  const rooms = new Rooms(store, config)
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayload })
  const links = new LinkConnections()
  const creations = new PerMinuteLimit(config.boardCreationsPerMinute, 'board.rateLimited')
  const http: HttpContext = { config, store, rooms, links, creations, connections: () => wss.clients.size, readiness: readinessChecks(config, store) }
  const untrack = trackApp({ connections: http.connections, boardsLoaded: () => rooms.boards })
  const server = createServer((req, res) => void handleHttp(http, req, res))
  // Several instances: this one owns some boards and relays sockets for the others' (server/cluster/).
  const cluster = config.cluster ? await Cluster.start(config.cluster, store, rooms, (join, actor, hs) => serve(upgrades, join, actor, hs), links) : null
  const meeting = new Meeting(rooms, store, config.maxBoardBytes)
  const trash = new TrashDesk({ store, trashHours: config.trashHours, maxBoardBytes: config.maxBoardBytes })
  const upgrades: UpgradeContext = {
    ...(cluster ? { cluster } : {}),
    config,
    store,
    rooms,
    wss,
    meeting,
    trash,
    members: new MemberBook(config.maxConnectionsPerBoard, 100, (board, joined) => meeting.joined(board, joined)),
    rate: new PerMinuteLimit(config.connectionsPerMinute, 'ws.rateLimited'),
    links,
  }
  server.on('upgrade', (req, socket, head) => handleUpgrade(upgrades, req, socket, head))
  // Expired boards go before the server serves anything, then once an hour.
  const retention = await sweepFirst(store, rooms, config, (id) => forgetEventBoard(http, id), trash)
  const port = await listen(server, config)
  log('server.listening', { port })
  let closing: Promise<void> | null = null
  const close = () => (closing ??= shutdown({ server, wss, http, upgrades, retention, cluster }).finally(untrack))
  return { server, store, rooms, port, close }
}

async function sweepFirst(store: BoardStore, rooms: Rooms, config: ServerConfig, forget: (boardId: string) => Promise<void>, trash: TrashDesk): Promise<Retention> {
  const retention = startRetention({
    store,
    ttlDays: config.boardTtlDays,
    expireTrash: () => trash.sweep(),
    inUse: (id) => rooms.isLoaded(id),
    evict: (id) => rooms.evictBoard(id, CLOSE.deleted, 'Board abgelaufen'),
    forget,
  })
  await retention.sweep().catch((e: unknown) => log('retention.failed', { error: String(e) }))
  return retention
}

/** Listens on the configured port and host; resolves with the port (the one chosen for port 0). */
async function listen(server: Server, config: ServerConfig): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  return (server.address() as AddressInfo).port
}

interface Running {
  readonly server: Server
  readonly wss: WebSocketServer
  readonly http: HttpContext
  readonly upgrades: UpgradeContext
  readonly retention: Retention
  readonly cluster: Cluster | null
}

/** Stops taking work, writes what is pending, says goodbye to every socket (1001), closes the store. */
async function shutdown({ server, wss, http, upgrades, retention, cluster }: Running): Promise<void> {
  const { store, rooms } = http
  retention.stop()
  server.close()
  upgrades.members.write()
  await store.flushed()
  cluster?.closeConnections(CLOSE.goingAway, 'Server wird neu gestartet')
  for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'Server wird neu gestartet')
  server.closeAllConnections()
  await rooms.closeAll()
  // Handed over: the leases go back once everything written is durable, and others take the boards.
  await cluster?.stop()
  await store.close()
  // The code file is opened by the first request that needs it; the context is the key it is kept under.
  await closeJoinCodes(http)
  await closeEvents(http)
  wss.close()
}
