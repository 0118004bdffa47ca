import type * as Y from 'yjs'
import { create } from 'zustand'
import { EMPTY_PRIVATE, toPrivateView } from '../../model/privateView'
import type { PrivateView } from '../../model/privateView'
import { mirrorDoc } from './mirror'

/** My private doc (drafts, ballot, "fertig"), mirrored one way like the board. */
export const usePrivate = create<PrivateView>(() => EMPTY_PRIVATE)

export const bindPrivateDoc = (doc: Y.Doc): (() => void) => mirrorDoc(doc, usePrivate, toPrivateView, EMPTY_PRIVATE)
