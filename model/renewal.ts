import * as Y from 'yjs'
import { actionsOf, clustersOf, metaOf, notesOf } from './schema'
import { replaceText } from './text'

/**
 * Renewing entries: how a long-lived board stays small.
 *
 * Every value a note, cluster or action ever held stays in the doc as a deleted item, because a
 * later change may name it as its origin; a board whose 500 notes were moved 100,000 times holds
 * 117,000 of them (1.1 MB), and every client decodes them all on its first sync. When a map is
 * itself replaced, its items become garbage that Yjs drops and merges. So the server, while
 * nobody is connected, replaces each entry that has piled up overwritten values by a fresh copy
 * (same id, same values, text as text) and writes down, in `meta.renewedAt`, the state vector it
 * renewed at (every struct in it was in the copy) and which structs each copied text was made of.
 *
 * A change made to an old copy that the server had not seen (a client offline, or one in flight)
 * lands in a replaced map and would vanish on every peer alike. So each client, when a renewal
 * reaches it, carries over what only it knew (`keepUnsentAcrossRenewals`): a field whose current
 * value the server had not seen, a field it removed, the letters it typed or removed. Clients see
 * the same result as if nothing had been renewed, except where the server changed the same field
 * in the meantime: there the client's own value wins.
 */

/** Overwritten values an entry must hold before it is renewed. */
const RENEW_ENTRY_AT = 16
/** Overwritten values the whole board must hold before anything is renewed (a renewal resends its entries). */
const RENEW_BOARD_AT = 1000

/** The roots whose entries are renewed: maps of id -> Y.Map of fields, at most one of them a Y.Text. */
const ENTRY_ROOTS = [
  ['notes', notesOf],
  ['clusters', clustersOf],
  ['actions', actionsOf],
] as const

/** Values a map's keys held before their current ones (the chain of each key, current excluded). */
function overwrittenValues(map: Y.Map<unknown>): number {
  let count = 0
  for (const current of map._map.values()) {
    for (let item = current.left; item; item = item.left) count++
  }
  return count
}

/** Overwritten values of all renewable entries of a board. */
export function boardOverwrittenValues(doc: Y.Doc): number {
  let count = 0
  for (const [, root] of ENTRY_ROOTS) root(doc).forEach((entry) => (count += overwrittenValues(entry)))
  return count
}

function copyValue(value: unknown): unknown {
  return value instanceof Y.Text ? new Y.Text(value.toString()) : value
}

/** Whether every field is a plain value or a text (the schema's shapes): only such entries are copied. */
function isRenewable(entry: Y.Map<unknown>): boolean {
  return [...entry.values()].every((value) => value instanceof Y.Text || !(value instanceof Y.AbstractType))
}

/** A text's letters as runs of structs in document order: [client, first clock, length]. */
type Run = readonly [number, number, number]

/** A renewed text: the first struct of its copy ([client, clock]) and the runs of old structs the copy was made of. */
interface RenewedText {
  readonly copy: readonly [number, number]
  readonly runs: readonly Run[]
}

/** The last renewal as the server wrote it: its state vector, and how it copied each text. */
export interface Renewal {
  readonly vector: Map<number, number>
  /** `<root>/<id>` -> the entry's text (notes' text, clusters' title, actions' what). */
  readonly texts: Readonly<Record<string, RenewedText>>
}

/** The live structs of a text, as runs in document order. */
function runsOf(text: Y.Text): Run[] {
  const runs: [number, number, number][] = []
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue
    const last = runs.at(-1)
    if (last && last[0] === item.id.client && last[1] + last[2] === item.id.clock) last[2] += item.length
    else runs.push([item.id.client, item.id.clock, item.length])
  }
  return runs
}

/**
 * Replaces every entry holding at least `entryAt` overwritten values by a fresh copy, when the
 * board holds at least `boardAt` of them; returns how many entries it renewed. For the server,
 * while nobody is connected: a client that is connected and up to date loses nothing either
 * (see `keepUnsentAcrossRenewals`), but its undo history of those entries ends.
 */
export function renewEntries(doc: Y.Doc, origin: unknown, entryAt = RENEW_ENTRY_AT, boardAt = RENEW_BOARD_AT): number {
  if (boardOverwrittenValues(doc) < boardAt) return 0
  const vector = Y.encodeStateVector(doc)
  const texts: Record<string, RenewedText> = {}
  let renewed = 0
  doc.transact(() => {
    for (const [name, root] of ENTRY_ROOTS) {
      const entries = root(doc)
      for (const [id, entry] of [...entries.entries()]) {
        if (overwrittenValues(entry) < entryAt || !isRenewable(entry)) continue
        const fresh = new Y.Map<unknown>()
        const copied: [Run[], Y.Text][] = []
        for (const [key, value] of entry.entries()) {
          const copy = fresh.set(key, copyValue(value))
          // Read before the old entry goes: replacing it deletes its letters.
          if (value instanceof Y.Text) copied.push([runsOf(value), copy as Y.Text])
        }
        entries.set(id, fresh)
        for (const [runs, copy] of copied) {
          if (copy._start) texts[`${name}/${id}`] = { copy: [copy._start.id.client, copy._start.id.clock], runs }
        }
        renewed++
      }
    }
    if (renewed > 0) metaOf(doc).set('renewedAt', JSON.stringify({ vector: encodeVector(vector), texts }))
  }, origin)
  return renewed
}

function encodeVector(vector: Uint8Array): string {
  let binary = ''
  for (const byte of vector) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function isNumbers(value: unknown, length: number): boolean {
  return Array.isArray(value) && value.length === length && value.every((n) => Number.isSafeInteger(n) && n >= 0)
}

function isRenewedText(value: unknown): value is RenewedText {
  const text = value as Partial<RenewedText> | null
  return typeof text === 'object' && text !== null && isNumbers(text.copy, 2) && Array.isArray(text.runs) && text.runs.every((run) => isNumbers(run, 3))
}

/** The last renewal, or null (none, or not readable). */
export function lastRenewal(doc: Y.Doc): Renewal | null {
  const value = metaOf(doc).get('renewedAt')
  if (typeof value !== 'string') return null
  try {
    const parsed = JSON.parse(value) as { vector?: unknown; texts?: unknown }
    if (typeof parsed.vector !== 'string' || typeof parsed.texts !== 'object' || parsed.texts === null) return null
    const texts = parsed.texts as Record<string, unknown>
    if (!Object.values(texts).every(isRenewedText)) return null
    const vector = Y.decodeStateVector(Uint8Array.from(atob(parsed.vector), (c) => c.charCodeAt(0)))
    return { vector, texts: texts as Record<string, RenewedText> }
  } catch {
    return null
  }
}

/** What a client needs to tell its own unsent work from what the server renewed. */
interface Seen {
  /** Whether the server had this struct when it renewed. */
  readonly known: (id: Y.ID) => boolean
  /** Whether the struct was deleted before the transaction that brought the renewal. */
  readonly deletedBefore: (item: Y.Item) => boolean
}

function seenBy(vector: Map<number, number>, transaction: Y.Transaction): Seen {
  return {
    known: (id) => id.clock < (vector.get(id.client) ?? 0),
    deletedBefore: (item) => item.deleted && !Y.isDeleted(transaction.deleteSet, item.id),
  }
}

function lastContent(item: Y.Item): unknown {
  return item.content.getContent().at(-1)
}

/** Where each struct of the server's letters sits in its text: `client` -> [clock, offset, length] runs. */
function offsetsOf(runs: readonly Run[]): (client: number, clock: number) => number | null {
  const byClient = new Map<number, [number, number, number][]>()
  let offset = 0
  for (const [client, clock, length] of runs) {
    const list = byClient.get(client) ?? []
    list.push([clock, offset, length])
    byClient.set(client, list)
    offset += length
  }
  return (client, clock) => {
    for (const [from, at, length] of byClient.get(client) ?? []) if (clock >= from && clock < from + length) return at + clock - from
    return null
  }
}

/** What this client did to a renewed text's letters: offsets of the copy it removed, and what it typed after which. */
interface TextWork {
  readonly removed: ReadonlySet<number>
  /** Typed letters by the copy's offset of the letter before them (-1: at the start). */
  readonly typed: ReadonlyMap<number, string>
}

function textWork(old: Y.Text, runs: readonly Run[], seen: Seen): TextWork {
  const offsetOf = offsetsOf(runs)
  const removed = new Set<number>()
  const typed = new Map<number, string>()
  let anchor = -1
  for (let item = old._start; item; item = item.right) {
    if (!seen.known(item.id)) {
      if (!seen.deletedBefore(item) && item.content instanceof Y.ContentString) typed.set(anchor, (typed.get(anchor) ?? '') + item.content.str)
      continue
    }
    for (let i = 0; i < item.length; i++) {
      const at = offsetOf(item.id.client, item.id.clock + i)
      if (at === null) continue
      anchor = at
      if (seen.deletedBefore(item)) removed.add(at)
    }
  }
  return { removed, typed }
}

/** Where each letter of the copy is in the text now (its index) and whether it is still there. */
function copyPlaces(text: Y.Text, copy: readonly [number, number]): Map<number, { readonly index: number; readonly live: boolean }> {
  const places = new Map<number, { index: number; live: boolean }>()
  let index = 0
  for (let item = text._start; item; item = item.right) {
    const live = !item.deleted && item.countable
    if (item.id.client === copy[0]) {
      for (let i = 0; i < item.length; i++) {
        const offset = item.id.clock + i - copy[1]
        if (offset >= 0) places.set(offset, { index: index + (live ? i : 0), live })
      }
    }
    if (live) index += item.length
  }
  return places
}

/**
 * Does to the renewed copy of a text what this client did to the old one: removes the letters
 * it removed and types its letters after the letter they followed, around whatever others
 * changed in the copy since (letters the server had that this client never saw stay).
 */
function carryText(old: Y.Text, fresh: Y.Text, renewed: RenewedText, seen: Seen): void {
  const { removed, typed } = textWork(old, renewed.runs, seen)
  if (removed.size === 0 && typed.size === 0) return
  const places = copyPlaces(fresh, renewed.copy)
  const edits: { readonly index: number; readonly insert?: string }[] = []
  for (const offset of removed) {
    const place = places.get(offset)
    if (place?.live) edits.push({ index: place.index })
  }
  for (const [offset, letters] of typed) {
    const place = offset < 0 ? places.get(0) : places.get(offset)
    const index = !place ? fresh.length : offset < 0 ? place.index : place.index + (place.live ? 1 : 0)
    edits.push({ index, insert: letters })
  }
  // From the end, so that each index still holds; at one index the removal first.
  edits.sort((a, b) => b.index - a.index || (a.insert === undefined ? -1 : 1))
  for (const edit of edits) {
    if (edit.insert === undefined) fresh.delete(edit.index, 1)
    else fresh.insert(edit.index, edit.insert)
  }
}

/**
 * Puts into `fresh` (the server's copy) what only this client had in `old`; `renewed` tells how
 * the server copied its text. Call inside a transaction.
 */
function carryOver(old: Y.Map<unknown>, fresh: Y.Map<unknown>, renewed: RenewedText | undefined, seen: Seen): void {
  for (const [key, current] of old._map) {
    const value = lastContent(current)
    if (!seen.known(current.id)) {
      // A value the server never saw: mine, set (or set and removed again) while it renewed.
      if (seen.deletedBefore(current)) fresh.delete(key)
      else if (value instanceof Y.Text) replaceText(ensureText(fresh, key), value.toString())
      else if (!(value instanceof Y.AbstractType)) fresh.set(key, value)
    } else if (seen.deletedBefore(current)) {
      // The server copied a value this client had removed without telling it yet.
      if (fresh.has(key)) fresh.delete(key)
    } else if (value instanceof Y.Text) {
      // Without the runs (a renewal renewed again before this client came back) the server's copy stays.
      const now = fresh.get(key)
      if (now instanceof Y.Text && renewed) carryText(value, now, renewed, seen)
    }
  }
}

function ensureText(map: Y.Map<unknown>, key: string): Y.Text {
  const now = map.get(key)
  if (now instanceof Y.Text) return now
  return map.set(key, new Y.Text())
}

/** Origin of the transactions that carry a client's work over a renewal. */
export const CARRIED = Symbol('ballonfahrt-carried')

/**
 * For clients: when a renewal arrives, what this client had not yet sent of the renewed
 * entries is written into their fresh copies (it is sent like any change). Returns the stop.
 */
export function keepUnsentAcrossRenewals(doc: Y.Doc): () => void {
  const stops = ENTRY_ROOTS.map(([name, root]) => {
    const entries = root(doc)
    const onChange = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
      if (transaction.local) return
      const renewed: [string, Y.Map<unknown>, Y.Map<unknown>][] = []
      for (const [id, change] of event.changes.keys) {
        const fresh = entries.get(id)
        if (change.action === 'update' && change.oldValue instanceof Y.Map && fresh instanceof Y.Map) renewed.push([id, change.oldValue, fresh])
      }
      const renewal = renewed.length > 0 ? lastRenewal(doc) : null
      if (!renewal) return
      const seen = seenBy(renewal.vector, transaction)
      doc.transact(() => renewed.forEach(([id, old, fresh]) => carryOver(old, fresh, renewal.texts[`${name}/${id}`], seen)), CARRIED)
    }
    entries.observe(onChange)
    return () => entries.unobserve(onChange)
  })
  return () => stops.forEach((stop) => stop())
}
