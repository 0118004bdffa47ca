import * as Y from 'yjs'
import { activateLocal } from '../../client/sync/activeBoard'
import { initBoard } from '../../model/board'
import type { Role } from '../../model/identity'

export const MODERATOR_ID = 'moderator-1'
export const PARTICIPANT_ID = 'me-participant-1'

/** A local board with a private doc, active in the stores as moderator or participant. */
export function moderatedBoard(role: Role, setup?: (doc: Y.Doc) => void): { doc: Y.Doc; privateDoc: Y.Doc; stop: () => void } {
  const doc = new Y.Doc()
  initBoard(doc, { title: 'Sprint 42' })
  setup?.(doc)
  const privateDoc = new Y.Doc()
  const stop = activateLocal(doc, { participantId: role === 'moderator' ? MODERATOR_ID : PARTICIPANT_ID, role }, privateDoc)
  return { doc, privateDoc, stop }
}

export function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"][data-testid="announcer"]')
  if (!region) throw new Error('no live region')
  return region
}
