/**
 * What the cold-load board's stored state is made of, and the client's share of a first sync in
 * a form that does not depend on the machine's load: decoding it N times in this process, for
 * counting instructions under callgrind (run once with --decodes 0 for the process's own cost).
 *
 *   npx tsx bench/coldState.mts                       structs by kind and by key (500 notes, 100,000 moves)
 *   valgrind --tool=callgrind node --import tsx bench/coldState.mts --decodes 1 [--listener]
 *
 * --listener: with an `update` listener on the doc, as every provider has one (Yjs then encodes
 * the whole applied state once more for it). --during: the board as stored during its meeting,
 * before the server renewed it (model/renewal.ts). Uses the history bench/coldLoad.mts built (cached).
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { coldHistory } from './lib/cold-history'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.indexOf(name)
const decodes = flag('--decodes') >= 0 ? Number(argv[flag('--decodes') + 1]) : -1
const listener = flag('--listener') >= 0

const history = await coldHistory(100_000, false)
const { boardId } = history
const db = new Database(join(argv.includes('--during') ? history.oursDuring : history.ours, 'ballonfahrt.sqlite'), { readonly: true })
const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM snapshots WHERE board = ?').get(boardId)
db.close()
if (!row) throw new Error('no snapshot in the cached history')
const state = new Uint8Array(row.data)

if (decodes < 0) describe(state)
for (let i = 0; i < decodes; i++) {
  const doc = new Y.Doc()
  if (listener) doc.on('update', () => {})
  const before = process.cpuUsage()
  Y.applyUpdate(doc, state)
  const used = process.cpuUsage(before)
  console.log(`decode ${i + 1}: ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${doc.getMap('notes').size} notes`)
  doc.destroy()
}

/** Structs of the state: how many, how many deleted, and per note key how many values it held. */
function describe(update: Uint8Array): void {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  let structs = 0
  let deleted = 0
  for (const list of doc.store.clients.values()) {
    structs += list.length
    deleted += list.filter((s) => s.deleted).length
  }
  // A key's values form a chain from the current one leftwards through the overwritten ones.
  const perKey = new Map<string, number>()
  doc.getMap<Y.Map<unknown>>('notes').forEach((note) => {
    for (const [key, current] of note._map) {
      let values = 0
      for (let item: Y.Item | null = current; item; item = item.left) values++
      perKey.set(key, (perKey.get(key) ?? 0) + values)
    }
  })
  console.log(`state: ${update.byteLength} bytes, ${structs} structs, ${deleted} deleted (${((deleted / structs) * 100).toFixed(1)} %), ${doc.store.clients.size} clients`)
  console.log(`values per note key (current and overwritten): ${[...perKey].map(([k, n]) => `${k} ${n}`).join(', ')}`)
}
