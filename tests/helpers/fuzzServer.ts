import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startApp } from '../../server/app'
import { setQuiet } from '../../server/log'
import { BoardSocket } from '../../server/socket'
import { testConfig } from './server'

/**
 * The server in its own process for measurements (run with --expose-gc): event-loop delay,
 * the longest time spent on one incoming message, memory after a collection. The test talks to
 * it over IPC: 'start' and 'stop' a measurement, 'memory', 'rooms', 'close'.
 */
setQuiet(true)
const app = await startApp(testConfig(process.env.DATA_DIR!, { connectionsPerMinute: 1_000_000, maxPayload: 256 * 1024 }))

/** The incoming message that took the most CPU time (user + system, so not time spent descheduled). */
let slowest = { ms: 0, wallMs: 0, hex: '' }
const proto = BoardSocket.prototype as unknown as { receive: (data: Buffer, isBinary: boolean) => void }
const receive = proto.receive
proto.receive = function (this: BoardSocket, data: Buffer, isBinary: boolean) {
  const start = performance.now()
  const cpu = process.cpuUsage()
  receive.call(this, data, isBinary)
  const used = process.cpuUsage(cpu)
  const ms = (used.user + used.system) / 1000
  if (ms > slowest.ms) slowest = { ms, wallMs: performance.now() - start, hex: Buffer.from(data.subarray(0, 16)).toString('hex') }
}

const loop = monitorEventLoopDelay({ resolution: 10 })
const gc = (globalThis as { gc?: () => void }).gc
const send = (message: unknown) => process.send!(message)

process.on('message', (message: string) => {
  void (async () => {
    if (message === 'start') {
      loop.reset()
      loop.enable()
      slowest = { ms: 0, wallMs: 0, hex: '' }
      send({ started: true })
    } else if (message === 'stop') {
      loop.disable()
      send({ maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6, slowest })
    } else if (message === 'memory') {
      // Settled: collect, give V8 and the allocator a moment to hand pages back, and keep the
      // lowest RSS of a few samples (the same for every measurement).
      let memory = process.memoryUsage()
      for (let i = 0; i < 8; i++) {
        await new Promise((r) => setTimeout(r, 100))
        gc?.()
        const now = process.memoryUsage()
        if (now.rss < memory.rss) memory = { ...now, heapUsed: Math.min(now.heapUsed, memory.heapUsed) }
        else memory = { ...memory, heapUsed: Math.min(now.heapUsed, memory.heapUsed) }
      }
      send({ memory, gc: gc !== undefined })
    } else if (message === 'rooms') {
      send({ rooms: app.rooms.size })
    } else if (message === 'close') {
      await app.close()
      process.exit(0)
    }
  })()
})
send({ port: app.port })
