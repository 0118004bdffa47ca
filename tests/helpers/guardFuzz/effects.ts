import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import type { UpdateDescription, Write } from '../../../model/changes'
import { LIMITS } from '../../../model/limits'
import { berichtOf } from '../../../model/schema'
import type { FuzzDoc } from './boards'

/**
 * The real effect of an update, measured by Yjs itself on a copy of the doc, and the check that
 * the reader's writes cover it: every map key's item (set, replaced or removed, with the value
 * Y.Map.get returns), every entry's fields and text, every item the update deleted, every new
 * root, nothing left pending. Returns why an effect is not covered, or null.
 */
interface State {
  readonly id: string
  readonly live: boolean
  /** What Y.Map.get returns (live keys), or the text's content (text paths). */
  readonly value: unknown
}

type Snapshot = Map<string, State>
type Path = (string | null)[]

const idOf = (item: Y.Item) => `${item.id.client}:${item.id.clock}`
const mapValue = (item: Y.Item): unknown => {
  const content = item.content.getContent()
  return content[content.length - 1]
}

function snapshot(target: FuzzDoc, doc: Y.Doc): Snapshot {
  const states: Snapshot = new Map()
  for (const [root, shape] of Object.entries(target.schema)) {
    const type = doc.share.get(root)
    if (!type) continue
    for (const [key, item] of type._map) {
      const entry: State = { id: idOf(item), live: !item.deleted, value: item.deleted ? undefined : mapValue(item) }
      states.set(JSON.stringify([root, key]), entry)
      if (shape.kind !== 'entries' || !(entry.value instanceof Y.Map)) continue
      for (const [field, fieldItem] of (entry.value as Y.Map<unknown>)._map) {
        const value = fieldItem.deleted ? undefined : mapValue(fieldItem)
        states.set(JSON.stringify([root, key, field]), { id: idOf(fieldItem), live: !fieldItem.deleted, value })
        if (value instanceof Y.Text) states.set(JSON.stringify([root, key, field, null]), { id: idOf(fieldItem), live: true, value: value.toString() })
      }
    }
  }
  return states
}

function sameValue(described: unknown, actual: unknown): boolean {
  if (actual instanceof Y.AbstractType) return described instanceof Y.AbstractType && described.constructor === actual.constructor
  return isDeepStrictEqual(described, actual)
}

class Coverage {
  constructor(
    private readonly writes: readonly Write[],
    private readonly before: Snapshot,
    private readonly after: Snapshot,
  ) {}

  private find<K extends Write['kind']>(kind: K, test: (w: Extract<Write, { kind: K }>) => boolean): boolean {
    return this.writes.some((w) => w.kind === kind && test(w as Extract<Write, { kind: K }>))
  }

  /** The entry at [root, id] is the same live entry before and after. */
  private sameEntry(root: string, id: string): boolean {
    const b = this.before.get(JSON.stringify([root, id]))
    const a = this.after.get(JSON.stringify([root, id]))
    return !!b?.live && !!a?.live && b.id === a.id
  }

  private entryCreated(root: string, id: string, before: State | undefined): string | null {
    const create = this.writes.find((w) => w.kind === 'create' && w.root === root && w.id === id && w.replaces === !!before?.live)
    if (!create || create.kind !== 'create') return `entry ${root}.${id} created, no create write (replaces ${!!before?.live})`
    const prefix = JSON.stringify([root, id]).slice(0, -1) + ','
    const fields = [...this.after].filter(([p, s]) => p.startsWith(prefix) && JSON.parse(p).length === 3 && s.live)
    const described = Object.keys(create.fields)
    if (described.length !== fields.length) return `entry ${root}.${id}: fields ${described} described, ${fields.length} real`
    for (const [p, s] of fields) {
      const field = (JSON.parse(p) as string[])[2]!
      if (!(field in create.fields) || !sameValue(create.fields[field], s.value)) return `entry ${root}.${id}: field ${field} differs`
      if (s.value instanceof Y.Text) {
        const text = String(this.after.get(JSON.stringify([root, id, field, null]))?.value ?? '')
        if (text.length > 0 && !this.find('text', (w) => w.root === root && w.id === id && w.isNew && w.length === text.length))
          return `entry ${root}.${id}: text of ${text.length} not described`
      }
    }
    return null
  }

  /** Why the change at `path` is not covered, or null. */
  check(isEntries: (root: string) => boolean, path: Path, b: State | undefined, a: State | undefined): string | null {
    const [root, key, field] = path as [string, string, string | undefined]
    const live = !!a?.live
    if (path.length === 2 && !isEntries(root)) {
      return this.find('value', (w) => w.root === root && w.key === key && (live ? !w.deleted && sameValue(w.value, a!.value) : w.deleted))
        ? null
        : `value ${root}.${key} ${live ? `set to ${JSON.stringify(a!.value)}` : 'removed'} not described`
    }
    if (path.length === 2) {
      if (live) return this.entryCreated(root, key, b)
      return this.find('delete', (w) => w.root === root && w.id === key) ? null : `entry ${root}.${key} removed, no delete write`
    }
    if (!this.sameEntry(root, key)) return null // a new or removed entry: checked as a whole above
    if (path.length === 3) {
      return this.find('field', (w) => w.root === root && w.id === key && w.key === field && (live ? !w.deleted && sameValue(w.value, a!.value) : w.deleted))
        ? null
        : `field ${root}.${key}.${field} ${live ? 'set' : 'removed'} not described`
    }
    const fieldBefore = this.before.get(JSON.stringify([root, key, field]))
    const fieldAfter = this.after.get(JSON.stringify([root, key, field]))
    if (fieldBefore?.id !== fieldAfter?.id || !fieldAfter?.live) return null // the text itself replaced or removed: a field write
    const length = String(a?.value ?? '').length
    return this.find('text', (w) => w.root === root && w.id === key && !w.isNew && w.length === length)
      ? null
      : `text ${root}.${key} changed to length ${length}, not described`
  }

  /** A deleted item at `path` lies under some write. */
  touches(path: Path): boolean {
    const [root, key, field] = path
    return this.writes.some((w) => {
      if (w.root !== root) return false
      if (w.kind === 'value') return path.length === 2 && w.key === key
      if (w.kind === 'create' || w.kind === 'delete') return w.id === key
      if (w.kind === 'field') return path.length === 3 && w.id === key && w.key === field
      return path.length === 4 && w.id === key
    })
  }
}

function pathOf(item: Y.Item): Path | null {
  const type = item.parent as Y.AbstractType<unknown> | null
  if (!type) return null
  const above = type._item ? pathOf(type._item) : [Y.findRootTypeKey(type)]
  return above ? [...above, item.parentSub] : null
}

/** Every item live in `base` that the update deleted, with its path in `doc`. */
function deletedItems(base: Y.Doc, doc: Y.Doc, deleteSet: Map<number, { clock: number; len: number }[]>): Path[] {
  const paths: Path[] = []
  for (const [client, ranges] of deleteSet) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC
        at = struct.id.clock + struct.length
        if (!(struct instanceof Y.Item) || struct.id.clock >= Y.getState(base.store, client)) continue
        const was = Y.getItem(base.store, struct.id) as Y.Item | Y.GC
        if (!(was instanceof Y.Item) || was.deleted) continue
        // Under an entry that was already deleted: nobody sees it.
        let holder = (was.parent as Y.AbstractType<unknown>)._item
        while (holder && !holder.deleted) holder = (holder.parent as Y.AbstractType<unknown>)._item
        if (holder) continue
        paths.push(pathOf(struct) ?? ['(no parent)'])
      }
    }
  }
  return paths
}

export function uncoveredEffect(target: FuzzDoc, update: Uint8Array, description: UpdateDescription): string | null {
  const doc = new Y.Doc()
  // A client id no generated update uses (Yjs would warn and pick another).
  doc.clientID = 3
  Y.applyUpdate(doc, target.state)
  const rootsBefore = new Set(doc.share.keys())
  const before = snapshot(target, doc)
  let deleteSet = new Map<number, { clock: number; len: number }[]>()
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    deleteSet = tr.deleteSet.clients as typeof deleteSet
  })
  try {
    Y.applyUpdate(doc, update)
  } catch (error) {
    return `Yjs cannot apply it: ${String(error)}`
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) return 'left structs or deletes pending'
  for (const name of doc.share.keys()) if (!rootsBefore.has(name) && !(name in target.schema)) return `new root ${name}`
  const after = snapshot(target, doc)
  const coverage = new Coverage(description.writes, before, after)
  const isEntries = (root: string) => target.schema[root]?.kind === 'entries'
  for (const p of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(p)
    const a = after.get(p)
    const path = JSON.parse(p) as Path
    const same = b?.id === a?.id && b?.live === a?.live && (path.length < 4 || b?.value === a?.value)
    if (same || (!b?.live && !a?.live)) continue
    const reason = coverage.check(isEntries, path, b, a)
    if (reason) return reason
  }
  for (const path of deletedItems(target.doc, doc, deleteSet)) if (!coverage.touches(path)) return `deleted item at ${JSON.stringify(path)} not described`
  return null
}

/**
 * On a board read-only for the actor, what an accepted update changed beyond the Bericht's texts
 * (what the rules let through there), or a part past its length; null when nothing.
 */
export function escapesReadOnly(target: FuzzDoc, update: Uint8Array): string | null {
  const doc = new Y.Doc()
  doc.clientID = 3
  Y.applyUpdate(doc, target.state)
  const roots = Object.keys(target.schema).filter((root) => root !== 'bericht')
  const before = roots.map((root) => JSON.stringify(doc.getMap(root).toJSON()))
  Y.applyUpdate(doc, update)
  const changed = roots.find((root, i) => JSON.stringify(doc.getMap(root).toJSON()) !== before[i])
  if (changed) return `read-only board: accepted update changed ${changed}`
  for (const [part, entry] of berichtOf(doc)) {
    const text = entry.get('text')
    if (text instanceof Y.Text && text.length > LIMITS.berichtPartLength) return `read-only board: bericht.${part} of ${text.length} characters`
  }
  return null
}
