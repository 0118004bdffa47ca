import { generateKeyBetween } from 'fractional-indexing'
import type * as Y from 'yjs'

/**
 * Order inside a zone is a fractional index (a string): a move writes one key and never
 * renumbers others, so concurrent moves cannot conflict. Equal keys (two people appending at
 * once) are ordered by id.
 */
export function orderBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after)
}

export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A valid order key as written by orderBetween (guards against hostile values). */
export function isOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9]+$/.test(value)) return false
  try {
    // Alphanumeric is not enough (the library checks only the integer part's characters): one
    // malformed key in a zone makes every later orderBetween there throw. Let the library validate it.
    generateKeyBetween(value, null)
    return true
  } catch {
    return false
  }
}

interface Sortable {
  readonly id: string
  readonly order: string
}

/**
 * The order key that places an entry (note or cluster) of `entries` in `zone` before
 * `beforeId`, or at the end when it is null.
 */
export function orderInZone(entries: Y.Map<Y.Map<unknown>>, zone: string, beforeId: string | null, except?: string): string {
  const list: Sortable[] = []
  entries.forEach((entry, id) => {
    const order = entry.get('order')
    // An entry can lack a valid key for a while: Yjs applies a move's delete of the old key even
    // when the new key still waits for earlier updates. orderBetween would throw on it.
    if (id !== except && entry.get('zone') === zone && isOrderKey(order)) list.push({ id, order })
  })
  list.sort(compareOrder)
  const index = beforeId === null ? -1 : list.findIndex((n) => n.id === beforeId)
  const after = index === -1 ? null : (list[index]?.order ?? null)
  const before = list[(index === -1 ? list.length : index) - 1]?.order ?? null
  // Equal neighbour keys (concurrent appends) leave no room between them: go past the tie.
  if (before !== null && after !== null && before >= after) {
    const next = list.find((n) => n.order > before)?.order ?? null
    return orderBetween(before, next)
  }
  return orderBetween(before, after)
}
