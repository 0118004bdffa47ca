import type { CreatedBoard } from '../api'

/** Creates a board from the example (the Präventionsketten reflection); the caller becomes its moderator. */
export async function createDemoBoard(): Promise<CreatedBoard> {
  const response = await fetch('/api/boards/demo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  if (!response.ok) throw new Error(`POST /api/boards/demo: ${response.status}`)
  const body = (await response.json()) as Partial<CreatedBoard>
  if (typeof body.boardId !== 'string' || typeof body.moderatorToken !== 'string') throw new Error('POST /api/boards/demo: unexpected answer')
  return body as CreatedBoard
}
