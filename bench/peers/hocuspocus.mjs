// Hocuspocus 3 with its SQLite extension, configured as its documentation shows and otherwise
// as shipped (store debounce 2 s, max 10 s). Started by the benchmark harness:
//   PORT=1234 DB=/tmp/x/db.sqlite node bench/peers/hocuspocus.mjs
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DB })],
})
await server.listen()
console.log('listening')
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void server.destroy().finally(() => process.exit(0)))
