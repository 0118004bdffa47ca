import { render, screen } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect } from 'vitest'
import type * as Y from 'yjs'
import { BoardPage } from '../../client/board/BoardPage'
import type { Role } from '../../model/identity'
import { localBoard } from './board'

export const MODERATOR_ID = 'moderator-1'
export const PARTICIPANT_ID = 'me-participant-1'

/** A local board without notes, active in the stores as moderator or participant. */
export function moderatedBoard(role: Role, setup?: (doc: Y.Doc) => void): { doc: Y.Doc; privateDoc: Y.Doc; stop: () => void } {
  const participantId = role === 'moderator' ? MODERATOR_ID : PARTICIPANT_ID
  return localBoard([], { actor: { participantId, role }, ...(setup && { setup }) })
}

/** moderatedBoard() shown as the whole board page. */
export function openBoardPage(role: Role, setup?: (doc: Y.Doc) => void): ReturnType<typeof moderatedBoard> {
  const board = moderatedBoard(role, setup)
  render(<BoardPage boardId="board-1" />)
  return board
}

/** Opens the moderator's Einstellungen (a disclosure). */
export async function openSettings(user: UserEvent) {
  const button = screen.getByRole('button', { name: 'Einstellungen' })
  await user.click(button)
  expect(button.getAttribute('aria-expanded')).toBe('true')
  // The panel's contents load on first opening: importing that chunk took over a second on a
  // busy machine (the default wait of findBy*).
  await screen.findByRole('heading', { name: 'Einstellungen des Boards', level: 2 }, { timeout: 10_000 })
}

export function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"][data-testid="announcer"]')
  if (!region) throw new Error('no live region')
  return region
}
