import * as Y from 'yjs'
import { decode } from './reader/decode'
import { BOARD_SCHEMA } from './reader/docSchema'
import type { DocSchema } from './reader/docSchema'
import { deletions, keyOutcomes } from './reader/effects'
import type { Final, KeyOutcome, Removal, TextChange } from './reader/effects'
import { placeItems } from './reader/place'

export { BOARD_SCHEMA, PRIVATE_SCHEMA } from './reader/docSchema'
export type { DocSchema, RootShape } from './reader/docSchema'
export { InvalidUpdate } from './reader/invalid'

/**
 * Reads an incoming Yjs update, before it is applied, into the document-level writes it would
 * make, following a schema of the doc (which roots are maps of plain values and which are maps
 * of entries with fields and one collaborative text). The server guard passes these to
 * `rules.ts`; nothing here decides who may do what.
 *
 * The reader accounts for every effect integrating the update can have, in five phases, on one
 * decoding: decode (`reader/decode.ts`: what Yjs would integrate, and in which order), place
 * (`reader/place.ts`: where each new item lands, and whether it fits the schema), keys and
 * deletions (`reader/effects.ts`: each map key's possible values, each text's change) and the
 * writes (here). What it does not positively understand it refuses with `InvalidUpdate`; the
 * differential fuzzer (tests/unit/model/guard-fuzz.test.ts) checks it against Yjs itself.
 */
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

function valueOf(item: Y.Item): unknown {
  const content = item.content
  if (content instanceof Y.ContentAny) return content.arr[0]
  if (content instanceof Y.ContentType) return content.type
  return undefined
}

const entryKey = (item: Y.Item) => `item:${item.id.client}:${item.id.clock}`

/** Phase 5: the writes, from the outcomes of the keys, the removals and the texts. */
class Writer {
  readonly writes: Write[] = []
  /** Entries in the doc that this update certainly deletes or replaces: their parts go with them. */
  private readonly gone = new Set<Y.Item>()
  private readonly inNewParents = new Map<string, KeyOutcome[]>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly schema: DocSchema,
    private readonly keys: readonly KeyOutcome[],
  ) {
    for (const k of keys) {
      if (k.parentItem && !k.parentItem.deleted && k.parentItem.id.clock >= Y.getState(doc.store, k.parentItem.id.client)) {
        const list = this.inNewParents.get(k.parentKey) ?? []
        list.push(k)
        this.inNewParents.set(k.parentKey, list)
      }
    }
  }

  private isEntries(root: string | null | undefined): boolean {
    return typeof root === 'string' && this.schema[root]?.kind === 'entries'
  }

  markGone(keys: readonly KeyOutcome[], removals: readonly Removal[]): void {
    for (const r of removals) if (r.place.path.length === 2 && this.isEntries(r.place.path[0])) this.gone.add(r.item)
    for (const k of keys) if (k.certain && k.current && k.currentLive && k.path.length === 2 && this.isEntries(k.path[0])) this.gone.add(k.current)
  }

  /** The write for one possible outcome of a key: `item` its new item, or null when it is removed. */
  private keyWrite(path: KeyOutcome['path'], item: Y.Item | null, replaces: boolean): void {
    const [root, key, field] = path as [string, string, string | undefined]
    if (path.length === 2 && !this.isEntries(root)) {
      this.writes.push({ kind: 'value', root, key, value: item ? valueOf(item) : undefined, deleted: !item })
    } else if (path.length === 2) {
      if (item) this.writes.push({ kind: 'create', root, id: key, replaces, fields: this.fieldsOf(item) })
      else this.writes.push({ kind: 'delete', root, id: key })
    } else {
      this.writes.push({ kind: 'field', root, id: key, key: field!, value: item ? valueOf(item) : undefined, deleted: !item })
    }
  }

  /** What an outcome can change: each final that is live sets the key, one that is not removes it. */
  private outcome(k: KeyOutcome, finals: readonly Final[]): void {
    for (const { item, live } of finals) {
      if (live) this.keyWrite(k.path, item, k.currentLive)
      else if (k.currentLive) this.keyWrite(k.path, null, false)
    }
  }

  /** Fields a new entry is created with; outcomes that are not certain are written one by one. */
  private fieldsOf(entry: Y.Item): Record<string, unknown> {
    const fields: Record<string, unknown> = {}
    for (const k of this.inNewParents.get(entryKey(entry)) ?? []) {
      const final = k.finals[0]!
      if (k.certain) {
        if (final.live) fields[k.sub!] = valueOf(final.item)
      } else this.outcome(k, k.finals)
    }
    return fields
  }

  keysOfDocParents(): void {
    for (const k of this.keys) {
      if (this.inNewParents.has(k.parentKey)) continue
      if (k.parentItem && this.gone.has(k.parentItem)) continue
      this.outcome(k, k.finals)
    }
  }

  removalsNotCovered(removals: readonly Removal[]): void {
    const replaced = new Set(this.keys.filter((k) => k.certain && k.current).map((k) => k.current))
    for (const r of removals) {
      if (replaced.has(r.item) || (r.place.parentItem && this.gone.has(r.place.parentItem))) continue
      this.keyWrite(r.place.path, null, false)
    }
  }

  texts(texts: ReadonlyMap<string, TextChange>): void {
    for (const t of texts.values()) {
      const entry = (t.textItem.parent as Y.AbstractType<unknown> | null)?._item
      if (!t.isNew && entry && this.gone.has(entry)) continue
      const [root, id] = t.path as [string, string]
      const base = t.isNew ? 0 : ((t.textItem.content as Y.ContentType).type as Y.Text).length
      this.writes.push({ kind: 'text', root, id, isNew: t.isNew, length: base + t.delta })
    }
  }

  /** Entries per entries root once applied (new ids counted, removals not subtracted). */
  sizes(): Record<string, number> {
    const sizes: Record<string, number> = {}
    for (const [root, shape] of Object.entries(this.schema)) {
      if (shape.kind !== 'entries') continue
      const entries = this.doc.getMap(root)
      const added = new Set(this.writes.filter((w) => w.kind === 'create' && w.root === root && !entries.has(w.id)).map((w) => (w as { id: string }).id))
      sizes[root] = entries.size + added.size
    }
    return sizes
  }
}

export function describeUpdate(doc: Y.Doc, update: Uint8Array, schema: DocSchema = BOARD_SCHEMA): UpdateDescription {
  const decoded = decode(doc, update)
  const { placed, placeOfDocItem } = placeItems(decoded, schema)
  const keys = keyOutcomes(placed, decoded, doc)
  const { removals, texts } = deletions(placed, decoded, placeOfDocItem)
  const writer = new Writer(doc, schema, keys)
  writer.markGone(keys, removals)
  writer.keysOfDocParents()
  writer.removalsNotCovered(removals)
  writer.texts(texts)
  return { writes: writer.writes, sizes: writer.sizes() }
}
