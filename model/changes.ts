import * as Y from 'yjs'
import { DRAFT_KEYS } from './privateDoc'
import { ACTION_KEYS, CLUSTER_KEYS, NOTE_KEYS } from './schema'

/**
 * Reads an incoming Yjs update, before it is applied, into the document-level writes it would
 * make, following a schema of the doc (which roots are maps of plain values and which are maps
 * of entries with fields and one collaborative text). The server guard passes these to
 * `rules.ts`; nothing here decides who may do what.
 *
 * A path names where a struct lands: [root, key, key, …], with null for a position in a text.
 */
type Path = readonly (string | null)[]

/** How one root type of a doc is shaped. */
export type RootShape =
  | { readonly kind: 'values' }
  | { readonly kind: 'entries'; readonly fields: readonly string[]; readonly text: string }

export type DocSchema = Readonly<Record<string, RootShape>>

const values: RootShape = { kind: 'values' }
export const BOARD_SCHEMA: DocSchema = {
  meta: values,
  notes: { kind: 'entries', fields: NOTE_KEYS, text: 'text' },
  clusters: { kind: 'entries', fields: CLUSTER_KEYS, text: 'title' },
  actions: { kind: 'entries', fields: ACTION_KEYS, text: 'what' },
  votes: values,
  progress: values,
  members: values,
}
export const PRIVATE_SCHEMA: DocSchema = {
  drafts: { kind: 'entries', fields: DRAFT_KEYS, text: 'text' },
  ballot: values,
  status: values,
}

export type Write =
  /** A key of a values root set (or removed). */
  | { readonly kind: 'value'; readonly root: string; readonly key: string; readonly value: unknown; readonly deleted: boolean }
  /** An entry created, with the fields the update gives it; `replaces` when the id existed. */
  | {
      readonly kind: 'create'
      readonly root: string
      readonly id: string
      readonly replaces: boolean
      readonly fields: Readonly<Record<string, unknown>>
    }
  /** A field of an existing entry set (or removed). */
  | {
      readonly kind: 'field'
      readonly root: string
      readonly id: string
      readonly key: string
      readonly value: unknown
      readonly deleted: boolean
    }
  /** An entry's text changed; `length` is its length once the update is applied. */
  | { readonly kind: 'text'; readonly root: string; readonly id: string; readonly isNew: boolean; readonly length: number }
  | { readonly kind: 'delete'; readonly root: string; readonly id: string }

export interface UpdateDescription {
  readonly writes: readonly Write[]
  /** Entries per entries root once the update is applied. */
  readonly sizes: Readonly<Record<string, number>>
}

export class InvalidUpdate extends Error {
  constructor(
    /** malformed: not a Yjs update; missing: depends on unknown structs; schema: not our document. */
    readonly code: 'malformed' | 'missing' | 'schema',
    detail: string,
  ) {
    super(`${code}: ${detail}`)
  }
}

type Struct = Y.Item | Y.GC | Y.Skip
const GARBAGE = Symbol('garbage')
interface Resolved {
  readonly path: Path
  /** Shortest path length at which the container chain consists of structs new in this update. */
  readonly firstNew: number
}


function findStruct(list: readonly Struct[] | undefined, clock: number): Struct | null {
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

function typeOf(content: Y.Item['content']): 'map' | 'text' | 'other' {
  if (!(content instanceof Y.ContentType)) return 'other'
  if (content.type.constructor === Y.Map) return 'map'
  if (content.type.constructor === Y.Text) return 'text'
  return 'other'
}

function valueOf(content: Y.Item['content']): unknown {
  if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0]
  if (content instanceof Y.ContentType) return content.type
  return undefined
}

export function describeUpdate(doc: Y.Doc, update: Uint8Array, schema: DocSchema = BOARD_SCHEMA): UpdateDescription {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    throw new InvalidUpdate('malformed', 'cannot decode')
  }
  const store = doc.store
  const known = (client: number) => Y.getState(store, client)

  // New structs, per client, and the check that they continue what the doc has without gaps.
  const fresh = new Map<number, Struct[]>()
  const next = new Map<number, number>()
  for (const s of decoded.structs) {
    const { client, clock } = s.id
    const have = known(client)
    if (clock + s.length <= have) continue
    const expected = next.get(client) ?? have
    if (clock > expected || s instanceof Y.Skip) throw new InvalidUpdate('missing', 'gap in client clock')
    next.set(client, clock + s.length)
    const list = fresh.get(client) ?? []
    list.push(s)
    fresh.set(client, list)
  }

  const lookup = (id: Y.ID): { inDoc: boolean; struct: Struct } => {
    if (id.clock < known(id.client)) return { inDoc: true, struct: Y.getItem(store, id) as Y.Item | Y.GC }
    const struct = findStruct(fresh.get(id.client), id.clock)
    if (!struct) throw new InvalidUpdate('missing', 'reference to unknown struct')
    return { inDoc: false, struct }
  }

  const docTypePath = (type: Y.AbstractType<unknown>): Path => {
    const holder = type._item
    if (holder === null) {
      const name = Y.findRootTypeKey(type)
      return [name]
    }
    return docItemPath(holder)
  }
  const docItemPath = (item: Y.Item): Path => [...docTypePath(item.parent as Y.AbstractType<unknown>), item.parentSub]

  /** The entry's own item (the one in its root) for an item inside that entry. */
  const entryItemOf = (item: Y.Item): Y.Item => {
    let at = item
    for (let holder = (at.parent as Y.AbstractType<unknown>)._item; holder !== null; holder = (at.parent as Y.AbstractType<unknown>)._item)
      at = holder
    return at
  }

  const memo = new Map<Y.Item, Resolved | typeof GARBAGE>()
  const resolve = (item: Y.Item, depth = 0): Resolved | typeof GARBAGE => {
    const cached = memo.get(item)
    if (cached !== undefined) return cached
    if (depth > 64) throw new InvalidUpdate('schema', 'nesting too deep')
    let result: Resolved | typeof GARBAGE
    const parent = item.parent as unknown
    if (typeof parent === 'string') {
      result = { path: [parent, item.parentSub], firstNew: 2 }
    } else if (parent instanceof Y.ID) {
      const found = lookup(parent)
      if (found.struct instanceof Y.GC) result = GARBAGE
      else if (!(found.struct instanceof Y.Item) || !(found.struct.content instanceof Y.ContentType))
        throw new InvalidUpdate('schema', 'parent is not a type')
      else if (found.inDoc) {
        const path = [...docItemPath(found.struct), item.parentSub]
        result = { path, firstNew: path.length }
      } else {
        const p = resolve(found.struct, depth + 1)
        result = p === GARBAGE ? GARBAGE : { path: [...p.path, item.parentSub], firstNew: p.firstNew }
      }
    } else {
      const ref = item.origin ?? item.rightOrigin
      if (ref === null) throw new InvalidUpdate('malformed', 'item without parent')
      const found = lookup(ref)
      if (!(found.struct instanceof Y.Item)) result = GARBAGE
      else if (found.inDoc) {
        const path = docItemPath(found.struct)
        result = { path, firstNew: path.length }
      } else {
        const sibling = resolve(found.struct, depth + 1)
        result = sibling === GARBAGE ? GARBAGE : { path: sibling.path, firstNew: Math.min(sibling.firstNew, sibling.path.length) }
      }
    }
    memo.set(item, result)
    return result
  }

  const writes: Write[] = []
  const shapeOf = (root: unknown): RootShape => {
    const shape = typeof root === 'string' ? schema[root] : undefined
    if (!shape) throw new InvalidUpdate('schema', 'unknown root')
    return shape
  }
  const entriesOf = (root: string) => doc.getMap<Y.Map<unknown>>(root)
  const created = new Map<string, { root: string; id: string; fields: Record<string, unknown> }>()
  const textDelta = new Map<string, { root: string; id: string; delta: number }>()
  const entryKeyOf = (root: string, id: string) => `${root}\u0000${id}`
  const addText = (root: string, id: string, delta: number) => {
    const k = entryKeyOf(root, id)
    const t = textDelta.get(k) ?? { root, id, delta: 0 }
    t.delta += delta
    textDelta.set(k, t)
  }
  const deletedHere = (struct: Struct) => Y.isDeleted(decoded.ds, struct.id)
  // Map entries this update sets. Setting a key also deletes its previous value in the same
  // update; that delete is part of the overwrite, not a removal of the key.
  const overwritten = new Set<string>()
  const pathKey = (path: Path) => JSON.stringify(path)

  for (const [client, list] of fresh) {
    for (const s of list) {
      if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue
      const r = resolve(s)
      if (r === GARBAGE) continue
      const [root, key, field, position, ...rest] = r.path
      const shape = shapeOf(root)
      if (typeof root !== 'string' || typeof key !== 'string') throw new InvalidUpdate('schema', 'root is not a map')
      const newPart = s.length - Math.max(0, known(client) - s.id.clock)
      if (typeof r.path[r.path.length - 1] === 'string' && !deletedHere(s)) overwritten.add(pathKey(r.path))
      if (shape.kind === 'values') {
        if (r.path.length !== 2 || !(s.content instanceof Y.ContentAny)) throw new InvalidUpdate('schema', 'value')
        writes.push({ kind: 'value', root, key, value: valueOf(s.content), deleted: false })
        continue
      }
      const entryIsNew = r.firstNew <= 2
      if (r.path.length === 2) {
        if (typeOf(s.content) !== 'map') throw new InvalidUpdate('schema', 'entry is not a map')
        const k = entryKeyOf(root, key)
        created.set(k, created.get(k) ?? { root, id: key, fields: {} })
      } else if (typeof field !== 'string' || !shape.fields.includes(field)) {
        throw new InvalidUpdate('schema', 'unknown field')
      } else if (r.path.length === 3) {
        const isText = typeOf(s.content) === 'text'
        if ((field === shape.text) !== isText || (!isText && !(s.content instanceof Y.ContentAny)))
          throw new InvalidUpdate('schema', 'field type')
        if (entryIsNew) {
          const k = entryKeyOf(root, key)
          const entry = created.get(k) ?? { root, id: key, fields: {} }
          entry.fields[field] = valueOf(s.content)
          created.set(k, entry)
        } else {
          writes.push({ kind: 'field', root, id: key, key: field, value: valueOf(s.content), deleted: false })
        }
      } else if (field === shape.text && position === null && rest.length === 0) {
        if (!(s.content instanceof Y.ContentString)) throw new InvalidUpdate('schema', 'text content')
        addText(root, key, newPart)
      } else {
        throw new InvalidUpdate('schema', 'path')
      }
    }
  }

  // Deletions: only of structs that are visible now; repeated deletes are no-ops.
  for (const [client, ranges] of decoded.ds.clients) {
    const have = known(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (end > have && end > (next.get(client) ?? have)) throw new InvalidUpdate('missing', 'delete of unknown struct')
      let at = clock
      while (at < end) {
        const { inDoc, struct } = lookup(Y.createID(client, at))
        const overlap = Math.min(end, struct.id.clock + struct.length) - at
        at += Math.max(overlap, 1)
        if (!(struct instanceof Y.Item)) continue
        if (!inDoc) {
          // Only text counted above: a struct that arrives already deleted (ContentDeleted) added nothing.
          if (!struct.countable) continue
          const r = resolve(struct)
          const [root, id, field] = r === GARBAGE ? [] : r.path
          if (r !== GARBAGE && r.path.length === 4 && typeof root === 'string' && typeof id === 'string') {
            const shape = schema[root]
            if (shape?.kind === 'entries' && field === shape.text) addText(root, id, -overlap)
          }
          continue
        }
        if (struct.deleted) continue
        const path = docItemPath(struct)
        if (path.length >= 2 && typeof path[path.length - 1] === 'string' && overwritten.has(pathKey(path))) continue
        // Deleting an entry deletes its fields and text with it; the delete write covers them.
        if (path.length > 2 && deletedHere(entryItemOf(struct))) continue
        const [root, key, field] = path
        const shape = shapeOf(root)
        if (typeof root !== 'string' || typeof key !== 'string') throw new InvalidUpdate('schema', 'delete outside a map')
        if (shape.kind === 'values') writes.push({ kind: 'value', root, key, value: undefined, deleted: true })
        else if (path.length === 2) writes.push({ kind: 'delete', root, id: key })
        else if (path.length === 3) writes.push({ kind: 'field', root, id: key, key: String(field), value: undefined, deleted: true })
        else addText(root, key, struct.countable ? -overlap : 0)
      }
    }
  }

  for (const { root, id, fields } of created.values()) {
    writes.push({ kind: 'create', root, id, replaces: entriesOf(root).has(id), fields })
  }
  // Resulting text lengths, one text write per entry.
  for (const [k, { root, id, delta }] of textDelta) {
    const isNew = created.has(k)
    const text = isNew ? null : entriesOf(root).get(id)?.get(schema[root]?.kind === 'entries' ? (schema[root] as { text: string }).text : '')
    const base = text instanceof Y.Text ? text.length : 0
    writes.push({ kind: 'text', root, id, isNew, length: base + delta })
  }
  const sizes: Record<string, number> = {}
  for (const [root, shape] of Object.entries(schema)) {
    if (shape.kind !== 'entries') continue
    let size = entriesOf(root).size
    for (const c of created.values()) if (c.root === root && !entriesOf(root).has(c.id)) size++
    sizes[root] = size
  }
  return { writes, sizes }
}
