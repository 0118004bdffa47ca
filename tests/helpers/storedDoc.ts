import * as Y from 'yjs'
import type { BoardStore } from '../../server/store/BoardStore'

/** A doc as a store holds it (its snapshot, then its log), read afresh: what a cold start would load. */
export async function storedDoc(store: BoardStore, name: string): Promise<Y.Doc> {
  const { snapshot, updates } = await store.load(name)
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot)
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}
