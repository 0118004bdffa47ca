import { describe, expect, it } from 'vitest'
import { RelayedSocket } from '../../../server/cluster/relay'
import type { RelayBus } from '../../../server/cluster/bus'
import type { RelayFrame } from '../../../server/cluster/wire'

/** A bus that records what the owner side sends to the relaying instance. */
function recordingBus(): { bus: RelayBus; sent: RelayFrame[] } {
  const sent: RelayFrame[] = []
  const bus = { instance: 'owner', send: (_to: string, frame: RelayFrame) => void sent.push(frame) } as unknown as RelayBus
  return { bus, sent }
}

describe('a relayed socket on the owner', () => {
  it('tells flow control when a frame is on its way, so the next sync answer is not held forever', async () => {
    const { bus, sent } = recordingBus()
    const socket = new RelayedSocket(bus, 'relay/1', 'relay', () => {})
    let written = 0
    socket.send(new Uint8Array([0, 1]), { binary: true }, () => written++)
    socket.send(new Uint8Array([0, 2]), { binary: true }, () => written++)
    await Promise.resolve()
    expect(written).toBe(2)
    expect(sent.map((f) => f.kind)).toEqual(['data', 'data'])
  })

  it('answers a ping itself while open: the relaying instance watches the browser', async () => {
    const { bus } = recordingBus()
    const socket = new RelayedSocket(bus, 'relay/1', 'relay', () => {})
    let pongs = 0
    socket.on('pong', () => pongs++)
    socket.ping()
    await Promise.resolve()
    expect(pongs).toBe(1)
    socket.close(1000, 'fertig')
    socket.ping()
    await Promise.resolve()
    expect(pongs).toBe(1)
  })
})
