import * as Y from 'yjs'
import { declareRoots } from '../../model/schema'

/** A fresh board doc with every root declared, as clients and the server create them. */
export function newDoc(): Y.Doc {
  const doc = new Y.Doc()
  declareRoots(doc)
  return doc
}

/** Two independent peers of one board. */
export function twoPeers(): [Y.Doc, Y.Doc] {
  return [newDoc(), newDoc()]
}

/** Sends every doc what it is missing from every other doc (sync step 2 in all directions). */
export function exchange(...docs: Y.Doc[]): void {
  for (const from of docs)
    for (const to of docs) {
      if (from === to) continue
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    }
}

/** Runs `change` on `doc` and returns the updates it emitted, in order. */
export function capture(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const record = (update: Uint8Array) => updates.push(update)
  doc.on('update', record)
  try {
    change()
  } finally {
    doc.off('update', record)
  }
  return updates
}

/** Like `capture`, for a change that emits exactly one update (one transaction). */
export function captureOne(doc: Y.Doc, change: () => void): Uint8Array {
  const updates = capture(doc, change)
  if (updates.length !== 1) throw new Error(`expected one update, got ${updates.length}`)
  return updates[0]!
}

/** A client that has synced the server's whole state, as after y-websocket's sync step 2. */
export function clientOf(server: Y.Doc): Y.Doc {
  const client = newDoc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return client
}
