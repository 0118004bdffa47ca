import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setQuiet } from '../../server/log'
import { startRetention } from '../../server/retention'
import { SqliteBoardStore } from '../../server/store/sqlite'

const DAY = 24 * 60 * 60 * 1000
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function rows(dir: string, id: string): number {
  const db = new Database(join(dir, 'ballonfahrt.sqlite'), { readonly: true })
  const count = (sql: string) => (db.prepare(sql).get(id, `${id}/%`) as { n: number }).n
  const n =
    count('SELECT count(*) AS n FROM boards WHERE id = ? OR id LIKE ?') +
    count('SELECT count(*) AS n FROM updates WHERE board = ? OR board LIKE ?') +
    count('SELECT count(*) AS n FROM snapshots WHERE board = ? OR board LIKE ?')
  db.close()
  return n
}

describe('retention', () => {
  it('purges boards without activity for BOARD_TTL_DAYS, with their private docs, and keeps the rest', async () => {
    setQuiet(true)
    const dir = mkdtempSync(join(tmpdir(), 'ballonfahrt-retention-'))
    dirs.push(dir)
    const store = new SqliteBoardStore(dir)
    const t0 = Date.UTC(2025, 0, 1)
    const board = (id: string, activeAt: number) =>
      store.createBoard({ id, moderatorHash: new Uint8Array(32), createdAt: activeAt, activeAt }, new Uint8Array([0, 0]))
    await board('alt-und-vergessen-000001', t0)
    await board('noch-in-benutzung-00001', t0)
    await board('frisch-und-aktiv-000001', t0 + 29 * DAY)
    await store.append('alt-und-vergessen-000001/p/someone', new Uint8Array([1, 2, 3]))
    const evicted: string[] = []
    const retention = startRetention({
      store,
      ttlDays: 30,
      now: () => t0 + 31 * DAY,
      inUse: (id) => id === 'noch-in-benutzung-00001',
      evict: async (id) => void evicted.push(id),
    })
    expect(rows(dir, 'alt-und-vergessen-000001')).toBe(3)
    expect(await retention.sweep()).toEqual(['alt-und-vergessen-000001'])
    retention.stop()
    expect(evicted).toEqual(['alt-und-vergessen-000001'])
    expect(rows(dir, 'alt-und-vergessen-000001')).toBe(0)
    expect(rows(dir, 'noch-in-benutzung-00001')).toBeGreaterThan(0)
    expect(rows(dir, 'frisch-und-aktiv-000001')).toBeGreaterThan(0)
    await store.close()
  })
})

describe('the server', () => {
  it('sweeps expired boards when it starts', async () => {
    const { createBoard, startTestServer } = await import('../helpers/server')
    const server = await startTestServer()
    const board = await createBoard(server)
    await server.app.close()
    // Restarted with a retention of 0 days: the board had no activity since "now" and goes.
    const { startApp } = await import('../../server/app')
    const { testConfig } = await import('../helpers/server')
    const again = await startApp(testConfig(server.dataDir, { boardTtlDays: 0 }))
    try {
      const deadline = Date.now() + 3000
      let status = 200
      while (status !== 404 && Date.now() < deadline) {
        status = (await fetch(`http://127.0.0.1:${again.port}/api/boards/${board.boardId}`)).status
        if (status !== 404) await new Promise((r) => setTimeout(r, 50))
      }
      expect(status).toBe(404)
    } finally {
      await again.close()
      rmSync(server.dataDir, { recursive: true, force: true })
    }
  })
})
