import type { ChildProcess } from 'node:child_process'
import * as crypto from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newSecretId } from '../../model/ids'
import { addNote } from '../../model/notes'
import { metaOf } from '../../model/schema'
import { hashToken, isModeratorToken } from '../../server/auth'
import { configFromEnv } from '../../server/config'
import { joinSocket } from '../helpers/abuse'
import type { RawSocket } from '../helpers/abuse'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import { startServerProcess } from '../helpers/serverProcess'
import type { TestServer } from '../helpers/server'

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})

let server: TestServer | null = null
const clients: TestClient[] = []
const raws: RawSocket[] = []
const dirs: string[] = []
let child: ChildProcess | null = null

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const r of raws.splice(0)) r.ws.terminate()
  await server?.stop()
  server = null
  child?.kill('SIGKILL')
  child = null
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('moderator token', () => {
  it('is compared in constant time (timingSafeEqual on equal-length digests), whatever the length presented', () => {
    const spy = vi.mocked(crypto.timingSafeEqual)
    const token = newSecretId()
    const record = { id: 'b', moderatorHash: hashToken(token), createdAt: 0, activeAt: 0 }
    spy.mockClear()
    expect(isModeratorToken(record, 'x')).toBe(false)
    expect(isModeratorToken(record, 'x'.repeat(10_000))).toBe(false)
    expect(isModeratorToken(record, `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`)).toBe(false)
    expect(isModeratorToken(record, token)).toBe(true)
    expect(spy).toHaveBeenCalledTimes(4)
    for (const [a, b] of spy.mock.calls) {
      expect((a as Uint8Array).length).toBe(32)
      expect((b as Uint8Array).length).toBe(32)
    }
    // A damaged stored hash is refused without throwing.
    expect(isModeratorToken({ ...record, moderatorHash: new Uint8Array(16) }, token)).toBe(false)
  })
})

describe('origins', () => {
  it('with ALLOWED_ORIGINS only those browsers may open a websocket (403 for others, also the same host); clients without Origin may', async () => {
    expect(configFromEnv({ ALLOWED_ORIGINS: 'https://retro.example.de, https://b.example' }).allowedOrigins).toEqual([
      'https://retro.example.de',
      'https://b.example',
    ])
    server = await startTestServer({ allowedOrigins: ['https://retro.example.de'] })
    const board = await createBoard(server, OPEN_BOARD)
    const open = (origin?: string) => {
      const r = joinSocket(`ws://127.0.0.1:${server!.app.port}/ws/${board.boardId}`, {}, origin ? { origin } : {})
      raws.push(r)
      return Promise.race([r.opened.then(() => 'open'), r.refused.then((s) => String(s))])
    }
    expect(await open('https://retro.example.de')).toBe('open')
    expect(await open('https://evil.example')).toBe('403')
    expect(await open(`http://127.0.0.1:${server.app.port}`)).toBe('403')
    expect(await open('null')).toBe('403')
    expect(await open()).toBe('open')
  })
})

describe('logs of a whole session', () => {
  it('hold no board id, token, participant secret, note text or full client address', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-logs-'))
    dirs.push(dataDir)
    const running = await startServerProcess(dataDir, { CONNECTIONS_PER_MINUTE: '25' })
    child = running.child
    const { port } = running
    const base = `http://127.0.0.1:${port}`
    const ws = `ws://127.0.0.1:${port}/ws`

    const res = await fetch(`${base}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...OPEN_BOARD, title: 'Geheimtitel' }) })
    const board = (await res.json()) as { boardId: string; moderatorToken: string }
    const modSecret = newSecretId()
    const partSecret = newSecretId()
    const moderator = connectClient(ws, board.boardId, { secret: modSecret, moderatorToken: board.moderatorToken })
    const participant = connectClient(ws, board.boardId, { secret: partSecret })
    clients.push(moderator, participant)
    await Promise.all([moderator.synced(), participant.synced()])
    addNote(participant.doc, { zone: 'steigen', text: 'Vertraulicher Inhalt', author: participant.actor.participantId })
    await participant.settled()

    // A wrong moderator token, an unknown board, garbage, and a participant acting as moderator.
    const wrong = newSecretId()
    const bad = joinSocket(`${ws}/${board.boardId}`, { moderatorToken: wrong })
    const unknown = newSecretId()
    const nowhere = joinSocket(`${ws}/${unknown}`, {})
    raws.push(bad, nowhere)
    expect((await bad.closed).code).toBe(4403)
    expect((await nowhere.closed).code).toBe(4404)
    const garbage = joinSocket(`${ws}/${board.boardId}`, {})
    raws.push(garbage)
    await garbage.opened
    garbage.ws.send(new Uint8Array([0, 2, 0xff]))
    expect((await garbage.closed).code).toBe(1003)
    metaOf(participant.doc).set('title', 'Übernommen')
    await waitFor(() => participant.closes.includes(4422), 3000, 'rejected')

    // Too many upgrades from this address: refused and logged once, shortened.
    const flood = Array.from({ length: 25 }, () => joinSocket(`${ws}/${board.boardId}`, {}))
    raws.push(...flood)
    await Promise.all(flood.map((f) => Promise.race([f.closed, f.refused, f.opened])))
    await waitFor(() => running.output().includes('ws.rateLimited'), 3000, 'rate limit logged')

    const deleted = await fetch(`${base}/api/boards/${board.boardId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.moderatorToken}` },
    })
    expect(deleted.status).toBe(204)
    await waitFor(() => running.output().includes('board.deleted'), 3000, 'deletion logged')
    const exited = new Promise((r) => child!.once('exit', r))
    child.kill('SIGTERM')
    await exited
    child = null

    const out = running.output()
    for (const event of ['board.created', 'update.rejected', 'socket.malformed', 'ws.rateLimited', 'board.deleted'])
      expect(out, event).toContain(event)
    for (const secret of [board.boardId, board.moderatorToken, modSecret, partSecret, wrong, unknown, 'Vertraulicher Inhalt', 'Geheimtitel', 'Übernommen', '127.0.0.1'])
      expect(out, 'log leaks a secret').not.toContain(secret)
    expect(out).toContain('127.0.0.0/24')
  })
})
