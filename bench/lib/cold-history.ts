import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { LeveldbPersistence } from 'y-leveldb'
import * as Y from 'yjs'
import { moveNote } from '../../model/notes'
import { boardOverwrittenValues } from '../../model/renewal'
import { notesOf } from '../../model/schema'
import { ZONE_IDS } from '../../model/zones'
import type { ZoneId } from '../../model/zones'
import { startApp } from '../../server/app'
import { setQuiet } from '../../server/log'
import { holder, Rooms } from '../../server/rooms'
import { SqliteBoardStore } from '../../server/store/sqlite'
import { seededRandom } from '../../tests/helpers/random'
import { testConfig } from '../../tests/helpers/server'
import { importBoard500 } from './board-500'
import { writeHocuspocusState } from './cold-hocuspocus'

export const COMPACT_AFTER = 500
const WRITERS = 8
const TURN = 50

export interface ColdHistory {
  readonly boardId: string
  /**
   * Data directories as each server leaves them: ours (DATA_DIR) once the meeting is over (the
   * board left memory, renewed: model/renewal.ts), ours as it was during the meeting (what a
   * crash leaves), y-leveldb's, Hocuspocus's.
   */
  readonly ours: string
  readonly oursDuring: string
  readonly ldbRaw: string
  readonly hocus: string
  /** Entries in y-leveldb's log (the board's first state plus every move). */
  readonly entries: number
  readonly notes: readonly string[]
}

/**
 * The code that decides what lands in storage: when it changes, the cached history is stale.
 * (Building 100,000 moves takes about two minutes on the 2-core machine; loading them is what we
 * measure, so the history is built once per version of this code and reused.)
 */
const SOURCES = ['server/store/sqlite.ts', 'server/rooms.ts', 'model/renewal.ts', 'model/notes.ts', 'model/order.ts', 'model/export/import.ts', 'model/schema.ts', 'bench/lib/cold-history.ts', 'bench/lib/board-500.ts']

export async function coldHistory(moves: number, fresh: boolean): Promise<ColdHistory> {
  const hash = createHash('sha256')
  for (const file of SOURCES) hash.update(readFileSync(file))
  const dir = join(tmpdir(), 'ballonfahrt-bench-cache', `cold-${moves}-${hash.digest('hex').slice(0, 12)}`)
  if (fresh) rmSync(dir, { recursive: true, force: true })
  if (!existsSync(join(dir, 'meta.json'))) {
    const building = `${dir}.building-${process.pid}`
    rmSync(building, { recursive: true, force: true })
    mkdirSync(building, { recursive: true })
    const meta = await build(building, moves)
    writeFileSync(join(building, 'meta.json'), JSON.stringify(meta))
    rmSync(dir, { recursive: true, force: true })
    renameSync(building, dir)
  } else {
    console.error(`cold history: reusing ${dir}`)
  }
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { boardId: string; entries: number; notes: string[] }
  return { ...meta, ours: join(dir, 'ours'), oursDuring: join(dir, 'ours-during'), ldbRaw: join(dir, 'leveldb'), hocus: join(dir, 'hocuspocus') }
}

/**
 * The meeting is over: the board is opened once more and left idle, and the server unloads it as
 * it does any board nobody is connected to (Rooms: renewal, compaction, out of memory).
 */
async function meetingOver(dir: string, boardId: string): Promise<string> {
  const store = new SqliteBoardStore(dir)
  const rooms = new Rooms(store, { idleUnloadMs: 10, compactAfter: COMPACT_AFTER })
  const room = await rooms.open(boardId)
  const overwritten = boardOverwrittenValues(room.doc)
  rooms.release(room)
  while (rooms.isLoaded(boardId)) await new Promise((r) => setTimeout(r, 20))
  await store.close()
  return `renewed: ${overwritten} overwritten values before`
}

async function build(dir: string, count: number): Promise<{ boardId: string; entries: number; notes: string[] }> {
  setQuiet(true)
  const started = performance.now()
  // The board, imported through the real endpoint.
  const ours = join(dir, 'ours')
  const app = await startApp(testConfig(ours))
  const { boardId } = await importBoard500(`http://127.0.0.1:${app.port}`)
  await app.close()

  // The moves, applied to the server's own Room over its store, as the socket layer applies
  // them after the guard: appended (one transaction per tick) and compacted every COMPACT_AFTER.
  const store = new SqliteBoardStore(ours)
  const rooms = new Rooms(store, { idleUnloadMs: 60_000, compactAfter: COMPACT_AFTER })
  const room = await rooms.open(boardId)
  const initial = Y.encodeStateAsUpdate(room.doc)
  const ids = [...notesOf(room.doc).keys()]
  const writers = Array.from({ length: WRITERS }, () => new Y.Doc())
  const random = seededRandom(6)
  const moves: Uint8Array[] = []
  const member = holder()
  for (let turn = 0; moves.length < count; turn++) {
    const writer = writers[turn % WRITERS]!
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(writer)))
    const zoneOf = new Map(ids.map((id) => [id, notesOf(writer).get(id)!.get('zone') as ZoneId]))
    const mine: Uint8Array[] = []
    const record = (update: Uint8Array) => mine.push(update)
    writer.on('update', record)
    for (let i = 0; i < TURN && moves.length + mine.length < count; i++) {
      const id = random.pick(ids)
      // Mostly reordering inside the zone (clustering), sometimes into another zone.
      const zone = random.chance(0.25) ? random.pick(ZONE_IDS) : zoneOf.get(id)!
      const others = ids.filter((other) => other !== id && zoneOf.get(other) === zone)
      moveNote(writer, id, { zone, beforeId: others.length && random.chance(0.8) ? random.pick(others) : null })
      zoneOf.set(id, zone)
    }
    writer.off('update', record)
    for (const update of mine) void room.applyFrom(update, member)
    moves.push(...mine)
    await store.flushed()
    await new Promise((r) => setImmediate(r))
    if (turn % 200 === 0) console.error(`cold history: ${moves.length} / ${count} moves`)
  }
  await store.flushed()
  // Let a compaction that is under way finish before the store closes.
  await new Promise((r) => setTimeout(r, 300))
  const final = Y.encodeStateAsUpdate(room.doc)
  await rooms.closeAll()
  await store.close()
  // What storage holds while the meeting goes on (and after a crash in it) ...
  cpSync(ours, join(dir, 'ours-during'), { recursive: true })
  // ... and once everybody left: the board leaves memory as the server unloads an idle board.
  const renewed = await meetingOver(ours, boardId)

  const db = new Database(join(ours, 'ballonfahrt.sqlite'), { readonly: true })
  const snap = db.prepare<[string], { bytes: number }>('SELECT length(data) AS bytes FROM snapshots WHERE board = ?').get(boardId)
  const tail = db.prepare<[string], { n: number; bytes: number | null }>('SELECT count(*) AS n, sum(length(data)) AS bytes FROM updates WHERE board = ?').get(boardId)
  db.close()
  const moveBytes = moves.reduce((s, u) => s + u.byteLength, 0)
  const builtIn = (performance.now() - started) / 1000

  // y-leveldb gets the same bytes, as y-websocket-server's persistence binding stores them.
  const ldb = new LeveldbPersistence(join(dir, 'leveldb'))
  await ldb.storeUpdate(boardId, initial)
  for (const update of moves) await ldb.storeUpdate(boardId, update)
  await ldb.destroy()

  mkdirSync(join(dir, 'hocuspocus'))
  writeHocuspocusState(join(dir, 'hocuspocus', 'db.sqlite'), final)
  console.error(`cold history: built in ${((performance.now() - started) / 1000).toFixed(0)} s (${readdirSync(dir).join(', ')})`)
  return {
    boardId,
    entries: moves.length + 1,
    notes: [
      `History: ${moves.length} moves (moveNote from model/, ${(moveBytes / 1e6).toFixed(1)} MB of updates, by ${WRITERS} writers in turns of ${TURN}, 25% into another zone), applied to the server's Room over its SQLite BoardStore (server/rooms.ts, as the socket layer does after the guard; appended per tick, compacted every COMPACT_AFTER=${COMPACT_AFTER} entries); built in ${builtIn.toFixed(0)} s and cached until the storage code changes.`,
      `Ours in storage: snapshot ${((snap?.bytes ?? 0) / 1024).toFixed(0)} KB + ${tail?.n ?? 0} log entries (${((tail?.bytes ?? 0) / 1024).toFixed(0)} KB) once the board left memory after the meeting (${renewed}); during the meeting (and after a crash in it) the final state encodes to ${(final.byteLength / 1024).toFixed(0)} KB.`,
    ],
  }
}
