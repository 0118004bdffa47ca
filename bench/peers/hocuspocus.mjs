// Hocuspocus 3 with its SQLite extension, configured as its documentation shows and otherwise
// as shipped (store debounce 2 s, max 10 s). Started by the benchmark harness:
//   PORT=1234 DB=/tmp/x/db.sqlite node bench/peers/hocuspocus.mjs
import { SQLite, schema } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'
import sqlite3 from 'sqlite3'

// The extension creates its table without waiting (onConfigure runs db.run(schema) and returns),
// so a client that connects at once can meet "no such table: documents". The table is created
// here first, with the extension's own schema; the extension's CREATE IF NOT EXISTS is then a no-op.
await new Promise((resolve, reject) => {
  const db = new sqlite3.Database(process.env.DB)
  db.run(schema, (error) => (error ? reject(error) : db.close(resolve)))
})

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DB })],
})
await server.listen()
console.log('listening')
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void server.destroy().finally(() => process.exit(0)))
