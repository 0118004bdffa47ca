import type * as Y from 'yjs'
import type { StoreApi } from 'zustand'

/**
 * Mirrors `doc` into `store` one way until the returned function is called, which empties the
 * store again. `toView` gets the previous view, so unchanged objects stay identical and memoised
 * components do not render again.
 */
export function mirrorDoc<View>(doc: Y.Doc, store: StoreApi<View>, toView: (doc: Y.Doc, previous: View) => View, empty: View): () => void {
  const sync = () => store.setState(toView(doc, store.getState()), true)
  sync()
  doc.on('update', sync)
  return () => {
    doc.off('update', sync)
    store.setState(empty, true)
  }
}
