import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { declareRoots, membersOf } from '../../../model/schema'
import { MemberBook } from '../../../server/meeting'
import type { Room } from '../../../server/rooms'

/** Just what MemberBook uses of a room: its doc and whether it left memory. */
function room(): Room {
  const doc = new Y.Doc()
  declareRoots(doc)
  return { doc, destroyed: false } as unknown as Room
}

afterEach(() => vi.useRealTimers())

describe('MemberBook', () => {
  it('writes the joins of a moment as one change, each participant once', () => {
    vi.useFakeTimers()
    const board = room()
    let changes = 0
    board.doc.on('update', () => changes++)
    const book = new MemberBook(1000, 100)
    for (let i = 0; i < 500; i++) book.note(board, `p${i % 250}`)
    expect(membersOf(board.doc).size).toBe(0)
    vi.advanceTimersByTime(100)
    expect(membersOf(board.doc).size).toBe(250)
    expect(changes).toBe(1)
    // Seated in the order they joined: p0 first, p249 last.
    expect(membersOf(board.doc).get('p0')).toBe(0)
    expect(membersOf(board.doc).get('p249')).toBe(249)
    book.note(board, 'p1')
    vi.advanceTimersByTime(100)
    expect(changes).toBe(1)
  })

  it('counts no more than the cap, and writes nothing into a board that left memory', () => {
    vi.useFakeTimers()
    const [open, gone] = [room(), room()]
    const book = new MemberBook(10, 100)
    for (let i = 0; i < 30; i++) book.note(open, `p${i}`)
    book.note(gone, 'q')
    ;(gone as { destroyed: boolean }).destroyed = true
    book.write()
    expect(membersOf(open.doc).size).toBe(10)
    expect(membersOf(gone.doc).size).toBe(0)
  })
})
