import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BoardStore } from '../../server/store/BoardStore'
import type { EventStore } from '../../server/store/EventStore'
import type { JoinCodeStore } from '../../server/store/JoinCodeStore'
import { PostgresBoardStore } from '../../server/store/postgres'
import { SqliteJoinCodeStore } from '../../server/store/sqliteCodes'
import { SqliteBoardStore } from '../../server/store/sqlite'
import { SqliteEventStore } from '../../server/store/sqliteEvents'
import { startPostgres } from './services'
import type { PgServer } from './services'

/** One place to keep boards, as a test sees it: a store, its codes, and a way to open it again. */
export interface StoreUnderTest {
  readonly store: BoardStore
  /** The board codes that go with the store, on a test clock. */
  codes(now: () => number): JoinCodeStore
  /** The events that go with the store (SQLite: a file of its own beside the boards). */
  events(): EventStore
  /** A second store on the same data (as after a restart; also a second instance for Postgres). */
  reopen(): Promise<BoardStore>
  /** Closes what it opened and removes its data. */
  cleanup(): Promise<void>
}

export interface StoreKind {
  readonly name: string
  /** Once per test file (Postgres: starts a throwaway server). */
  setup(): Promise<void>
  teardown(): Promise<void>
  /** Fresh, empty storage for one test. */
  fresh(): Promise<StoreUnderTest>
}

export function sqliteKind(): StoreKind {
  return {
    name: 'SQLite',
    async setup() {},
    async teardown() {},
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-store-'))
      const opened: BoardStore[] = []
      const closers: (() => Promise<void>)[] = []
      const open = () => {
        const store = new SqliteBoardStore(dir)
        opened.push(store)
        return store
      }
      const store = open()
      return {
        store,
        codes: (now) => new SqliteJoinCodeStore(dir, now),
        events: () => {
          const events = new SqliteEventStore(dir)
          closers.push(() => events.close())
          return events
        },
        reopen: async () => open(),
        async cleanup() {
          for (const s of opened) await s.close().catch(() => {})
          for (const close of closers) await close().catch(() => {})
          rmSync(dir, { recursive: true, force: true })
        },
      }
    },
  }
}

/** PostgreSQL: one throwaway server per test file, one new database per test. */
export function postgresKind(): StoreKind & { readonly server: () => PgServer } {
  let server: PgServer | null = null
  let databases = 0
  return {
    name: 'PostgreSQL',
    server: () => server!,
    async setup() {
      server = await startPostgres()
    },
    async teardown() {
      await server?.destroy()
    },
    async fresh() {
      const url = await server!.createDatabase(`store_${++databases}`)
      const opened: PostgresBoardStore[] = []
      const open = async () => {
        const store = await PostgresBoardStore.open(url, { connectTimeoutMs: 2000 })
        opened.push(store)
        return store
      }
      const store = await open()
      return {
        store,
        codes: (now) => store.joinCodes.withClock(now),
        events: () => store.events,
        reopen: open,
        async cleanup() {
          for (const s of opened) await s.close().catch(() => {})
        },
      }
    },
  }
}
