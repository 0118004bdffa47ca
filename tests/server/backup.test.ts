import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RECONNECT } from '../../client/sync/backoff'
import { startApp } from '../../server/app'
import { ChaosWriter, prng, readStored, tally } from '../helpers/chaos'
import { waitFor } from '../helpers/clients'
import { npmScript } from '../helpers/npmScript'
import { createBoard, OPEN_BOARD, startTestServer, testConfig } from '../helpers/server'

const scratch = mkdtempSync(join(tmpdir(), 'ballonfahrt-backup-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

describe('npm run backup while clients write, npm run restore into a fresh data directory', () => {
  it('keeps every note acknowledged before the backup started, and the board codes', async () => {
    const server = await startTestServer()
    const writers: ChaosWriter[] = []
    try {
      const board = await createBoard(server, OPEN_BOARD)
      const issued = await fetch(`${server.http}/api/boards/${board.boardId}/code`, {
        method: 'POST',
        headers: { authorization: `Bearer ${board.moderatorToken}` },
      })
      const { code } = (await issued.json()) as { code: string }
      for (let i = 0; i < 3; i++) {
        const writer = new ChaosWriter(server.ws, board.boardId, `w${i}`, prng(100 + i), { jitter: false, profile: RECONNECT, gate: true })
        writers.push(writer)
        writer.startWriting([5, 20], 2)
      }
      // Writing for a while, so that the backup meets a WAL full of fresh commits.
      await waitFor(() => writers.every((w) => w.acknowledged.size >= 30), 15_000, '30 acknowledged notes per writer')
      const before = writers.flatMap((w) => [...w.acknowledged])

      const target = join(scratch, 'backup-1')
      const backup = await npmScript('backup', [target], { DATA_DIR: server.dataDir })
      expect(backup.code, backup.stderr).toBe(0)
      expect(backup.stdout).toMatch(/ballonfahrt\.sqlite: \d+ bytes, integrity ok/)
      expect(backup.stdout).toMatch(/join-codes\.sqlite: \d+ bytes, integrity ok/)
      // The clients went on writing during the backup and were acknowledged meanwhile.
      const during = writers.reduce((n, w) => n + w.acknowledged.size, 0)
      await sleep(200)
      for (const w of writers) w.stopWriting()
      expect(writers.reduce((n, w) => n + w.acknowledged.size, 0)).toBeGreaterThan(before.length)
      expect(during).toBeGreaterThanOrEqual(before.length)
      expect(writers.flatMap((w) => w.rejects)).toEqual([])
      expect(JSON.parse(readFileSync(join(target, 'backup.json'), 'utf8')).boards).toBe(1)

      const fresh = join(scratch, 'fresh-data')
      const restore = await npmScript('restore', [target], { DATA_DIR: fresh })
      expect(restore.code, restore.stderr).toBe(0)
      expect(restore.stdout).toContain('1 boards')

      const stored = await readStored(fresh, [board.boardId])
      const { lost, duplicated } = tally(before, stored.get(board.boardId)!)
      expect(lost, `acknowledged before the backup but missing after the restore (of ${before.length})`).toEqual([])
      expect(duplicated).toEqual([])

      // The restored directory serves the board and its code.
      const restored = await startApp(testConfig(fresh))
      try {
        const res = await fetch(`http://127.0.0.1:${restored.port}/api/codes/${code}`)
        expect(res.status).toBe(200)
        expect(((await res.json()) as { boardId: string }).boardId).toBe(board.boardId)
      } finally {
        await restored.close()
      }
    } finally {
      for (const w of writers) w.destroy()
      await server.stop()
    }
  }, 60_000)
})

describe('what backup and restore refuse', () => {
  it('restore refuses a data directory a running server uses, says what to do and changes nothing', async () => {
    const server = await startTestServer()
    try {
      await createBoard(server)
      const target = join(scratch, 'backup-2')
      expect((await npmScript('backup', [target], { DATA_DIR: server.dataDir })).code).toBe(0)
      const files = readdirSync(server.dataDir).sort()
      const refused = await npmScript('restore', [target], { DATA_DIR: server.dataDir })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('is in use by a running Ballonfahrt server')
      expect(refused.stderr).toContain('Stop it first')
      expect(readdirSync(server.dataDir).sort()).toEqual(files)
      // The server goes on as before.
      expect((await fetch(`${server.http}/healthz`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  }, 30_000)

  it('backup never writes over an earlier backup; restore keeps what the directory held', async () => {
    const server = await startTestServer()
    try {
      const board = await createBoard(server)
      const target = join(scratch, 'backup-3')
      expect((await npmScript('backup', [target], { DATA_DIR: server.dataDir })).code).toBe(0)
      const again = await npmScript('backup', [target], { DATA_DIR: server.dataDir })
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('already holds a backup')

      // A stopped server's directory with other data in it: moved aside, not deleted.
      const other = join(scratch, 'other-data')
      const otherServer = await startApp(testConfig(other))
      await fetch(`http://127.0.0.1:${otherServer.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      await otherServer.close()
      const restore = await npmScript('restore', [target], { DATA_DIR: other })
      expect(restore.code, restore.stderr).toBe(0)
      const aside = readdirSync(other).find((f) => f.startsWith('before-restore-'))
      expect(aside, restore.stdout).toBeDefined()
      expect(existsSync(join(other, aside!, 'ballonfahrt.sqlite'))).toBe(true)
      expect((await readStored(other, [board.boardId])).has(board.boardId)).toBe(true)

      const usage = await npmScript('backup', [], { DATA_DIR: server.dataDir })
      expect(usage.code).toBe(2)
      expect(usage.stderr).toContain('Usage: npm run backup -- <folder>')
      const notABackup = join(scratch, 'not-a-backup')
      writeFileSync(join(scratch, 'x.txt'), '')
      const wrong = await npmScript('restore', [notABackup], { DATA_DIR: join(scratch, 'unused') })
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain('is not a backup folder')
    } finally {
      await server.stop()
    }
  }, 30_000)
})
