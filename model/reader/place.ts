import * as Y from 'yjs'
import type { Decoded } from './decode'
import type { DocSchema } from './docSchema'
import { InvalidUpdate } from './invalid'

/**
 * Phase 2: where each new item lands, decided the way Yjs decides it (`Item.getMissing`): next
 * to its origin (else its right origin) and in that one's parent under that one's key, or in the
 * parent it names. An item next to garbage, or in a type that was garbage-collected, becomes
 * garbage itself and changes nothing. Every other item must fit the doc's schema exactly: the
 * right kind of content, of the right length, at a known root, key and field.
 *
 * A path names the place: [root, key], [root, id, field] or [root, id, textField, null].
 */
export type Path = readonly (string | null)[]

/** The parent type an item lands in: a root (by name) or the item holding a nested type. */
export interface Place {
  /** Identity of the parent type: `root:<name>` or `item:<client>:<clock>`. */
  readonly parentKey: string
  /** The item holding the parent type; null for a root. */
  readonly parentItem: Y.Item | null
  readonly sub: string | null
  readonly path: Path
}

export interface Placed extends Place {
  readonly item: Y.Item
  /** First clock of the item that is new. */
  readonly from: number
}

const GARBAGE = 'garbage' as const
type Where = Place | typeof GARBAGE

const idKey = (id: Y.ID) => `item:${id.client}:${id.clock}`

/** Places of items already in the doc, memoised per update. */
function docPlaces() {
  const memo = new Map<Y.Item, Place>()
  const typePath = (type: Y.AbstractType<unknown>): Path => (type._item ? placeOfDocItem(type._item).path : [Y.findRootTypeKey(type)])
  const placeOfDocItem = (item: Y.Item): Place => {
    const cached = memo.get(item)
    if (cached) return cached
    const type = item.parent as Y.AbstractType<unknown>
    const holder = type._item
    const place: Place = {
      parentKey: holder ? idKey(holder.id) : `root:${Y.findRootTypeKey(type)}`,
      parentItem: holder,
      sub: item.parentSub,
      path: [...typePath(type), item.parentSub],
    }
    memo.set(item, place)
    return place
  }
  return placeOfDocItem
}

function samePlace(a: Place, b: Place): boolean {
  return a.parentKey === b.parentKey && a.sub === b.sub
}

/** The kind of type an item's content holds: 'map', 'text', another type, or null for no type. */
function typeKind(content: Y.Item['content']): 'map' | 'text' | 'other' | null {
  if (!(content instanceof Y.ContentType)) return null
  if (content.type.constructor === Y.Map) return 'map'
  if (content.type.constructor === Y.Text) return 'text'
  return 'other'
}

const isSingle = (content: Y.Item['content'], kind: typeof Y.ContentAny | typeof Y.ContentDeleted) =>
  content instanceof kind && content.getLength() === 1

/** Whether `content` may stand at `path` in a doc of `schema`; throws what does not fit. */
export function checkShape(schema: DocSchema, path: Path, content: Y.Item['content']): void {
  const [root, key, field, position] = path
  const shape = typeof root === 'string' ? schema[root] : undefined
  if (!shape) throw new InvalidUpdate('schema', 'unknown root')
  if (typeof key !== 'string') throw new InvalidUpdate('schema', 'root is not a map')
  const deleted = isSingle(content, Y.ContentDeleted)
  if (shape.kind === 'values') {
    if (path.length !== 2 || !(deleted || isSingle(content, Y.ContentAny))) throw new InvalidUpdate('schema', 'value')
    return
  }
  if (path.length === 2) {
    if (!deleted && typeKind(content) !== 'map') throw new InvalidUpdate('schema', 'entry is not a map')
  } else if (typeof field !== 'string' || !shape.fields.includes(field)) {
    throw new InvalidUpdate('schema', 'unknown field')
  } else if (path.length === 3) {
    const fits = field === shape.text ? typeKind(content) === 'text' : isSingle(content, Y.ContentAny)
    if (!deleted && !fits) throw new InvalidUpdate('schema', 'field type')
  } else if (path.length !== 4 || field !== shape.text || position !== null) {
    throw new InvalidUpdate('schema', 'path')
  } else if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) {
    throw new InvalidUpdate('schema', 'text content')
  }
}

/**
 * Places every new item of the update (in integration order, so what an item refers to is
 * placed before it) and checks its shape. Garbage is left out: it changes nothing.
 */
export function placeItems(decoded: Decoded, schema: DocSchema): { placed: Placed[]; placeOfDocItem: (item: Y.Item) => Place } {
  const placeOfDocItem = docPlaces()
  const placed: Placed[] = []
  const where = new Map<Y.Item, Where>()
  const whereIs = (id: Y.ID): Where => {
    const { inDoc, struct } = decoded.find(id)
    if (struct instanceof Y.GC) return GARBAGE
    if (inDoc) return placeOfDocItem(struct)
    const w = where.get(struct)
    if (!w) throw new InvalidUpdate('missing', 'reference to a struct integrated later')
    return w
  }
  const parentPlace = (parent: string | Y.ID | null, sub: string | null): Where => {
    if (typeof parent === 'string') {
      if (!(parent in schema)) throw new InvalidUpdate('schema', 'unknown root')
      return { parentKey: `root:${parent}`, parentItem: null, sub, path: [parent, sub] }
    }
    if (!(parent instanceof Y.ID)) throw new InvalidUpdate('malformed', 'item without parent')
    const { inDoc, struct } = decoded.find(parent)
    if (struct instanceof Y.GC || struct.content instanceof Y.ContentDeleted) return GARBAGE
    if (!(struct.content instanceof Y.ContentType)) throw new InvalidUpdate('schema', 'parent is not a type')
    const holder = inDoc ? placeOfDocItem(struct) : where.get(struct)
    if (!holder) throw new InvalidUpdate('missing', 'reference to a struct integrated later')
    if (holder === GARBAGE) return GARBAGE
    return { parentKey: idKey(struct.id), parentItem: struct, sub, path: [...holder.path, sub] }
  }
  const locate = (item: Y.Item): Where => {
    const left = item.origin ? whereIs(item.origin) : null
    const right = item.rightOrigin ? whereIs(item.rightOrigin) : null
    if (left === GARBAGE || right === GARBAGE) return GARBAGE
    if (left && right && !samePlace(left, right)) throw new InvalidUpdate('schema', 'origins in different places')
    const sibling = left ?? right
    if (sibling) return sibling
    return parentPlace(item.parent as unknown as string | Y.ID | null, item.parentSub)
  }
  for (const { struct, from } of decoded.fresh) {
    if (!(struct instanceof Y.Item)) continue
    const w = locate(struct)
    where.set(struct, w)
    if (w === GARBAGE) continue
    if (from > struct.id.clock) checkContinuation(decoded, struct, from, w, placeOfDocItem)
    checkParentType(w)
    checkShape(schema, w.path, struct.content)
    placed.push({ ...w, item: struct, from })
  }
  for (const name of decoded.rootNames) if (!(name in schema)) throw new InvalidUpdate('schema', 'unknown root')
  return { placed, placeOfDocItem }
}

/** A map key sits in a map, a text position in a text (roots are maps). */
function checkParentType(place: Place): void {
  if (place.parentItem === null) return
  const kind = typeKind(place.parentItem.content)
  if (kind !== (place.sub === null ? 'text' : 'map')) throw new InvalidUpdate('schema', 'parent type')
}

/**
 * A struct the doc has in part: Yjs attaches its new part to the doc's item before it, whatever
 * the struct names, so that item must stand in the same place.
 */
function checkContinuation(decoded: Decoded, item: Y.Item, from: number, place: Place, placeOfDocItem: (item: Y.Item) => Place): void {
  const { struct } = decoded.find(Y.createID(item.id.client, from - 1))
  if (!(struct instanceof Y.Item) || !samePlace(placeOfDocItem(struct), place)) throw new InvalidUpdate('schema', 'partial struct elsewhere')
}
