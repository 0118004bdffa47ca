import { generateKeyBetween } from 'fractional-indexing'

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
  // Alphanumeric is not enough: one malformed key in a zone makes every later orderBetween
  // there throw, so nobody could add or move notes in it. Let the library validate it.
  try {
    generateKeyBetween(value, null)
    return true
  } catch {
    return false
  }
}
