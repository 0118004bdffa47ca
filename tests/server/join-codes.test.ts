import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configFromEnv } from '../../server/config'
import { PerMinuteLimit, addressKey } from '../../server/addressLimit'
import { formatCode, normaliseCode } from '../../server/joinCodes'
import { createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

let server: TestServer

beforeEach(async () => {
  server = await startTestServer()
})

afterEach(async () => {
  await server.stop()
})

interface IssuedCode {
  readonly code: string
  readonly expiresAt: string
  readonly participantUrl: string
}

const CODE_SHAPE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/

/** A request on a fresh connection (a kept-alive one would not survive a restart). */
function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.http}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const answer = new Headers()
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') answer.set(name, value)
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: answer }))
      })
    })
    req.on('error', reject)
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path} timed out`)))
    req.end()
  })
}

function postCode(boardId: string, token: string | null): Promise<Response> {
  return send('POST', `/api/boards/${boardId}/code`, token === null ? {} : { authorization: `Bearer ${token}` })
}

async function issue(board: CreatedBoard): Promise<IssuedCode> {
  const res = await postCode(board.boardId, board.moderatorToken)
  expect(res.status).toBe(200)
  return (await res.json()) as IssuedCode
}

function lookup(code: string): Promise<Response> {
  return send('GET', `/api/codes/${encodeURIComponent(code)}`)
}

/** Opens the code file as an operator would, e.g. to age a code. */
function codeFile(): Database.Database {
  return new Database(join(server.dataDir, 'join-codes.sqlite'))
}

describe('issuing a code', () => {
  it('needs the moderator token', async () => {
    const board = await createBoard(server)
    const other = await createBoard(server)
    expect((await postCode(board.boardId, null)).status).toBe(401)
    expect((await postCode(board.boardId, other.moderatorToken)).status).toBe(403)
    expect((await postCode('nicht-da', board.moderatorToken)).status).toBe(403)
    const get = await fetch(`${server.http}/api/boards/${board.boardId}/code`, { headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(get.status).toBe(405)
  })

  it('gives 8 unambiguous characters shown as ABCD-EFGH, valid 24 hours, with the participant link', async () => {
    const board = await createBoard(server)
    const before = Date.now()
    const issued = await issue(board)
    expect(issued.code).toMatch(CODE_SHAPE)
    const expires = Date.parse(issued.expiresAt)
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000)
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3600_000)
    expect(issued.participantUrl).toBe(board.participantUrl)
    expect(issued.participantUrl).not.toContain(board.moderatorToken)
  })

  it('returns the same live code on repeated calls, and different codes for different boards', async () => {
    const a = await createBoard(server)
    const b = await createBoard(server)
    const first = await issue(a)
    const second = await issue(a)
    expect(second.code).toBe(first.code)
    expect(second.expiresAt).toBe(first.expiresAt)
    expect((await issue(b)).code).not.toBe(first.code)
  })
})

describe('looking a code up', () => {
  it('accepts any case, with or without the dash or spaces', async () => {
    const board = await createBoard(server)
    const { code } = await issue(board)
    const plain = code.replace('-', '')
    for (const typed of [code, code.toLowerCase(), plain, plain.toLowerCase(), ` ${plain.slice(0, 4)} ${plain.slice(4)} `]) {
      const res = await lookup(typed)
      expect(res.status, typed).toBe(200)
      expect(await res.json()).toEqual({ boardId: board.boardId })
    }
  })

  it('answers 400 for malformed input and 404 for an unknown code, German first', async () => {
    for (const bad of ['ABC', 'ABCD-EFGHJ', 'ABCD-EFG0', 'OOOO-IIII', 'ABCD_EFGH']) {
      const res = await lookup(bad)
      expect(res.status, bad).toBe(400)
      const body = (await res.json()) as { error: string; errorEn: string; reason: string }
      expect(body.reason).toBe('malformed')
      expect(body.error).toMatch(/Code hat 8 Zeichen/)
      expect(body.errorEn).toMatch(/8 characters/)
    }
    const board = await createBoard(server)
    const { code } = await issue(board)
    // Another well-formed code: change one character within the alphabet.
    const other = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`
    const res = await lookup(other)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: 'Diesen Code gibt es nicht oder er ist abgelaufen.',
      errorEn: 'This code does not exist or has expired.',
      reason: 'unknown',
    })
  })

  it('survives a restart of the server', async () => {
    const board = await createBoard(server)
    const { code } = await issue(board)
    await server.restart()
    const res = await lookup(code)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ boardId: board.boardId })
    expect((await issue(board)).code).toBe(code)
  })

  it('treats an expired code as unknown, purges it and issues a fresh one', async () => {
    const board = await createBoard(server)
    const other = await createBoard(server)
    const { code } = await issue(board)
    await issue(other)
    const db = codeFile()
    db.prepare('UPDATE join_codes SET expires_at = ? WHERE board_id = ?').run(Date.now() - 1, board.boardId)
    db.close()

    expect((await lookup(code)).status).toBe(404)
    const fresh = await issue(board)
    expect(fresh.code).not.toBe(code)
    expect((await lookup(fresh.code)).status).toBe(200)

    const check = codeFile()
    const rows = check.prepare('SELECT code FROM join_codes ORDER BY code').all() as { code: string }[]
    check.close()
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.code)).not.toContain(code.replace('-', ''))
  })

  it('forgets the code of a deleted board', async () => {
    const board = await createBoard(server)
    const { code } = await issue(board)
    const del = await fetch(`${server.http}/api/boards/${board.boardId}`, { method: 'DELETE', headers: { authorization: `Bearer ${board.moderatorToken}` } })
    expect(del.status).toBe(204)
    expect((await lookup(code)).status).toBe(404)
  })

  it('limits lookups per address with 429 and Retry-After, malformed ones included', async () => {
    const board = await createBoard(server)
    const { code } = await issue(board)
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await lookup(i % 2 === 0 ? code : 'falsch')).status)
    expect(statuses.filter((s) => s === 429)).toEqual([])
    const limited = await lookup(code)
    expect(limited.status).toBe(429)
    const retry = Number(limited.headers.get('retry-after'))
    expect(retry).toBeGreaterThanOrEqual(1)
    expect(retry).toBeLessThanOrEqual(60)
    const body = (await limited.json()) as { error: string; reason: string }
    expect(body.reason).toBe('rateLimited')
    expect(body.error).toMatch(/Zu viele Versuche/)
    // Issuing is not a lookup and stays open to the moderator.
    expect((await postCode(board.boardId, board.moderatorToken)).status).toBe(200)
  })

  it('closes the code file when the server closes (SQLite removes the WAL file with the last connection)', async () => {
    await issue(await createBoard(server))
    const wal = join(server.dataDir, 'join-codes.sqlite-wal')
    expect(existsSync(wal)).toBe(true)
    await server.app.close()
    expect(existsSync(wal)).toBe(false)
  })

  it("counts lookups against the server's configured limit (codeLookupsPerMinute)", async () => {
    const proxied = await startTestServer({ codeLookupsPerMinute: 3 })
    try {
      const board = await createBoard(proxied)
      const issued = await fetch(`${proxied.http}/api/boards/${board.boardId}/code`, { method: 'POST', headers: { authorization: `Bearer ${board.moderatorToken}` } })
      const { code } = (await issued.json()) as IssuedCode
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${proxied.http}/api/codes/${code}`)).status)
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      await proxied.stop()
    }
  })
})

describe('the parts, with a clock of their own', () => {
  it('reads a code in any case, with a dash or spaces, and nothing with ambiguous characters', () => {
    expect(normaliseCode(' abcd-efgh ')).toBe('ABCDEFGH')
    expect(normaliseCode('AB CD EF GH')).toBe('ABCDEFGH')
    expect(normaliseCode('ABCD-EFG1')).toBeNull()
    expect(normaliseCode('ABCD-EFGI')).toBeNull()
    expect(normaliseCode('ABCD-EFGL')).toBeNull()
    expect(normaliseCode('ABCD-EFGO')).toBeNull()
    expect(normaliseCode('ABCD-EFG0')).toBeNull()
    expect(normaliseCode('ABCDEFG')).toBeNull()
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH')
  })

  it('counts IPv4 addresses singly and IPv6 addresses by their /64', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1')
    expect(addressKey('::ffff:10.0.0.7')).toBe('10.0.0.7')
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0db8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'))
  })

  it('takes the limit from CODE_LOOKUPS_PER_MINUTE (for servers behind a proxy), 30 by default, at least 1', () => {
    expect(configFromEnv({}).codeLookupsPerMinute).toBe(30)
    expect(configFromEnv({ CODE_LOOKUPS_PER_MINUTE: '' }).codeLookupsPerMinute).toBe(30)
    expect(configFromEnv({ CODE_LOOKUPS_PER_MINUTE: '600' }).codeLookupsPerMinute).toBe(600)
    expect(() => configFromEnv({ CODE_LOOKUPS_PER_MINUTE: 'viele' })).toThrow(/not a whole number/)
    expect(() => configFromEnv({ CODE_LOOKUPS_PER_MINUTE: '2.5' })).toThrow(/not a whole number/)
    expect(() => configFromEnv({ CODE_LOOKUPS_PER_MINUTE: '0' })).toThrow(/at least 1/)
  })

  it('limits per minute window and address, and says how long to wait', () => {
    let now = 1_000_000
    const limit = new PerMinuteLimit(2, 'test.rateLimited', () => now)
    expect(limit.take('2001:db8:1:2::1')).toBe(0)
    expect(limit.take('2001:db8:1:2::99')).toBe(0)
    now += 15_000
    expect(limit.take('2001:db8:1:2:abcd::1')).toBe(45)
    expect(limit.take('192.0.2.1')).toBe(0)
    now += 45_000
    expect(limit.take('2001:db8:1:2::1')).toBe(0)
  })
  // The code store's own lifetime rules are in the store contract (store-contract.test.ts).
})
