import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { FanOut, PRESENCE_INTERVAL_MS } from '../../../server/fanOut'
import type { RoomMember } from '../../../server/fanOut'
import { MESSAGE } from '../../../protocol/messages'

/** A member that records what it is sent. */
function member(): RoomMember & { docs: Uint8Array[]; presence: Uint8Array[] } {
  const docs: Uint8Array[] = []
  const presence: Uint8Array[] = []
  return { docs, presence, sendDocUpdate: (m) => docs.push(m), sendAwareness: (m) => presence.push(m), close() {} }
}

/** Applies a presence message to a fresh awareness, as a client would, and returns its states. */
function received(message: Uint8Array): Map<number, unknown> {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE.awareness)
  const other = new awarenessProtocol.Awareness(new Y.Doc())
  other.setLocalState(null)
  const seen = new Map<number, unknown>()
  other.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
    for (const id of [...added!, ...updated!, ...removed!]) seen.set(id, other.getStates().get(id) ?? null)
  })
  awarenessProtocol.applyAwarenessUpdate(other, decoding.readVarUint8Array(decoder), 'server')
  return seen
}

/** A presence update from another client, applied to the server's awareness. */
function move(awareness: awarenessProtocol.Awareness, client: number, clock: number, state: unknown): void {
  const peer = new awarenessProtocol.Awareness(new Y.Doc())
  peer.clientID = client
  peer.meta.set(client, { clock: clock - 1, lastUpdated: 0 })
  peer.setLocalState(state as Record<string, unknown>)
  awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(peer, [client]), 'socket')
}

afterEach(() => vi.useRealTimers())

describe('FanOut', () => {
  it("sends each person's latest presence once per interval, in one message for everybody", () => {
    vi.useFakeTimers()
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    const members = new Set([member(), member(), member()])
    const fanOut = new FanOut(members, awareness)
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => fanOut.presenceChanged([...added!, ...updated!, ...removed!]))
    for (let i = 1; i <= 10; i++) {
      move(awareness, 7, i, { x: i })
      move(awareness, 8, i, { x: -i })
    }
    for (const m of members) expect(m.presence).toHaveLength(0)
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS)
    const sent = [...members].map((m) => m.presence)
    for (const list of sent) expect(list).toHaveLength(1)
    // Encoded once: the very same bytes for every member.
    expect(sent[0]![0]).toBe(sent[1]![0])
    expect(received(sent[0]![0]!)).toEqual(
      new Map<number, unknown>([
        [7, { x: 10 }],
        [8, { x: -10 }],
      ]),
    )
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS * 5)
    for (const m of members) expect(m.presence).toHaveLength(1)
    fanOut.stop()
  })

  it('tells everybody that a person left even when its bookkeeping is gone before the batch goes out', () => {
    vi.useFakeTimers()
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState(null)
    const m = member()
    const fanOut = new FanOut(new Set([m]), awareness)
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => fanOut.presenceChanged([...added!, ...updated!, ...removed!]))
    move(awareness, 9, 1, { user: { name: 'Anna' } })
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS)
    awarenessProtocol.removeAwarenessStates(awareness, [9], 'socket')
    awareness.meta.delete(9)
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS)
    expect(m.presence).toHaveLength(2)
    const decoder = decoding.createDecoder(m.presence[1]!)
    decoding.readVarUint(decoder)
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    expect(decoding.readVarUint(update)).toBe(1)
    expect(decoding.readVarUint(update)).toBe(9)
    // A removal keeps the clock; clients accept null at an equal clock as "gone".
    expect(decoding.readVarUint(update)).toBe(1)
    expect(decoding.readVarString(update)).toBe('null')
    fanOut.stop()
  })

  it('sends a doc update to every member except the one it came from, the same bytes to each', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    const [a, b, c] = [member(), member(), member()]
    const fanOut = new FanOut(new Set([a, b, c]), awareness)
    fanOut.push(new Uint8Array([0, 0]), a)
    expect(a.docs).toHaveLength(0)
    expect(b.docs).toHaveLength(1)
    expect(b.docs[0]).toBe(c.docs[0])
  })
})
