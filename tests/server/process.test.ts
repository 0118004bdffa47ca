import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addNote } from '../../model/notes'
import { toBoardView } from '../../model/view'
import { connectClient, waitFor } from '../helpers/clients'
import type { TestClient } from '../helpers/clients'
import { startServerProcess } from '../helpers/serverProcess'

const dirs: string[] = []
const clients: TestClient[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('the server process', () => {
  it('on SIGTERM finishes writes, closes sockets with 1001, and a restart has every acknowledged note; logs hold no secrets or note text', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ballonfahrt-proc-'))
    dirs.push(dataDir)
    let server = await startServerProcess(dataDir)
    const res = await fetch(`http://127.0.0.1:${server.port}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Prozess","settings":{"privateWriting":false}}' })
    const board = (await res.json()) as { boardId: string; moderatorToken: string }
    const secret = 'geheimerTeilnehmerSchluessel0'
    const a = connectClient(`ws://127.0.0.1:${server.port}/ws`, board.boardId, { secret, moderatorToken: board.moderatorToken })
    clients.push(a)
    await a.synced()
    for (let i = 0; i < 50; i++) addNote(a.doc, { zone: 'steigen', text: `Vertraulich ${i}`, author: a.actor.participantId })
    await a.settled()
    a.provider.shouldConnect = false
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))
    server.child.kill('SIGTERM')
    await waitFor(() => a.closes.length > 0, 5000, 'close')
    expect(a.closes[0]).toBe(1001)
    expect(await exited).toBe(0)
    const log = server.output()
    a.destroy()

    server = await startServerProcess(dataDir)
    const b = connectClient(`ws://127.0.0.1:${server.port}/ws`, board.boardId)
    clients.push(b)
    await b.synced()
    expect(toBoardView(b.doc).noteCount).toBe(50)
    const log2 = server.output()
    server.child.kill('SIGINT')
    await new Promise((r) => server.child.once('exit', r))

    for (const text of [log, log2]) {
      expect(text).not.toContain(board.moderatorToken)
      expect(text).not.toContain(board.boardId)
      expect(text).not.toContain(secret)
      expect(text).not.toContain('Vertraulich')
    }
  })
})
