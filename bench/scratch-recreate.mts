import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { coldHistory } from './lib/cold-history'
const { ours, boardId } = await coldHistory(100_000, false)
const db = new Database(join(ours, 'ballonfahrt.sqlite'), { readonly: true })
const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE board = ?').get(boardId)!
const state = new Uint8Array(row.data)
const doc = new Y.Doc(); Y.applyUpdate(doc, state)
const notes = doc.getMap<Y.Map<unknown>>('notes')
doc.transact(() => {
  for (const [id, note] of [...notes.entries()]) {
    const fresh = new Y.Map<unknown>()
    for (const [k, v] of note.entries()) {
      if (v instanceof Y.Text) { const t = new Y.Text(); t.applyDelta(v.toDelta()); fresh.set(k, t) } else fresh.set(k, v)
    }
    notes.set(id, fresh)
  }
})
const compacted = Y.encodeStateAsUpdate(doc)
let structs = 0; for (const l of doc.store.clients.values()) structs += l.length
const d2 = new Y.Doc(); Y.applyUpdate(d2, compacted); let s2=0; for (const l of d2.store.clients.values()) s2 += l.length
console.log(`before ${state.byteLength} bytes; after ${compacted.byteLength} bytes, structs ${s2}`)
for (const [name, st] of [['before', state], ['after', compacted]] as const) for (let i = 0; i < 5; i++) {
  const d = new Y.Doc(); d.on('update', () => {})
  const t = process.cpuUsage(); const w = performance.now(); Y.applyUpdate(d, st); const u = process.cpuUsage(t)
  console.log(name, ((u.user+u.system)/1000).toFixed(0), 'ms cpu', (performance.now()-w).toFixed(0), 'ms wall')
}
