import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The sweep itself (expired boards go with their private docs, boards in use stay) is part of
// the store contract (store-contract.test.ts), for every store.
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
