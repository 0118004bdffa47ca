import { afterEach, describe, expect, it } from 'vitest'
import { FACHTAG, postEvent } from '../helpers/events'
import { OPEN_BOARD, startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * BOARD_CREATIONS_PER_MINUTE and events: an event counts once against the per-address limit,
 * though it creates a board per forum round (docs/security.md), and beyond the limit an event is
 * refused like a board, creating nothing.
 */
let server: TestServer | null = null

afterEach(async () => {
  await server?.stop()
  server = null
})

const boardsStored = async () => (await server!.app.store.listExpired(Date.now() + 1)).length
const postBoard = () => fetch(`${server!.http}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPEN_BOARD) })

describe('an event against BOARD_CREATIONS_PER_MINUTE', () => {
  it('counts once: with a limit of 3, three events of 8 boards each are created, the fourth gets 429 and nothing', async () => {
    server = await startTestServer({ boardCreationsPerMinute: 3 })
    for (let i = 0; i < 3; i++) expect((await postEvent(server, FACHTAG)).status).toBe(201)
    expect(await boardsStored()).toBe(24)
    const refused = await postEvent(server, FACHTAG)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(((await refused.json()) as { error: string }).error).toMatch(/Zu viele/)
    expect(await boardsStored()).toBe(24)
  })

  it('shares the count with boards: a board and an event use up a limit of 2, the next board and event are refused', async () => {
    server = await startTestServer({ boardCreationsPerMinute: 2 })
    expect((await postBoard()).status).toBe(201)
    expect((await postEvent(server, FACHTAG)).status).toBe(201)
    expect(await boardsStored()).toBe(9)
    expect((await postBoard()).status).toBe(429)
    expect((await postEvent(server, FACHTAG)).status).toBe(429)
    expect(await boardsStored()).toBe(9)
  })
})
