import { describe, expect, it } from 'vitest'
import { gatedSocket } from '../../../client/sync/gatedSocket'
import { MESSAGE, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '../../../protocol/messages'

class FakeSocket {
  readonly wire: Uint8Array[] = []
  constructor(readonly url: string) {}
  send(data: Uint8Array): void {
    this.wire.push(data)
  }
}

const msg = (...bytes: number[]) => new Uint8Array(bytes)

describe('gatedSocket', () => {
  it('holds back updates until this socket sent its sync step 2, and shows what it sends', () => {
    const shown: Uint8Array[] = []
    const Socket = gatedSocket(FakeSocket, (m) => shown.push(m))
    const ws = new Socket('ws://x')
    const step1 = msg(MESSAGE.sync, SYNC_STEP1, 0)
    const early = msg(MESSAGE.sync, SYNC_UPDATE, 1, 2)
    const awareness = msg(MESSAGE.awareness, 1)
    const step2 = msg(MESSAGE.sync, SYNC_STEP2, 3)
    const later = msg(MESSAGE.sync, SYNC_UPDATE, 4)
    for (const m of [step1, early, awareness, step2, later]) ws.send(m)
    expect(ws.wire).toEqual([step1, awareness, step2, later])
    expect(shown).toEqual(ws.wire)
  })

  it('starts afresh on every new socket', () => {
    const Socket = gatedSocket(FakeSocket, () => {})
    const first = new Socket('ws://x')
    first.send(msg(MESSAGE.sync, SYNC_STEP2, 0))
    first.send(msg(MESSAGE.sync, SYNC_UPDATE, 1))
    const second = new Socket('ws://x')
    second.send(msg(MESSAGE.sync, SYNC_UPDATE, 2))
    expect(first.wire).toHaveLength(2)
    expect(second.wire).toHaveLength(0)
  })
})
