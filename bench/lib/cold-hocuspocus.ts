import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** Hocuspocus's message types (its protocol prefixes every message with the document name). */
const HOCUS = { sync: 0, auth: 2, syncReply: 4 } as const
export const HOCUSPOCUS_DOC = 'board'

/** Writes `state` as the one merged state the Hocuspocus SQLite extension keeps per document. */
export function writeHocuspocusState(file: string, state: Uint8Array, name = HOCUSPOCUS_DOC): void {
  const db = new Database(file)
  // The extension's own schema and upsert (extension-sqlite 3.4.4).
  db.exec('CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))')
  db.prepare('INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data').run(name, Buffer.from(state))
  db.close()
}

/** The harness's Hocuspocus peer (bench/peers/hocuspocus.mjs) reads its database file from DB. */
export const HOCUSPOCUS_SERVER = 'bench/peers/hocuspocus.mjs'

/**
 * A minimal Hocuspocus client (auth with an empty token, then sync step 1, as its provider does):
 * milliseconds from opening the socket until the doc holds `expectedNotes` notes.
 */
export function timeHocuspocusFirstSync(url: string, name: string, expectedNotes: number, timeoutMs = 60_000): Promise<number> {
  const doc = new Y.Doc()
  const start = performance.now()
  const ws = new WebSocket(url)
  ws.binaryType = 'nodebuffer'
  const notes = doc.getMap('notes')
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`hocuspocus: no full sync within ${timeoutMs} ms`)), timeoutMs)
    const finish = (result: number | Error) => {
      clearTimeout(timer)
      ws.close()
      doc.destroy()
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    ws.on('error', (e) => finish(e))
    ws.on('open', () => {
      const auth = encoding.createEncoder()
      encoding.writeVarString(auth, name)
      encoding.writeVarUint(auth, HOCUS.auth)
      encoding.writeVarUint(auth, 0) // token
      encoding.writeVarString(auth, '')
      ws.send(encoding.toUint8Array(auth))
      const step1 = encoding.createEncoder()
      encoding.writeVarString(step1, name)
      encoding.writeVarUint(step1, HOCUS.sync)
      syncProtocol.writeSyncStep1(step1, doc)
      ws.send(encoding.toUint8Array(step1))
    })
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      decoding.readVarString(decoder)
      const type = decoding.readVarUint(decoder)
      if (type !== HOCUS.sync && type !== HOCUS.syncReply) return
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null)
      if (notes.size >= expectedNotes) finish(performance.now() - start)
    })
  })
}
