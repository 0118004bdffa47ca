import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EMPTY_OPERATOR_DETAILS } from '../../protocol/operator'
import { startApp } from '../../server/app'
import type { App } from '../../server/app'
import type { ServerConfig } from '../../server/config'
import { setQuiet } from '../../server/log'
import type { BoardStore } from '../../server/store/BoardStore'

export interface TestServer {
  app: App
  readonly dataDir: string
  readonly http: string
  readonly ws: string
  /** Stops the server (as SIGTERM would) and starts a new one on the same data. */
  restart(): Promise<void>
  /** Stops the server, keeping its data: nothing answers on its port until `resume`. */
  halt(): Promise<void>
  /** Starts a new server on the same data and port after `halt`. */
  resume(): Promise<void>
  stop(): Promise<void>
}

export function testConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: resolve('dist/client'),
    maxPayload: 1024 * 1024,
    publicUrl: undefined,
    allowedOrigins: null,
    idleUnloadMs: 30_000,
    compactAfter: 500,
    flow: { messagesPerSecond: 200, bytesPerSecond: 2 * 1024 * 1024, maxBufferedBytes: 4 * 1024 * 1024, pingIntervalMs: 30_000 },
    maxConnectionsPerBoard: 1000,
    maxBoardBytes: 16 * 1024 * 1024,
    maxPrivateBytes: 1024 * 1024,
    connectionsPerMinute: 10_000,
    boardCreationsPerMinute: 10_000,
    maxDataBytes: 0,
    allowedHosts: [],
    boardTtlDays: 30,
    trashHours: 24,
    codeLookupsPerMinute: 30,
    cluster: null,
    logLevel: 'info',
    metricsToken: undefined,
    operator: EMPTY_OPERATOR_DETAILS,
    ...overrides,
  }
}

/** A real server on a free loopback port with its own temporary data directory. */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  /** The store to run on (a new one for each start); by default SQLite in the data directory. */
  makeStore?: (dataDir: string) => BoardStore | Promise<BoardStore>,
): Promise<TestServer> {
  setQuiet(true)
  const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-test-'))
  let app = await startApp(testConfig(dataDir, overrides), await makeStore?.(dataDir))
  let port = app.port
  const server: TestServer = {
    get app() {
      return app
    },
    set app(value) {
      app = value
    },
    dataDir,
    get http() {
      return `http://127.0.0.1:${app.port}`
    },
    get ws() {
      return `ws://127.0.0.1:${app.port}/ws`
    },
    async restart() {
      await server.halt()
      await server.resume()
    },
    async halt() {
      port = app.port
      await app.close()
    },
    async resume() {
      app = await startApp(testConfig(dataDir, { ...overrides, port }), await makeStore?.(dataDir))
    },
    async stop() {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return server
}

export interface CreatedBoard {
  readonly boardId: string
  readonly participantUrl: string
  readonly moderatorUrl: string
  readonly moderatorToken: string
}

/** A board whose collecting phase is open (notes go straight onto the board). */
export const OPEN_BOARD = { title: 'Testboard', settings: { privateWriting: false } }

export async function createBoard(server: TestServer, body: object = { title: 'Testboard' }): Promise<CreatedBoard> {
  const res = await fetch(`${server.http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status}`)
  return (await res.json()) as CreatedBoard
}
