import * as Y from 'yjs'
import type { Random } from '../random'
import { encodeUpdate, structLength } from '../structs'
import type { ClientStructs, Content, DeleteRanges, Id, Struct } from '../structs'
import { CLIENTS, OTHER_ID, OWN } from './boards'
import type { FuzzDoc } from './boards'

/**
 * Hostile updates at the struct level, never through the Yjs API: random struct kinds and
 * contents; origins, right origins and parents at random items of the doc (current values of
 * keys, entries, texts, characters, deleted and collected ones) or at structs earlier in the same
 * update; client ids of the actor, another participant, the moderator, the server, fresh ones
 * and huge ones; clocks that continue, overlap or leave gaps; random delete sets; and bit-level
 * mutations of real updates.
 */
interface Pool {
  /** Ids of every struct in the doc: first, last and a middle clock. */
  readonly ids: readonly Id[]
  /** Last ids of items holding a type (entries, texts). */
  readonly types: readonly Id[]
  /** Last ids of the current item of every key. */
  readonly currents: readonly Id[]
  readonly state: ReadonlyMap<number, number>
}

const pools = new WeakMap<FuzzDoc, Pool>()

function poolOf(target: FuzzDoc): Pool {
  const cached = pools.get(target)
  if (cached) return cached
  const ids: Id[] = []
  const types: Id[] = []
  const currents: Id[] = []
  const state = new Map<number, number>()
  for (const [client, structs] of target.doc.store.clients) {
    for (const s of structs) {
      const last = s.id.clock + s.length - 1
      ids.push({ client, clock: s.id.clock }, { client, clock: last }, { client, clock: s.id.clock + Math.floor(s.length / 2) })
      if (s instanceof Y.Item && s.content instanceof Y.ContentType) types.push({ client, clock: last })
    }
    state.set(client, Y.getState(target.doc.store, client))
  }
  const walk = (type: { readonly _map: Map<string, Y.Item> }) => {
    for (const item of type._map.values()) {
      currents.push({ client: item.id.client, clock: item.id.clock + item.length - 1 })
      if (item.content instanceof Y.ContentType) walk(item.content.type)
    }
  }
  for (const type of target.doc.share.values()) walk(type)
  const pool = { ids, types, currents, state }
  pools.set(target, pool)
  return pool
}

const VALUES: readonly unknown[] = [
  'steigen', 'einheizen', 'untenHalten', 'bogus', 'a0', 'a1', 'Zz', 'clustern', 'abschluss', OWN.participantId, OTHER_ID,
  1, 0, -1, 3, 25, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, 1.5, true, false, null, undefined, {}, [], [1, 2],
  { kind: 'note', id: 'x' }, 'x'.repeat(2000), '', '\u0007', 'ö',
]

function anyValue(r: Random, target: FuzzDoc): unknown {
  return r.chance(0.3) ? r.pick(target.keys) : r.pick(VALUES)
}

function content(r: Random, target: FuzzDoc): Content {
  const n = 1 + (r.chance(0.2) ? r.int(3) : 0)
  switch (r.int(12)) {
    case 0:
    case 1:
      return { kind: 'deleted', len: n }
    case 2:
    case 3:
    case 4:
      return { kind: 'any', values: Array.from({ length: n }, () => anyValue(r, target)) }
    case 5:
    case 6:
      return { kind: 'string', text: r.pick(['a', 'xy', 'Hallo', 'ß€😀', 'z'.repeat(1200)]) }
    case 7:
    case 8:
      return { kind: 'type', ref: r.chance(0.8) ? 1 + r.int(2) : r.int(7) }
    case 9:
      return { kind: 'json', values: Array.from({ length: n }, () => anyValue(r, target) ?? null) }
    case 10:
      return r.pick<Content>([
        { kind: 'binary', bytes: new Uint8Array([1, 2]) },
        { kind: 'embed', value: { x: 1 } },
        { kind: 'format', key: 'bold', value: true },
      ])
    default:
      return { kind: 'doc', guid: 'sub' }
  }
}

function clientId(r: Random): number {
  return r.pick([CLIENTS.own, CLIENTS.own, CLIENTS.own, CLIENTS.other, CLIENTS.moderator, CLIENTS.server, 7000 + r.int(50), 0xffffffff - r.int(3), 2 ** 40 + r.int(3), 0])
}

function startClock(r: Random, pool: Pool, client: number): number {
  const known = pool.state.get(client) ?? 0
  const roll = r.next()
  if (roll < 0.75) return known
  if (roll < 0.87) return Math.max(0, known - 1 - r.int(3))
  if (roll < 0.95) return known + 1 + r.int(3)
  return 0
}

interface Built {
  readonly client: number
  readonly clock: number
  readonly structs: Struct[]
}

/** Somewhere to refer to: an item of the doc or a struct earlier in this update. */
function someId(r: Random, pool: Pool, earlier: readonly Id[]): Id {
  const roll = r.next()
  if (earlier.length > 0 && roll < 0.3) return r.pick(earlier)
  if (roll < 0.55) return r.pick(pool.currents)
  if (roll < 0.7) return r.pick(pool.types)
  if (roll < 0.97) return r.pick(pool.ids)
  return { client: r.pick([CLIENTS.other, 9999]), clock: 10_000 + r.int(5) }
}

function item(r: Random, target: FuzzDoc, pool: Pool, earlier: readonly Id[]): Struct {
  const c = content(r, target)
  const sub = () => (r.chance(0.85) ? r.pick(target.keys) : r.pick(['elsewhere', 'text', 'author', '']))
  const roll = r.next()
  if (roll < 0.45) {
    return { kind: 'item', origin: someId(r, pool, earlier), ...(r.chance(0.1) ? { rightOrigin: someId(r, pool, earlier) } : {}), content: c }
  }
  if (roll < 0.55) return { kind: 'item', rightOrigin: someId(r, pool, earlier), content: c }
  if (roll < 0.75) {
    const root = r.chance(0.9) ? r.pick(Object.keys(target.schema)) : r.pick(['elsewhere', 'meta', 'drafts'])
    return { kind: 'item', parent: root, ...(r.chance(0.95) ? { parentSub: sub() } : {}), content: c }
  }
  const parent = earlier.length > 0 && r.chance(0.4) ? r.pick(earlier) : r.chance(0.8) ? r.pick(pool.types) : r.pick(pool.ids)
  return { kind: 'item', parent, ...(r.chance(0.8) ? { parentSub: sub() } : {}), content: c }
}

function run(r: Random, target: FuzzDoc, pool: Pool, earlier: Id[]): Built {
  const client = clientId(r)
  const clock = startClock(r, pool, client)
  const structs: Struct[] = []
  let at = clock
  for (let n = 1 + r.int(4); n > 0; n--) {
    const roll = r.next()
    const s: Struct = roll < 0.9 ? item(r, target, pool, earlier) : roll < 0.96 ? { kind: 'gc', len: 1 + r.int(2) } : { kind: 'skip', len: 1 + r.int(2) }
    structs.push(s)
    const len = structLength(s)
    earlier.push({ client, clock: at + len - 1 })
    at += len
  }
  return { client, clock, structs }
}

function deletes(r: Random, pool: Pool, earlier: readonly Id[]): DeleteRanges[] {
  const byClient = new Map<number, [number, number][]>()
  for (let n = r.int(4); n > 0; n--) {
    const at = earlier.length > 0 && r.chance(0.25) ? r.pick(earlier) : r.chance(0.5) ? r.pick(pool.currents) : r.pick(pool.ids)
    const ranges = byClient.get(at.client) ?? []
    ranges.push([Math.max(0, at.clock - (r.chance(0.2) ? 1 : 0)), 1 + (r.chance(0.3) ? r.int(4) : 0)])
    byClient.set(at.client, ranges)
  }
  return [...byClient].map(([client, ranges]) => {
    ranges.sort((a, b) => a[0] - b[0])
    // Mostly as Yjs writes them (sorted, apart); sometimes as they come.
    const tidy = r.chance(0.9) ? ranges.filter((x, i) => i === 0 || x[0] >= ranges[i - 1]![0] + ranges[i - 1]![1]) : ranges
    return { client, ranges: tidy }
  })
}

/** A real update with a few bits, bytes or slices changed. */
function mutate(r: Random, update: Uint8Array): Uint8Array {
  let bytes = Uint8Array.from(update)
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(bytes.length)
    const roll = r.next()
    if (roll < 0.5) bytes[at]! ^= 1 << r.int(8)
    else if (roll < 0.7) bytes[at] = r.int(256)
    else if (roll < 0.85) bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)])
    else bytes = Uint8Array.from([...bytes.subarray(0, at), r.int(256), ...bytes.subarray(at)])
  }
  return bytes
}

export type Kind = 'structs' | 'replace' | 'mutated' | 'honest' | 'deletes'

/** One update against `target`, and what kind of generation made it. */
export function generate(r: Random, target: FuzzDoc): { kind: Kind; update: Uint8Array } {
  const pool = poolOf(target)
  const roll = r.next()
  if (roll < 0.05) return { kind: 'honest', update: r.pick(target.honest) }
  if (roll < 0.2) return { kind: 'mutated', update: mutate(r, r.pick(target.honest)) }
  if (roll < 0.3) return { kind: 'deletes', update: encodeUpdate([], deletes(r, pool, [])) }
  const earlier: Id[] = []
  if (roll < 0.5) {
    // Hole 1's shape: a new item right after the current item of a key.
    const client = r.chance(0.5) ? CLIENTS.own : 7000 + r.int(50)
    const structs: Struct[] = Array.from({ length: 1 + r.int(3) }, () => ({
      kind: 'item' as const,
      origin: r.pick(pool.currents),
      content: r.chance(0.5) ? { kind: 'deleted' as const, len: 1 } : content(r, target),
    }))
    return { kind: 'replace', update: encodeUpdate([{ client, clock: pool.state.get(client) ?? 0, structs }], r.chance(0.3) ? deletes(r, pool, []) : []) }
  }
  const runs: ClientStructs[] = []
  const seen = new Set<number>()
  for (let n = 1 + (r.chance(0.2) ? 1 : 0); n > 0; n--) {
    const built = run(r, target, pool, earlier)
    if (seen.has(built.client) && r.chance(0.9)) continue
    seen.add(built.client)
    runs.push(built)
  }
  return { kind: 'structs', update: encodeUpdate(runs, r.chance(0.35) ? deletes(r, pool, earlier) : []) }
}
