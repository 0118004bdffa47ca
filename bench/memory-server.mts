/**
 * A server under memory measurement, in its own process (forked by bench/memory.mts with
 * --expose-gc). It answers over IPC, so the server code needs no benchmark hook and no
 * inspector is attached:
 *   { id, type: 'heap' }            -> heap after full garbage collections
 *   { id, type: 'doc', name }       -> whether the doc is in memory, and its note count
 *   { id, type: 'snapshot', file }  -> writes a heap snapshot (after the same collections)
 *
 *   argv[2]: 'ballonfahrt' (server/app.ts's startApp with configFromEnv: DATA_DIR,
 *            IDLE_UNLOAD_MS, ... from the environment) or 'y-websocket-server' (its utils'
 *            setupWSConnection, in memory as shipped, wired like its server.js).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8'
import { WebSocketServer } from 'ws'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc || !process.send) throw new Error('start me with fork() and --expose-gc')
const send = process.send.bind(process)
const kind = process.argv[2] ?? 'ballonfahrt'

let docState: (name: string) => Promise<{ loaded: boolean; notes: number }>

if (kind === 'ballonfahrt') {
  const { startApp } = await import('../server/app')
  const { configFromEnv } = await import('../server/config')
  const { setQuiet } = await import('../server/log')
  const { notesOf } = await import('../model/schema')
  setQuiet(true)
  const app = await startApp({ ...configFromEnv(), port: 0, host: '127.0.0.1' })
  docState = async (name) => {
    // Checked first: open() on a doc that is not in memory would load it.
    if (!app.rooms.isLoaded(name)) return { loaded: false, notes: 0 }
    const room = await app.rooms.open(name)
    return { loaded: true, notes: notesOf(room.doc).size }
  }
  send({ type: 'ready', port: app.port })
} else {
  const { setupWSConnection, docs } = (await import('@y/websocket-server/utils')) as unknown as {
    setupWSConnection: (ws: unknown, req: unknown) => void
    docs: Map<string, { getMap(name: string): { size: number } }>
  }
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('okay')
  })
  wss.on('connection', setupWSConnection)
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  docState = async (name) => {
    const doc = docs.get(name)
    return { loaded: doc !== undefined, notes: doc?.getMap('notes').size ?? 0 }
  }
  send({ type: 'ready', port: (server.address() as AddressInfo).port })
}

process.on('message', (m: { id: number; type: string; name?: string; file?: string }) => {
  if (m.type === 'doc' && m.name) void docState(m.name).then((state) => send({ id: m.id, ...state }))
  if (m.type !== 'heap' && m.type !== 'snapshot') return
  // Several rounds with turns of the event loop between them, so that finalizers and weak
  // references (FinalizationRegistry in ws/yjs) have run and what they released is collected.
  void (async () => {
    for (let i = 0; i < 4; i++) {
      gc()
      await new Promise((r) => setImmediate(r))
    }
    if (m.type === 'snapshot') return send({ id: m.id, file: writeHeapSnapshot(m.file) })
    const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage()
    // Machine code that V8 compiles as functions get hot (code_space, code_large_object_space).
    const code = getHeapSpaceStatistics()
      .filter((space) => space.space_name.startsWith('code'))
      .reduce((sum, space) => sum + space.space_used_size, 0)
    send({ id: m.id, heapUsed, code, external, arrayBuffers, rss })
  })()
})
process.on('disconnect', () => process.exit(0))
