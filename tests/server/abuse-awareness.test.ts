import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { participantIdOf } from '../../model/identity'
import { newSecretId } from '../../model/ids'
import { LIMITS } from '../../model/limits'
import { addNote } from '../../model/notes'
import { MESSAGE } from '../../protocol/messages'
import { BoardSocket } from '../../server/socket'
import { fullGc, mb, settleMemory } from '../helpers/abuse'
import { waitFor } from '../helpers/clients'
import { OPEN_BOARD, createBoard } from '../helpers/server'
import { useServerKit } from '../helpers/serverKit'

const kit = useServerKit()

/** An awareness message written byte by byte: [client id, clock, JSON] per entry. */
function presenceMessage(entries: ReadonlyArray<readonly [number, number, string]>): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(inner, id)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, json)
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE.awareness)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** Times the server's handling of each incoming message (in this process). */
function timeMessages(): { slowest: () => number; restore: () => void } {
  const proto = BoardSocket.prototype as unknown as { receive: (data: Buffer, isBinary: boolean) => void }
  const receive = proto.receive
  let slowest = 0
  proto.receive = function (this: BoardSocket, data: Buffer, isBinary: boolean) {
    const start = performance.now()
    receive.call(this, data, isBinary)
    slowest = Math.max(slowest, performance.now() - start)
  }
  return { slowest: () => slowest, restore: () => (proto.receive = receive) }
}

type Seen = { user?: { name?: string }; pid?: string; role?: string; pointer?: unknown; extra?: unknown }

describe('presence abuse', () => {
  it('a message with states for 200,000 client ids applies only the own one, stamped; the server stays responsive and keeps nothing', async () => {
    const server = await kit.start({ maxPayload: 2 * 1024 * 1024 })
    const board = await createBoard(server, OPEN_BOARD)
    const watcher = kit.connect(board.boardId)
    const writer = kit.connect(board.boardId)
    watcher.provider.awareness.setLocalStateField('user', { name: 'Echte Person' })
    await Promise.all([watcher.synced(), writer.synced()])
    await waitFor(() => writer.provider.awareness.getStates().has(watcher.doc.clientID), 3000, 'watcher presence')
    const gc = fullGc()
    const timing = timeMessages()
    try {
      // Warm up the path once with a small abusive socket, then measure from a collected heap.
      const warm = kit.join(board.boardId)
      await warm.opened
      warm.ws.send(presenceMessage([[7, 1, '{"user":{"name":"warm"}}']]))
      await waitFor(() => watcher.provider.awareness.getStates().has(7), 3000, 'warm presence')
      warm.ws.close()
      await waitFor(() => !watcher.provider.awareness.getStates().has(7), 3000, 'warm presence gone')
      const before = await settleMemory(gc)

      const secret = newSecretId()
      const s = kit.join(board.boardId, { secret })
      await s.opened
      const own = 1_000_001
      const claims = JSON.stringify({
        user: { name: `  Mal\u200Blory\u202E ${'u\u0308'.repeat(5000)}` },
        pid: watcher.actor.participantId,
        role: 'moderator',
        pointer: { x: 0.25, y: 0.75, z: 'x'.repeat(1000) },
        extra: 'y'.repeat(1000),
      })
      // First message: the watcher's id (owned by the watcher), then the first unowned id (ours),
      // then 199,998 more. Second message: the same 200,000 ids with our own id last.
      const others = Array.from({ length: 199_998 }, (_, i) => [2_000_000 + i, 1, ''] as const)
      let first: Uint8Array | null = presenceMessage([[watcher.doc.clientID, 99, '{"user":{"name":"Gefälscht"}}'], [own, 1, claims], ...others])
      let second: Uint8Array | null = presenceMessage([[watcher.doc.clientID, 100, '{"user":{"name":"Gefälscht"}}'], ...others, [own, 2, claims]])
      console.log(`presence messages: ${mb(first.byteLength)} and ${mb(second.byteLength)}, 200,000 entries each`)
      let sentAt = performance.now()
      s.ws.send(first)
      await waitFor(() => (watcher.provider.awareness.getStates().get(own) as Seen | undefined)?.role !== undefined, 5000, 'own presence')
      const firstMs = performance.now() - sentAt
      const seen = watcher.provider.awareness.getStates().get(own) as Seen
      expect(seen.role).toBe('participant')
      expect(seen.pid).toBe(participantIdOf(secret))
      expect(seen.user?.name?.startsWith('Mallory ü')).toBe(true)
      expect(seen.user!.name!.length).toBeLessThanOrEqual(LIMITS.nameLength)
      // Where the pointer is passes (two numbers, nothing else); any other field does not.
      expect(seen.pointer).toEqual({ x: 0.25, y: 0.75 })
      expect(seen.extra).toBeUndefined()

      sentAt = performance.now()
      s.ws.send(second)
      await waitFor(() => watcher.provider.awareness.meta.get(own)?.clock === 2, 5000, 'second presence')
      const secondMs = performance.now() - sentAt
      first = null
      second = null

      // Nothing but the own id arrived, and the watcher is still itself.
      const ids = [...watcher.provider.awareness.getStates().keys()]
      expect(ids).toContain(own)
      expect(ids.every((id) => [watcher.doc.clientID, writer.doc.clientID, own].includes(id))).toBe(true)
      expect((watcher.provider.awareness.getStates().get(watcher.doc.clientID) as Seen).user?.name).toBe('Echte Person')
      expect((writer.provider.awareness.getStates().get(watcher.doc.clientID) as Seen).user?.name).toBe('Echte Person')
      expect(server.app.rooms.size).toBe(1)
      const room = await kit.room(board.boardId)
      expect([...room.awareness.getStates().keys()].every((id) => [watcher.doc.clientID, writer.doc.clientID, own].includes(id))).toBe(true)

      // Responsive: a note is written and acknowledged while the abuser is still connected.
      const t = performance.now()
      addNote(writer.doc, { zone: 'steigen', text: 'geht noch', author: writer.actor.participantId })
      await writer.settled(2000)
      const noteMs = performance.now() - t

      s.ws.close()
      await waitFor(() => !watcher.provider.awareness.getStates().has(own), 3000, 'presence removed')
      await s.closed
      const after = await settleMemory(gc)
      const retained = after.heapUsed - before.heapUsed
      console.log(
        `200k presence: first message (own id 2nd) ${firstMs.toFixed(1)} ms, second (own id last) ${secondMs.toFixed(1)} ms round trip; ` +
          `slowest server handling ${timing.slowest().toFixed(1)} ms; a note meanwhile acked in ${noteMs.toFixed(1)} ms; ` +
          `heap retained after the socket left: ${mb(retained)} (RSS ${mb(after.rss - before.rss)})`,
      )
      expect(timing.slowest()).toBeLessThan(250)
      expect(retained).toBeLessThanOrEqual(1024 * 1024)
      expect(room.awareness.meta.has(own)).toBe(false)
    } finally {
      timing.restore()
    }
  })

  it('garbage JSON in the own state closes the socket (1003); garbage in states of others is ignored', async () => {
    const server = await kit.start()
    const board = await createBoard(server, OPEN_BOARD)
    const watcher = kit.connect(board.boardId)
    await watcher.synced()
    const ok = kit.join(board.boardId)
    const bad = kit.join(board.boardId)
    await Promise.all([ok.opened, bad.opened])
    ok.ws.send(presenceMessage([[11, 1, '{"user":{"name":"Ok"}}'], [12, 1, '{kaputt'], [watcher.doc.clientID, 5, '{kaputt']]))
    await waitFor(() => watcher.provider.awareness.getStates().has(11), 3000, 'ok presence')
    bad.ws.send(presenceMessage([[21, 1, '{"user":']]))
    expect((await bad.closed).code).toBe(1003)
    expect(watcher.provider.awareness.getStates().has(12)).toBe(false)
    expect(watcher.provider.awareness.getStates().has(21)).toBe(false)
    expect(watcher.closes).toEqual([])
  })
})
