import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isReasonCode } from '../../protocol/reasons'
import { MAX_LABEL_LENGTH, MAX_LINKS_PER_BOARD } from '../../server/moderatorLinks'
import { setQuiet } from '../../server/log'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import type { CreatedBoard, TestServer } from '../helpers/server'

/**
 * The co-moderator API refuses with a reason code (protocol/reasons.ts) that the interface shows in
 * its own language, next to the German message for logs; tried against the real server.
 */
let server: TestServer
let board: CreatedBoard

beforeEach(async () => {
  setQuiet(true)
  server = await startTestServer()
  board = await createBoard(server, OPEN_BOARD)
})

afterEach(async () => {
  await server.stop()
})

async function post(token: string | null, body: unknown, path = ''): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token !== null) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${server.http}/api/boards/${board.boardId}/moderators${path}`, { method: path ? 'DELETE' : 'POST', headers, ...(path ? {} : { body: JSON.stringify(body) }) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('reason codes of the co-moderator API', () => {
  it('names each refusal by a code, with the limit where the message names one', async () => {
    const cases: [string | null, unknown, string, number, string, number | undefined][] = [
      [null, { label: 'x' }, '', 401, 'tokenMissing', undefined],
      ['wrong-token', { label: 'x' }, '', 403, 'noAccess', undefined],
      [board.moderatorToken, { label: '   ' }, '', 400, 'labelMissing', undefined],
      [board.moderatorToken, { label: 42 }, '', 400, 'labelMissing', undefined],
      [board.moderatorToken, { label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }, '', 400, 'labelTooLong', MAX_LABEL_LENGTH],
      [board.moderatorToken, { label: 'a\u202eb' }, '', 400, 'labelInvalid', undefined],
      [board.moderatorToken, null, '/no-such-link', 404, 'linkUnknown', undefined],
    ]
    for (const [token, body, path, status, code, max] of cases) {
      const answer = await post(token, body, path)
      expect(answer.status, code).toBe(status)
      expect(answer.body.code, code).toBe(code)
      expect(isReasonCode(answer.body.code)).toBe(true)
      expect(typeof answer.body.error).toBe('string')
      expect(answer.body.max).toBe(max)
    }
  })

  it('says "tooManyLinks" with the limit once a board has the most links, and "ownerOnly" to a co-moderator', async () => {
    let coToken = ''
    for (let i = 0; i < MAX_LINKS_PER_BOARD; i++) {
      const created = await post(board.moderatorToken, { label: `Person ${i}` })
      expect(created.status).toBe(201)
      coToken = String(created.body.moderatorToken)
    }
    expect(await post(board.moderatorToken, { label: 'eine zu viel' })).toMatchObject({ status: 409, body: { code: 'tooManyLinks', max: MAX_LINKS_PER_BOARD } })
    expect(await post(coToken, { label: 'vom Co-Moderator' })).toMatchObject({ status: 403, body: { code: 'ownerOnly' } })
  })
})
