import type * as Y from 'yjs'
import type { StoreApi } from 'zustand'

/**
 * Mirrors `doc` into `store` one way until the returned function is called, which empties the
 * store again. `toView` gets the previous view, so unchanged objects stay identical and memoised
 * components do not render again. `before(view)` may hold a view back: it answers a promise of
 * what the view needs first (a catalogue to show it in), and the doc's state is mirrored once
 * that has come.
 */
export function mirrorDoc<View>(
  doc: Y.Doc,
  store: StoreApi<View>,
  toView: (doc: Y.Doc, previous: View) => View,
  empty: View,
  before: (view: View) => Promise<void> | null = () => null,
): () => void {
  let stopped = false
  let waiting = false
  const sync = () => {
    if (stopped || waiting) return
    const view = toView(doc, store.getState())
    const needed = before(view)
    if (!needed) return store.setState(view, true)
    waiting = true
    void needed.then(() => {
      waiting = false
      sync()
    })
  }
  sync()
  doc.on('update', sync)
  return () => {
    stopped = true
    doc.off('update', sync)
    store.setState(empty, true)
  }
}
