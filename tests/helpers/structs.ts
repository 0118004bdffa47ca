import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'

/**
 * Yjs updates written by hand, struct by struct (update format v1), as a hostile client would:
 * nothing here goes through the Yjs API, so any combination of struct kind, content, origins,
 * parent and clock can be sent. Used by the guard's regression tests and the differential fuzzer.
 */
export interface Id {
  readonly client: number
  readonly clock: number
}

export type Content =
  | { readonly kind: 'deleted'; readonly len: number }
  | { readonly kind: 'any'; readonly values: readonly unknown[] }
  | { readonly kind: 'string'; readonly text: string }
  /** A shared type: 0 Array, 1 Map, 2 Text, 3 XmlElement, 4 XmlFragment, 5 XmlHook, 6 XmlText. */
  | { readonly kind: 'type'; readonly ref: number }
  | { readonly kind: 'json'; readonly values: readonly unknown[] }
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  | { readonly kind: 'embed'; readonly value: unknown }
  | { readonly kind: 'format'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'doc'; readonly guid: string }

export type Struct =
  | {
      readonly kind: 'item'
      readonly origin?: Id
      readonly rightOrigin?: Id
      /** A root's name or the id of the item holding the parent type; read only without origins. */
      readonly parent?: string | Id
      readonly parentSub?: string
      readonly content: Content
    }
  | { readonly kind: 'gc'; readonly len: number }
  | { readonly kind: 'skip'; readonly len: number }

/** One client's run of structs; they take consecutive clocks from `clock` on. */
export interface ClientStructs {
  readonly client: number
  readonly clock: number
  readonly structs: readonly Struct[]
}

export interface DeleteRanges {
  readonly client: number
  readonly ranges: readonly (readonly [clock: number, len: number])[]
}

const CONTENT_REF = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const

export function contentLength(content: Content): number {
  switch (content.kind) {
    case 'deleted':
      return content.len
    case 'any':
    case 'json':
      return content.values.length
    case 'string':
      return content.text.length
    default:
      return 1
  }
}

export function structLength(struct: Struct): number {
  return struct.kind === 'item' ? contentLength(struct.content) : struct.len
}

function writeId(e: encoding.Encoder, id: Id): void {
  encoding.writeVarUint(e, id.client)
  encoding.writeVarUint(e, id.clock)
}

function writeContent(e: encoding.Encoder, content: Content): void {
  switch (content.kind) {
    case 'deleted':
      return encoding.writeVarUint(e, content.len)
    case 'any':
      encoding.writeVarUint(e, content.values.length)
      for (const v of content.values) encoding.writeAny(e, v as never)
      return
    case 'string':
      return encoding.writeVarString(e, content.text)
    case 'type':
      encoding.writeVarUint(e, content.ref)
      if (content.ref === 3 || content.ref === 5) encoding.writeVarString(e, 'p')
      return
    case 'json':
      encoding.writeVarUint(e, content.values.length)
      for (const v of content.values) encoding.writeVarString(e, v === undefined ? 'undefined' : JSON.stringify(v))
      return
    case 'binary':
      return encoding.writeVarUint8Array(e, content.bytes)
    case 'embed':
      return encoding.writeVarString(e, JSON.stringify(content.value))
    case 'format':
      encoding.writeVarString(e, content.key)
      return encoding.writeVarString(e, JSON.stringify(content.value))
    case 'doc':
      encoding.writeVarString(e, content.guid)
      return encoding.writeAny(e, {})
  }
}

function writeStruct(e: encoding.Encoder, struct: Struct): void {
  if (struct.kind !== 'item') {
    encoding.writeUint8(e, struct.kind === 'gc' ? 0 : 10)
    return encoding.writeVarUint(e, struct.len)
  }
  const { origin, rightOrigin, parent, parentSub, content } = struct
  const info = CONTENT_REF[content.kind] | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (parentSub !== undefined ? 0x20 : 0)
  encoding.writeUint8(e, info)
  if (origin) writeId(e, origin)
  if (rightOrigin) writeId(e, rightOrigin)
  if (!origin && !rightOrigin) {
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, parent)
    } else {
      encoding.writeVarUint(e, 0)
      writeId(e, parent ?? { client: 0, clock: 0 })
    }
    if (parentSub !== undefined) encoding.writeVarString(e, parentSub)
  }
  writeContent(e, content)
}

/** Encodes structs and deletions as one update (v1), exactly in the order given. */
export function encodeUpdate(clients: readonly ClientStructs[], deletes: readonly DeleteRanges[] = []): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, clients.length)
  for (const { client, clock, structs } of clients) {
    encoding.writeVarUint(e, structs.length)
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, clock)
    for (const s of structs) writeStruct(e, s)
  }
  encoding.writeVarUint(e, deletes.length)
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
  return encoding.toUint8Array(e)
}

/** The id of the item that holds a map's current value for `key` (the item a new value would follow). */
export function currentItemId<T>(map: Y.Map<T>, key: string): Id {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key)
  if (!item) throw new Error(`no item for ${key}`)
  return { client: item.id.client, clock: item.id.clock + item.length - 1 }
}

/** A client id no one on the board has used. */
export function freshClient(doc: Y.Doc): number {
  let client = 1 + Math.floor(Math.random() * 0x7fffffff)
  while (doc.store.clients.has(client)) client++
  return client
}
