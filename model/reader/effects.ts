import * as Y from 'yjs'
import type { Decoded } from './decode'
import { InvalidUpdate } from './invalid'
import type { Path, Place, Placed } from './place'

/**
 * Phases 3 and 4: what integrating the placed items and applying the delete set does to each map
 * key and each text.
 *
 * A map key's value is its rightmost item; a new item that ends up rightmost replaces (deletes)
 * the one before. Which new item ends up rightmost is certain when the new items of a key form one
 * chain from the key's current item, each following the one before (what every honest client
 * sends); otherwise each of them that no other follows may end up rightmost, and the key's
 * current item may stay. Every possible outcome is reported.
 */
export interface Final {
  readonly item: Y.Item
  /** Not deleted once the update is applied (not ContentDeleted, not in its delete set). */
  readonly live: boolean
}

export interface KeyOutcome extends Place {
  /** The key's item in the doc now (the rightmost, deleted or not); null in a new parent. */
  readonly current: Y.Item | null
  readonly currentLive: boolean
  /** Items that may be the key's item once applied; one when certain. */
  readonly finals: readonly Final[]
  /** The single final certainly replaces `current`. */
  readonly certain: boolean
}

/** A removal of a key's live item in the doc by the delete set. */
export interface Removal {
  readonly place: Place
  readonly item: Y.Item
}

export interface TextChange {
  readonly path: Path
  /** The item holding the text type. */
  readonly textItem: Y.Item
  readonly isNew: boolean
  /** Characters added minus characters removed. */
  delta: number
}

const sameId = (a: Y.ID | null, b: Y.ID) => a !== null && a.client === b.client && a.clock === b.clock
const lastId = (item: Y.Item) => Y.createID(item.id.client, item.id.clock + item.length - 1)

function currentOf(place: Place, doc: Y.Doc): Y.Item | null {
  const type = place.parentItem
    ? place.parentItem.content instanceof Y.ContentType && place.parentItem.id.clock < Y.getState(doc.store, place.parentItem.id.client)
      ? place.parentItem.content.type
      : null
    : doc.share.get(place.path[0] as string)
  return type?._map.get(place.sub as string) ?? null
}

/** Whether the group's items form one chain that starts at the key's current item. */
function isChain(items: readonly Placed[], current: Y.Item | null): boolean {
  let previous: Y.Item | null = current
  for (const { item } of items) {
    if (item.rightOrigin !== null) return false
    if (previous === null ? item.origin !== null : !sameId(item.origin, lastId(previous))) return false
    previous = item
  }
  return true
}

/** Phase 3: the outcome of every map key that new items land on. */
export function keyOutcomes(placed: readonly Placed[], decoded: Decoded, doc: Y.Doc): KeyOutcome[] {
  const groups = new Map<string, Placed[]>()
  for (const p of placed) {
    if (p.sub === null) continue
    const k = `${p.parentKey}\u0000${p.sub}`
    const group = groups.get(k) ?? []
    group.push(p)
    groups.set(k, group)
  }
  const isLive = (item: Y.Item) => !(item.content instanceof Y.ContentDeleted) && !decoded.isDeletedHere(item.id)
  return [...groups.values()].map((items) => {
    const first = items[0]!
    const current = currentOf(first, doc)
    const followed = new Set(items.filter((p) => p.item.origin).map((p) => `${p.item.origin!.client}:${p.item.origin!.clock}`))
    const open = items.filter(({ item }) => !followed.has(`${item.id.client}:${item.id.clock}`))
    const certain = open.length === 1 && isChain(items, current)
    return {
      parentKey: first.parentKey,
      parentItem: first.parentItem,
      sub: first.sub,
      path: first.path,
      current,
      currentLive: current !== null && !current.deleted,
      finals: open.map(({ item }) => ({ item, live: isLive(item) })),
      certain,
    }
  })
}

/** Index of the first of `ranges` (sorted, apart) that ends after `clock`. */
function firstEndingAfter(ranges: readonly { clock: number; len: number }[], clock: number): number {
  let lo = 0
  let hi = ranges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ranges[mid]!.clock + ranges[mid]!.len <= clock) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Characters of `item` from `from` on that the delete set leaves. Only the ranges that overlap
 * are visited (found by bisection), so many items and many ranges of one client cost no more
 * than their sum.
 */
function liveLength(item: Y.Item, from: number, decoded: Decoded): number {
  if (!(item.content instanceof Y.ContentString)) return 0
  const end = item.id.clock + item.length
  const ranges = decoded.ds.clients.get(item.id.client) ?? []
  let removed = 0
  for (let i = firstEndingAfter(ranges, from); i < ranges.length && ranges[i]!.clock < end; i++) {
    const { clock, len } = ranges[i]!
    removed += Math.min(end, clock + len) - Math.max(from, clock)
  }
  return end - from - removed
}

/**
 * Phase 4: the delete set. Deleting an item the doc holds live removes a key's value or text
 * from a text; anything else it could delete is not part of our documents. Returns the removals
 * and every text change, new characters included.
 */
export function deletions(
  placed: readonly Placed[],
  decoded: Decoded,
  placeOfDocItem: (item: Y.Item) => Place,
): { removals: Removal[]; texts: Map<string, TextChange> } {
  const texts = new Map<string, TextChange>()
  const textOf = (place: Place, inDoc: boolean): TextChange => {
    const holder = place.parentItem!
    const k = `${holder.id.client}:${holder.id.clock}`
    const found = texts.get(k) ?? { path: place.path, textItem: holder, isNew: !inDoc, delta: 0 }
    texts.set(k, found)
    return found
  }
  for (const p of placed) if (p.sub === null) textOf(p, p.parentItem!.id.clock < decoded.knownOf(p.parentItem!.id.client)).delta += liveLength(p.item, p.from, decoded)
  const removals: Removal[] = []
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (end > decoded.endOf(client)) throw new InvalidUpdate('missing', 'delete of unknown struct')
      for (let at = clock; at < end; ) {
        const { inDoc, struct } = decoded.find(Y.createID(client, at))
        const overlap = Math.min(end, struct.id.clock + struct.length) - at
        at += overlap
        if (!inDoc || !(struct instanceof Y.Item) || struct.deleted) continue
        const place = placeOfDocItem(struct)
        if (place.sub !== null) removals.push({ place, item: struct })
        else if (place.parentItem?.content instanceof Y.ContentType && place.parentItem.content.type instanceof Y.Text)
          textOf(place, true).delta -= struct.countable ? overlap : 0
        else throw new InvalidUpdate('schema', 'delete outside a map or text')
      }
    }
  }
  return { removals, texts }
}
