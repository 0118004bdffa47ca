import type * as Y from 'yjs'
import { create } from 'zustand'
import { EMPTY_PRIVATE, toPrivateView } from '../../model/privateView'
import type { PrivateView } from '../../model/privateView'

/** My private doc (drafts, ballot, "fertig"), mirrored one way like the board. */
export const usePrivate = create<PrivateView>(() => EMPTY_PRIVATE)

export function bindPrivateDoc(doc: Y.Doc): () => void {
  const sync = () => usePrivate.setState(toPrivateView(doc, usePrivate.getState()), true)
  sync()
  doc.on('update', sync)
  return () => {
    doc.off('update', sync)
    usePrivate.setState(EMPTY_PRIVATE, true)
  }
}
