import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { InvalidUpdate } from './invalid'

/**
 * Phase 1 of reading an update: decode it once, and establish what Yjs would do with each
 * struct before anything is placed. An update is refused here when Yjs would not integrate all
 * of it at once (structs or deletes left pending for a later update would escape the guard),
 * or when it would make Yjs throw half-way through.
 */
export type Struct = Y.Item | Y.GC | Y.Skip
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** A struct that brings clocks the doc does not have; `from` is its first new clock. */
export interface Fresh {
  readonly struct: Y.Item | Y.GC
  readonly from: number
}

export interface Decoded {
  /** New structs in the order Yjs integrates them (each after everything it refers to). */
  readonly fresh: readonly Fresh[]
  readonly ds: DeleteSet
  /** Every item of the update that names a root by its name (Yjs creates the root on reading). */
  readonly rootNames: ReadonlySet<string>
  /** The struct holding `id`: in the doc, or new in this update. */
  find(id: Y.ID): { readonly inDoc: boolean; readonly struct: Y.Item | Y.GC }
  /** The doc's clock for `client` before this update. */
  knownOf(client: number): number
  /** The doc's clock for `client` once this update is integrated. */
  endOf(client: number): number
  isDeletedHere(id: Y.ID): boolean
}

/** Clocks beyond this are never honest and would lose precision in arithmetic. */
const MAX_CLOCK = 2 ** 31

function decodeOrThrow(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update)
  } catch {
    throw new InvalidUpdate('malformed', 'cannot decode')
  }
}

/**
 * Yjs writes the deletions of an update per client as sorted ranges that do not overlap. Ranges
 * that overlap or go backwards are never honest, and they are a denial of service: every range
 * walks the structs it covers, in the guard and in Yjs alike.
 */
function checkDeleteRanges(ds: DeleteSet): void {
  for (const ranges of ds.clients.values()) {
    let end = 0
    for (const { clock, len } of ranges) {
      if (clock < end) throw new InvalidUpdate('malformed', 'delete ranges out of order')
      end = clock + len
      if (end > MAX_CLOCK) throw new InvalidUpdate('malformed', 'clock out of range')
    }
  }
}

/**
 * Each client's run of structs. Yjs keeps only the last run of a client listed twice (an empty
 * one too), and the decoded structs do not show where a run ends: so the update must list as
 * many runs as there are changes of client among its structs.
 */
function runsOf(structs: readonly Struct[], listed: number): Map<number, Struct[]> {
  const runs = new Map<number, Struct[]>()
  let current = -1
  for (const s of structs) {
    if (s.length <= 0) throw new InvalidUpdate('malformed', 'empty struct')
    if (s.id.clock + s.length > MAX_CLOCK) throw new InvalidUpdate('malformed', 'clock out of range')
    const { client } = s.id
    if (client !== current) {
      if (runs.has(client)) throw new InvalidUpdate('malformed', 'client listed twice')
      runs.set(client, [])
      current = client
    }
    runs.get(client)!.push(s)
  }
  if (runs.size !== listed) throw new InvalidUpdate('malformed', 'client listed twice or without structs')
  return runs
}

function findIn(list: readonly Struct[] | undefined, clock: number): Struct | null {
  if (!list) return null
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

/** The ids an item refers to: origin, right origin and a parent given by id. */
function refsOf(item: Y.Item): Y.ID[] {
  const refs: Y.ID[] = []
  if (item.origin) refs.push(item.origin)
  if (item.rightOrigin) refs.push(item.rightOrigin)
  if (item.parent instanceof Y.ID) refs.push(item.parent)
  return refs
}

/**
 * The order in which Yjs integrates the structs (it follows references to other clients first).
 * A reference to a struct the doc does not have and the update does not bring, a reference of a
 * client to its own later clocks (Yjs throws on it) or a cycle between clients would leave
 * structs pending or break the integration: refused.
 */
function integrationOrder(runs: Map<number, Struct[]>, known: (client: number) => number): Fresh[] {
  const order: Fresh[] = []
  const state = new Map<number, number>()
  const index = new Map<number, number>()
  const visiting = new Set<number>()
  const stateOf = (client: number) => state.get(client) ?? known(client)
  /** Integrates `client`'s structs up to `untilClock`, each after what it refers to. */
  const advance = (client: number, untilClock: number): void => {
    if (visiting.has(client)) throw new InvalidUpdate('missing', 'cyclic references between clients')
    const run = runs.get(client) ?? []
    visiting.add(client)
    for (let i = index.get(client) ?? 0; i < run.length && run[i]!.id.clock <= untilClock; i++) {
      index.set(client, i + 1)
      integrateOne(run[i]!, client)
    }
    visiting.delete(client)
  }
  const integrateOne = (s: Struct, client: number): void => {
    const have = stateOf(client)
    if (s.id.clock > have) throw new InvalidUpdate('missing', 'gap in client clock')
    const isNew = s.id.clock + s.length > have
    if (s instanceof Y.Skip) {
      if (isNew) throw new InvalidUpdate('missing', 'gap in client clock')
      return
    }
    // Yjs resolves the references of every struct, also of those it already has.
    if (s instanceof Y.Item) {
      for (const ref of refsOf(s)) {
        if (ref.client === client) {
          if (ref.clock >= s.id.clock) throw new InvalidUpdate('missing', 'reference to a later clock of the same client')
        } else if (ref.clock >= stateOf(ref.client)) {
          advance(ref.client, ref.clock)
          if (ref.clock >= stateOf(ref.client)) throw new InvalidUpdate('missing', 'reference to unknown struct')
        }
      }
    }
    if (isNew) {
      order.push({ struct: s, from: Math.max(have, s.id.clock) })
      state.set(client, s.id.clock + s.length)
    }
  }
  for (const client of runs.keys()) advance(client, Number.POSITIVE_INFINITY)
  return order
}

export function decode(doc: Y.Doc, update: Uint8Array): Decoded {
  const { structs, ds } = decodeOrThrow(update)
  checkDeleteRanges(ds)
  const store = doc.store
  const known = (client: number) => Y.getState(store, client)
  const runs = runsOf(structs, decoding.readVarUint(decoding.createDecoder(update)))
  const rootNames = new Set<string>()
  for (const s of structs) if (s instanceof Y.Item && typeof s.parent === 'string') rootNames.add(s.parent)
  const fresh = integrationOrder(runs, known)
  const end = new Map<number, number>()
  for (const { struct } of fresh) end.set(struct.id.client, struct.id.clock + struct.length)
  const endOf = (client: number) => end.get(client) ?? known(client)
  return {
    fresh,
    ds,
    rootNames,
    knownOf: known,
    endOf,
    isDeletedHere: (id) => Y.isDeleted(ds, id),
    find(id) {
      if (id.clock < known(id.client)) return { inDoc: true, struct: Y.getItem(store, id) as Y.Item | Y.GC }
      const struct = id.clock < endOf(id.client) ? findIn(runs.get(id.client), id.clock) : null
      if (!struct || struct instanceof Y.Skip) throw new InvalidUpdate('missing', 'reference to unknown struct')
      return { inDoc: false, struct }
    },
  }
}
