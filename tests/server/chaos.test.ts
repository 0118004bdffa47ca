import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addNote } from '../../model/notes'
import { notesOf } from '../../model/schema'
import { formatResult, runChaos } from '../helpers/chaos'
import { connectClient, waitFor } from '../helpers/clients'
import { OPEN_BOARD, createBoard, startTestServer } from '../helpers/server'
import { slowStore } from '../helpers/slowStore'

/**
 * The durability promise under crashes: the real server process is killed at random moments
 * while clients write; every acknowledged note must survive exactly once. A seed is printed so a
 * failure can be repeated (CHAOS_SEED=<seed>); `npm run chaos` runs 500 kills.
 */
const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))

describe('crash harness', () => {
  it('SIGKILL at 20 random moments loses no acknowledged note and duplicates none', async () => {
    const result = await runChaos({
      kills: 20,
      seed,
      clients: 3,
      upMs: [150, 1200],
      writeMs: [20, 80],
      env: { COMPACT_AFTER: '100' },
      log: (line) => console.log(line),
    })
    console.log(formatResult(result))
    expect(result.examples).toEqual([])
    expect(result.kills).toBe(20)
    expect(result.acknowledged).toBeGreaterThan(100)
    expect(result.lost).toBe(0)
    expect(result.duplicated).toBe(0)
    expect(result.falseSaved).toBe(0)
    expect(result.rejects).toBe(0)
    expect(result.uncleanExits).toBe(0)
    expect(result.undelivered).toBe(0)
  }, 90_000)

  it('SIGTERM during heavy editing: 1001 to every client, they come back by themselves, everything is there once', async () => {
    const kills = 3
    const result = await runChaos({
      kills,
      seed: seed + 1,
      clients: 3,
      signal: 'SIGTERM',
      upFrom: 'connected',
      upMs: [150, 400],
      writeMs: [1, 3],
      burst: 2,
      maxPerWriter: 600,
      writeOffline: false,
      log: (line) => console.log(line),
    })
    console.log(formatResult(result))
    expect(result.examples).toEqual([])
    expect(result.acknowledged).toBeGreaterThan(300)
    expect(result.lost).toBe(0)
    expect(result.duplicated).toBe(0)
    expect(result.falseSaved).toBe(0)
    expect(result.rejects).toBe(0)
    expect(result.uncleanExits).toBe(0)
    // Graceful: every client was told "going away", none saw a broken connection.
    expect(result.dropCodes).toEqual({ 1001: kills * 3 })
    // After each restart but the last (where the harness holds them back) all three returned.
    expect(result.spreads).toHaveLength(kills - 1)
    // Everything written, acknowledged or not, arrives once the clients are back.
    expect(result.undelivered).toBe(0)
  }, 60_000)
})

describe('what the harness found', () => {
  it('sends another client a note only once it is committed (by broadcast or in the answer to a join)', async () => {
    // Commits held back by 200 ms. Before, a note went out on receipt: a crash before its commit
    // left it with the others, who sent it back as their own and were refused (4422).
    const server = await startTestServer({}, slowStore(200))
    const board = await createBoard(server, OPEN_BOARD)
    const reader = new Database(join(server.dataDir, 'ballonfahrt.sqlite'), { readonly: true })
    const stored = () => (reader.prepare('SELECT count(*) AS n FROM updates WHERE board = ?').get(board.boardId) as { n: number }).n
    const [writer, other] = [connectClient(server.ws, board.boardId), connectClient(server.ws, board.boardId)]
    try {
      await Promise.all([writer.synced(), other.synced()])
      await Promise.all([writer.settled(), other.settled()])
      const before = stored()
      const seenWith: number[] = []
      other.doc.on('update', () => seenWith.push(stored() - before))
      addNote(writer.doc, { zone: 'steigen', text: 'Erst gespeichert, dann verteilt', author: writer.actor.participantId })
      // Someone joins while the note is applied but not yet committed.
      const late = connectClient(server.ws, board.boardId)
      let lateSawItAt = -1
      late.doc.on('update', () => {
        if (lateSawItAt < 0 && notesOf(late.doc).size > 0) lateSawItAt = stored() - before
      })
      try {
        await waitFor(() => notesOf(other.doc).size === 1 && notesOf(late.doc).size === 1, 5000, 'the note everywhere')
        expect(seenWith[0]).toBeGreaterThanOrEqual(1)
        expect(lateSawItAt).toBeGreaterThanOrEqual(1)
      } finally {
        late.destroy()
      }
    } finally {
      writer.destroy()
      other.destroy()
      reader.close()
      await server.stop()
    }
  })
})
