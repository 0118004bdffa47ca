import type * as Y from 'yjs'
import type { Role } from '../../model/identity'
import { localBoard } from './board'

export const MODERATOR_ID = 'moderator-1'
export const PARTICIPANT_ID = 'me-participant-1'

/** A local board without notes, active in the stores as moderator or participant. */
export function moderatedBoard(role: Role, setup?: (doc: Y.Doc) => void): { doc: Y.Doc; privateDoc: Y.Doc; stop: () => void } {
  const participantId = role === 'moderator' ? MODERATOR_ID : PARTICIPANT_ID
  return localBoard([], { actor: { participantId, role }, ...(setup && { setup }) })
}

export function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"][data-testid="announcer"]')
  if (!region) throw new Error('no live region')
  return region
}
