import type * as Y from 'yjs'
import { create } from 'zustand'
import { EMPTY_BOARD, toBoardView } from '../../model/view'
import type { BoardView } from '../../model/view'
import { isCatalogueReady, loadCatalogue } from '../i18n/catalogues'
import { mirrorDoc } from './mirror'

/** The board as plain frozen objects, mirrored one way from the Y.Doc. */
export const useBoard = create<BoardView>(() => EMPTY_BOARD)

/**
 * A board in "du" or in English (its report's language) is shown once that catalogue is there,
 * so no render speaks to the group in the wrong address or writes the report in the wrong language.
 */
function cataloguesOf(view: BoardView): Promise<void> | null {
  const { locale, settings } = view
  if (isCatalogueReady(locale) && isCatalogueReady('de', settings.address)) return null
  return Promise.all([loadCatalogue(locale), loadCatalogue('de', settings.address)]).then(() => undefined)
}

/** Mirrors `doc` into the store until the returned function is called. */
export const bindDoc = (doc: Y.Doc): (() => void) => mirrorDoc(doc, useBoard, toBoardView, EMPTY_BOARD, cataloguesOf)
