import * as Y from 'yjs'
import type { NoteId } from './ids'
import { NOTE_KEYS, ROOTS, notesOf } from './schema'
import type { NoteKey, RootName } from './schema'

/**
 * Reads an incoming Yjs update, before it is applied, into the board-level writes it would
 * make. The server guard passes these to `rules.ts`; nothing here decides who may do what.
 *
 * A path names where a struct lands: [root, key, key, …], with null for a position in a text.
 */
type Path = readonly (string | null)[]

export type Write =
  | { readonly kind: 'meta'; readonly key: string; readonly value: unknown; readonly deleted: boolean }
  | {
      readonly kind: 'noteCreate'
      readonly noteId: NoteId
      /** Author of the note this replaces, when the key existed already. */
      readonly replaces: string | null | undefined
      readonly fields: Readonly<Partial<Record<NoteKey, unknown>>>
    }
  | {
      readonly kind: 'noteField'
      readonly noteId: NoteId
      readonly author: string | null
      readonly key: NoteKey
      readonly value: unknown
      readonly deleted: boolean
    }
  | {
      readonly kind: 'noteText'
      readonly noteId: NoteId
      /** Author in the doc; null for a note this update creates (checked as noteCreate). */
      readonly author: string | null
      readonly isNew: boolean
      /** Length of the text once the update is applied. */
      readonly length: number
    }
  | { readonly kind: 'noteDelete'; readonly noteId: NoteId; readonly author: string | null }
  | { readonly kind: 'other'; readonly root: RootName; readonly path: string }

export interface UpdateDescription {
  readonly writes: readonly Write[]
  /** Notes on the board once the update is applied. */
  readonly noteCount: number
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

function isKnownRoot(name: string): name is RootName {
  return (ROOTS as readonly string[]).includes(name)
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

export function describeUpdate(doc: Y.Doc, update: Uint8Array): UpdateDescription {
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

  /** The note's own item (the one in the notes root) for an item inside that note. */
  const noteItemOf = (item: Y.Item): Y.Item => {
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
  const notes = notesOf(doc)
  const authorInDoc = (noteId: string): string | null => {
    const author = notes.get(noteId)?.get('author')
    return typeof author === 'string' ? author : null
  }
  const created = new Map<NoteId, Partial<Record<NoteKey, unknown>>>()
  const textDelta = new Map<NoteId, number>()
  const addText = (noteId: NoteId, delta: number) => textDelta.set(noteId, (textDelta.get(noteId) ?? 0) + delta)
  const deletedHere = (struct: Struct) => Y.isDeleted(decoded.ds, struct.id)
  // Map entries this update sets. Setting a key also deletes its previous value in the same
  // update; that delete is part of the overwrite, not a removal of the key.
  const overwritten = new Set<string>()
  const entryKey = (path: Path) => JSON.stringify(path)

  for (const [client, list] of fresh) {
    for (const s of list) {
      if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) continue
      const r = resolve(s)
      if (r === GARBAGE) continue
      const [root, key, field, position, ...rest] = r.path
      if (typeof root !== 'string' || !isKnownRoot(root)) throw new InvalidUpdate('schema', 'unknown root')
      if (typeof key !== 'string') throw new InvalidUpdate('schema', 'root is not a map')
      const newPart = s.length - Math.max(0, known(client) - s.id.clock)
      if (typeof r.path[r.path.length - 1] === 'string' && !deletedHere(s)) overwritten.add(entryKey(r.path))
      if (root === 'meta') {
        if (r.path.length !== 2 || !(s.content instanceof Y.ContentAny)) throw new InvalidUpdate('schema', 'meta value')
        writes.push({ kind: 'meta', key, value: valueOf(s.content), deleted: false })
      } else if (root === 'notes') {
        const noteIsNew = r.firstNew <= 2
        if (r.path.length === 2) {
          if (typeOf(s.content) !== 'map') throw new InvalidUpdate('schema', 'note is not a map')
          created.set(key, created.get(key) ?? {})
        } else if (typeof field !== 'string' || !(NOTE_KEYS as readonly string[]).includes(field)) {
          throw new InvalidUpdate('schema', 'unknown note field')
        } else if (r.path.length === 3) {
          const noteKey = field as NoteKey
          const isText = typeOf(s.content) === 'text'
          if ((noteKey === 'text') !== isText || (!isText && !(s.content instanceof Y.ContentAny)))
            throw new InvalidUpdate('schema', 'note field type')
          if (noteIsNew) {
            const fields = created.get(key) ?? {}
            fields[noteKey] = valueOf(s.content)
            created.set(key, fields)
          } else {
            writes.push({ kind: 'noteField', noteId: key, author: authorInDoc(key), key: noteKey, value: valueOf(s.content), deleted: false })
          }
        } else if (field === 'text' && position === null && rest.length === 0) {
          if (!(s.content instanceof Y.ContentString)) throw new InvalidUpdate('schema', 'note text content')
          addText(key, newPart)
        } else {
          throw new InvalidUpdate('schema', 'note path')
        }
      } else {
        writes.push({ kind: 'other', root, path: r.path.join('/') })
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
          if (r !== GARBAGE && r.path[0] === 'notes' && r.path[2] === 'text' && r.path.length === 4 && typeof r.path[1] === 'string')
            addText(r.path[1], -overlap)
          continue
        }
        if (struct.deleted) continue
        const path = docItemPath(struct)
        if (path.length >= 2 && typeof path[path.length - 1] === 'string' && overwritten.has(entryKey(path))) continue
        // Deleting a note deletes its fields and text with it; the noteDelete write covers them.
        if (path[0] === 'notes' && path.length > 2 && deletedHere(noteItemOf(struct))) continue
        const [root, key, field] = path
        if (root === 'meta' && typeof key === 'string') writes.push({ kind: 'meta', key, value: undefined, deleted: true })
        else if (root === 'notes' && typeof key === 'string') {
          const author = authorInDoc(key)
          if (path.length === 2) writes.push({ kind: 'noteDelete', noteId: key, author })
          else if (path.length === 3) writes.push({ kind: 'noteField', noteId: key, author, key: field as NoteKey, value: undefined, deleted: true })
          else addText(key, struct.countable ? -overlap : 0)
        } else if (typeof root === 'string' && isKnownRoot(root)) {
          writes.push({ kind: 'other', root, path: path.join('/') })
        } else throw new InvalidUpdate('schema', 'delete outside the board')
      }
    }
  }

  for (const [noteId, fields] of created) {
    const existing = notes.get(noteId)
    writes.push({ kind: 'noteCreate', noteId, replaces: existing ? authorInDoc(noteId) : undefined, fields })
  }
  // Resulting text lengths, attached to one noteText write per note.
  for (const [noteId, delta] of textDelta) {
    const isNew = created.has(noteId)
    const text = isNew ? null : notes.get(noteId)?.get('text')
    const base = text instanceof Y.Text ? text.length : 0
    writes.push({ kind: 'noteText', noteId, author: isNew ? null : authorInDoc(noteId), isNew, length: base + delta })
  }
  let noteCount = notes.size
  for (const noteId of created.keys()) if (!notes.has(noteId)) noteCount++
  return { writes, noteCount }
}
