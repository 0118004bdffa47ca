import { act, render, screen, within } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { editNoteText } from '../../model/notes'
import { BoardPage } from '../../client/board/BoardPage'
import { localBoard } from '../helpers/board'

// Counts renders of each note's text component, wrapping the real one.
const renders = vi.hoisted(() => new Map<string, number>())
vi.mock('../../client/board/NoteText', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../client/board/NoteText')>()
  return {
    NoteText(props: Parameters<typeof real.NoteText>[0]) {
      renders.set(props.noteId, (renders.get(props.noteId) ?? 0) + 1)
      return real.NoteText(props)
    },
  }
})

afterEach(() => {
  renders.clear()
})

it('a remote edit of one note renders only that note again', () => {
  const board = localBoard([
    { zone: 'steigen', text: 'Erste' },
    { zone: 'steigen', text: 'Zweite' },
    { zone: 'untenHalten', text: 'Dritte' },
    { zone: 'einheizen', text: 'Vierte' },
  ])
  const [first, second, third, fourth] = board.ids as [string, string, string, string]
  render(<BoardPage boardId="board-1" />)
  expect(Object.fromEntries(renders)).toEqual({ [first]: 1, [second]: 1, [third]: 1, [fourth]: 1 })

  // Another participant edits the second note in their own doc; the update arrives here.
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(board.doc))
  editNoteText(remote, second, 'Zweite, von woanders geändert')
  act(() => Y.applyUpdate(board.doc, Y.encodeStateAsUpdate(remote)))

  const steigen = screen.getByRole('region', { name: /Steigen/ })
  expect(within(steigen).getByText('Zweite, von woanders geändert')).toBeTruthy()
  expect(Object.fromEntries(renders)).toEqual({ [first]: 1, [second]: 2, [third]: 1, [fourth]: 1 })
})
