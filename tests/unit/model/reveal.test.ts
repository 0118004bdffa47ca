import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addAction } from '../../../model/agreements'
import { initBoard } from '../../../model/board'
import { createCluster } from '../../../model/clusters'
import { importBoard } from '../../../model/export/import'
import { parseBoardFile } from '../../../model/export/parse'
import { LIMITS } from '../../../model/limits'
import { addNote } from '../../../model/notes'
import { addDraft, ballotOf, castVote, declarePrivateRoots, draftsOf, editDraft, moveDraft, setDone } from '../../../model/privateDoc'
import { clearTally, revealDrafts, revealedNoteBytes, stripAuthors, writeProgress, writeTally } from '../../../model/reveal'
import { membersOf, notesOf, progressOf, votesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { fixtureData } from '../../helpers/exportBoard'
import { capture, newDoc } from '../../helpers/peers'

const ALICE = 'alice-participant'
const BOB = 'bob-participant'
const VOTES = { votesPerPerson: 10, maxVotesPerItem: 5 }

function boardDoc(): Y.Doc {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', createdAt: 1 })
  return doc
}

function privateDoc(): Y.Doc {
  const doc = new Y.Doc()
  declarePrivateRoots(doc)
  return doc
}

function copy(doc: Y.Doc): Y.Doc {
  const out = privateDoc()
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc))
  return out
}

describe('revealDrafts', () => {
  it('moves every draft onto the board once, keeping ids, zone, text and time, and clears the drafts', () => {
    const board = boardDoc()
    const mine = privateDoc()
    const a = addDraft(mine, { zone: 'steigen', text: 'A', createdAt: 10 })
    const b = addDraft(mine, { zone: 'einheizen', text: 'B', createdAt: 20 })
    expect(revealDrafts(board, mine, ALICE, false)).toBe(2)
    expect(draftsOf(mine).size).toBe(0)
    const view = toBoardView(board)
    expect(view.noteCount).toBe(2)
    expect(view.zones.steigen.notes).toEqual([
      { id: a, zone: 'steigen', text: 'A', author: ALICE, createdAt: 10, order: expect.any(String), clusterId: null, quote: false },
    ])
    expect(view.zones.einheizen.notes).toEqual([
      { id: b, zone: 'einheizen', text: 'B', author: ALICE, createdAt: 20, order: expect.any(String), clusterId: null, quote: false },
    ])
  })

  it('keeps within a byte budget shared by every participant: what does not fit stays a draft', () => {
    const board = boardDoc()
    const anna = privateDoc()
    const ben = privateDoc()
    const text = 'x'.repeat(600)
    const drafts = [addDraft(anna, { zone: 'steigen', text }), addDraft(anna, { zone: 'steigen', text })]
    const bens = addDraft(ben, { zone: 'einheizen', text })
    const one = revealedNoteBytes(drafts[0]!, text)
    const budget = { bytes: one * 2 + 10 }
    expect(revealDrafts(board, anna, ALICE, false, budget)).toBe(2)
    expect(revealDrafts(board, ben, BOB, false, budget)).toBe(0)
    expect(notesOf(board).size).toBe(2)
    expect([...draftsOf(ben).keys()]).toEqual([bens])
    expect(budget.bytes).toBe(10)
    // The cost is an upper bound of what the note really adds to the stored board.
    const before = Y.encodeStateAsUpdate(board).length
    revealDrafts(board, ben, BOB, false, { bytes: one })
    expect(Y.encodeStateAsUpdate(board).length - before).toBeLessThanOrEqual(one)
    expect(draftsOf(ben).size).toBe(0)
  })

  it('writes the board in one transaction', () => {
    const board = boardDoc()
    const mine = privateDoc()
    for (let i = 0; i < 5; i++) addDraft(mine, { zone: 'steigen', text: `n${i}` })
    expect(capture(board, () => revealDrafts(board, mine, ALICE, false))).toHaveLength(1)
  })

  it('moves nothing new when run again', () => {
    const board = boardDoc()
    const mine = privateDoc()
    addDraft(mine, { zone: 'steigen', text: 'A' })
    revealDrafts(board, mine, ALICE, false)
    const updates = capture(board, () => expect(revealDrafts(board, mine, ALICE, false)).toBe(0))
    expect(updates).toHaveLength(0)
    expect(notesOf(board).size).toBe(1)
  })

  it('repairs a crash between the board write and clearing the drafts without duplicates', () => {
    const board = boardDoc()
    const mine = privateDoc()
    const a = addDraft(mine, { zone: 'steigen', text: 'A' })
    const b = addDraft(mine, { zone: 'untenHalten', text: 'B' })
    // The board transaction happens, the drafts' clearing is lost.
    revealDrafts(board, copy(mine), ALICE, false)
    expect(draftsOf(mine).size).toBe(2)
    expect(notesOf(board).size).toBe(2)
    // A draft written after the crash is revealed by the second run.
    const c = addDraft(mine, { zone: 'steigen', text: 'C' })
    expect(revealDrafts(board, mine, ALICE, false)).toBe(3)
    expect(draftsOf(mine).size).toBe(0)
    expect([...notesOf(board).keys()].sort()).toEqual([a, b, c].sort())
    expect(toBoardView(board).zones.steigen.notes.map((n) => n.id)).toEqual([a, c])
  })

  it('reveals without author ids on an anonymous board', () => {
    const board = boardDoc()
    const mine = privateDoc()
    const a = addDraft(mine, { zone: 'steigen', text: 'A' })
    revealDrafts(board, mine, ALICE, true)
    expect(notesOf(board).get(a)?.has('author')).toBe(false)
    expect(toBoardView(board).zones.steigen.notes[0]?.author).toBeNull()
  })

  it('reveals the latest text and zone of an edited draft', () => {
    const board = boardDoc()
    const mine = privateDoc()
    const a = addDraft(mine, { zone: 'steigen', text: 'Erst' })
    editDraft(mine, a, 'Später')
    moveDraft(mine, a, 'untenHalten')
    revealDrafts(board, mine, ALICE, false)
    expect(toBoardView(board).zones.untenHalten.notes[0]).toMatchObject({ id: a, text: 'Später' })
  })

  it('reveals several participants into one board', () => {
    const board = boardDoc()
    const alice = privateDoc()
    const bob = privateDoc()
    addDraft(alice, { zone: 'steigen', text: 'von Alice' })
    addDraft(bob, { zone: 'steigen', text: 'von Bob' })
    revealDrafts(board, alice, ALICE, false)
    revealDrafts(board, bob, BOB, false)
    expect(toBoardView(board).zones.steigen.notes.map((n) => [n.text, n.author])).toEqual([
      ['von Alice', ALICE],
      ['von Bob', BOB],
    ])
  })

  it('drops hostile drafts instead of revealing them, and does not throw', () => {
    const board = boardDoc()
    const mine = privateDoc()
    const good = addDraft(mine, { zone: 'steigen', text: 'gut' })
    const rows: [string, unknown, unknown][] = [
      ['badZone', 'keller', new Y.Text('x')],
      ['plainText', 'steigen', 'kein Y.Text'],
      ['empty', 'steigen', new Y.Text('')],
      // Two tabs deleting different words concurrently can leave only whitespace.
      ['blank', 'steigen', new Y.Text('  \n ')],
    ]
    mine.transact(() => {
      for (const [id, zone, text] of rows) {
        const d = new Y.Map<unknown>()
        d.set('zone', zone)
        d.set('text', text)
        d.set('createdAt', 1)
        draftsOf(mine).set(id, d)
      }
    })
    const long = addDraft(mine, { zone: 'steigen', text: 'x' })
    const longText = draftsOf(mine).get(long)?.get('text') as Y.Text
    longText.insert(1, 'y'.repeat(LIMITS.noteLength + 50))
    expect(() => revealDrafts(board, mine, ALICE, false)).not.toThrow()
    expect(draftsOf(mine).size).toBe(0)
    expect([...notesOf(board).keys()].sort()).toEqual([good, long].sort())
    expect(String(notesOf(board).get(long)?.get('text'))).toHaveLength(LIMITS.noteLength)
  })

  it('drops drafts whose id is no item id or is a cluster’s or Maßnahme’s (it would take their votes)', () => {
    const board = boardDoc()
    const cluster = createCluster(board, { zone: 'steigen', noteIds: [] })
    const action = addAction(board, { what: 'Tun' })
    const mine = privateDoc()
    const good = addDraft(mine, { zone: 'steigen', text: 'gut' })
    mine.transact(() => {
      for (const id of [cluster, action, 'x'.repeat(110_000), 'mit Leerzeichen']) {
        const d = new Y.Map<unknown>()
        d.set('zone', 'steigen')
        d.set('text', new Y.Text('geklaut'))
        draftsOf(mine).set(id, d)
      }
    })
    revealDrafts(board, mine, ALICE, false)
    expect([...notesOf(board).keys()]).toEqual([good])
    expect(draftsOf(mine).size).toBe(0)
  })

  it('reveals nothing beyond the board limit but still clears the drafts', () => {
    const board = boardDoc()
    board.transact(() => {
      for (let i = 0; i < LIMITS.notesPerBoard; i++) notesOf(board).set(`n${i}`, new Y.Map())
    })
    const mine = privateDoc()
    addDraft(mine, { zone: 'steigen', text: 'zu viel' })
    expect(() => revealDrafts(board, mine, ALICE, false)).not.toThrow()
    expect(notesOf(board).size).toBe(LIMITS.notesPerBoard)
  })
})

describe('writeProgress', () => {
  /** A board that Alice and Bob joined (the server notes members when their board socket syncs). */
  function joinedBoard(): Y.Doc {
    const board = boardDoc()
    membersOf(board).set(ALICE, true)
    membersOf(board).set(BOB, true)
    return board
  }

  it('writes nothing for somebody who never joined the board: a fresh secret with only a private doc', () => {
    const board = boardDoc()
    const stranger = privateDoc()
    addDraft(stranger, { zone: 'steigen', text: 'x' })
    setDone(stranger, true)
    writeProgress(board, 'stranger-participant', stranger)
    expect(progressOf(board).size).toBe(0)
    expect(toBoardView(board).progress.done).toEqual([])
  })

  it('publishes draft counts per zone and done, without text', () => {
    const board = joinedBoard()
    const mine = privateDoc()
    addDraft(mine, { zone: 'steigen', text: 'geheim 1' })
    addDraft(mine, { zone: 'steigen', text: 'geheim 2' })
    addDraft(mine, { zone: 'einheizen', text: 'geheim 3' })
    writeProgress(board, ALICE, mine)
    expect(progressOf(board).get(ALICE)).toEqual({ counts: { steigen: 2, untenHalten: 0, einheizen: 1 }, done: false, votes: 0 })
    expect(JSON.stringify(progressOf(board).toJSON())).not.toContain('geheim')
  })

  it('writes nothing when unchanged, and again when something changes', () => {
    const board = joinedBoard()
    const mine = privateDoc()
    const a = addDraft(mine, { zone: 'steigen', text: 'A' })
    writeProgress(board, ALICE, mine)
    expect(capture(board, () => writeProgress(board, ALICE, mine))).toHaveLength(0)
    // Editing a draft's text does not change the progress.
    editDraft(mine, a, 'A2')
    expect(capture(board, () => writeProgress(board, ALICE, mine))).toHaveLength(0)

    moveDraft(mine, a, 'untenHalten')
    expect(capture(board, () => writeProgress(board, ALICE, mine))).toHaveLength(1)
    expect(progressOf(board).get(ALICE)).toEqual({ counts: { steigen: 0, untenHalten: 1, einheizen: 0 }, done: false, votes: 0 })

    setDone(mine, true)
    expect(capture(board, () => writeProgress(board, ALICE, mine))).toHaveLength(1)
    expect(progressOf(board).get(ALICE)).toEqual({ counts: { steigen: 0, untenHalten: 1, einheizen: 0 }, done: true, votes: 0 })
  })

  it('repairs a hostile progress entry', () => {
    const board = joinedBoard()
    progressOf(board).set(ALICE, 'kaputt')
    writeProgress(board, ALICE, privateDoc())
    expect(progressOf(board).get(ALICE)).toEqual({ counts: { steigen: 0, untenHalten: 0, einheizen: 0 }, done: false, votes: 0 })
  })

  it('shows in the view summed over participants, with the done ones sorted', () => {
    const board = joinedBoard()
    const alice = privateDoc()
    const bob = privateDoc()
    addDraft(alice, { zone: 'steigen', text: 'a' })
    addDraft(bob, { zone: 'steigen', text: 'b' })
    addDraft(bob, { zone: 'einheizen', text: 'c' })
    setDone(alice, true)
    setDone(bob, true)
    writeProgress(board, BOB, bob)
    writeProgress(board, ALICE, alice)
    const view = toBoardView(board)
    expect(view.progress).toEqual({ drafts: { steigen: 2, untenHalten: 0, einheizen: 1 }, done: [ALICE, BOB], voted: [] })
    expect(toBoardView(board, view).progress).toBe(view.progress)
  })

  it('publishes how many votes someone cast, never on what, and who voted', () => {
    const board = joinedBoard()
    const alice = privateDoc()
    const bob = privateDoc()
    castVote(alice, 'c1', 1, VOTES)
    castVote(alice, 'n7', 1, VOTES)
    writeProgress(board, ALICE, alice)
    // Bob has cast nothing: no trace, as before.
    writeProgress(board, BOB, bob)
    expect(progressOf(board).get(ALICE)).toEqual({ counts: { steigen: 0, untenHalten: 0, einheizen: 0 }, done: false, votes: 2 })
    expect(progressOf(board).has(BOB)).toBe(false)
    expect(JSON.stringify(progressOf(board).toJSON())).not.toMatch(/c1|n7/)
    expect(toBoardView(board).progress.voted).toEqual([ALICE])
    castVote(alice, 'c1', -1, VOTES)
    castVote(alice, 'n7', -1, VOTES)
    writeProgress(board, ALICE, alice)
    expect(toBoardView(board).progress.voted).toEqual([])
  })
})

describe('writeTally and clearTally', () => {
  it('sums the ballots of several private docs', () => {
    const board = boardDoc()
    const alice = privateDoc()
    const bob = privateDoc()
    castVote(alice, 'c1', 1, VOTES)
    castVote(alice, 'c1', 1, VOTES)
    castVote(alice, 'n1', 1, VOTES)
    castVote(bob, 'c1', 1, VOTES)
    castVote(bob, 'n2', 1, VOTES)
    writeTally(board, [alice, bob])
    expect(votesOf(board).toJSON()).toEqual({ c1: 3, n1: 1, n2: 1 })
    expect(toBoardView(board).tally).toEqual({ c1: 3, n1: 1, n2: 1 })
  })

  it('removes stale totals, keeps unchanged ones, and writes nothing when all are unchanged', () => {
    const board = boardDoc()
    const alice = privateDoc()
    castVote(alice, 'c1', 1, VOTES)
    castVote(alice, 'c2', 1, VOTES)
    writeTally(board, [alice])
    castVote(alice, 'c2', -1, VOTES)
    writeTally(board, [alice])
    expect(votesOf(board).toJSON()).toEqual({ c1: 1 })
    expect(capture(board, () => writeTally(board, [alice]))).toHaveLength(0)
    writeTally(board, [])
    expect(votesOf(board).size).toBe(0)
  })

  it('ignores hostile ballot entries', () => {
    const board = boardDoc()
    const alice = privateDoc()
    ballotOf(alice).set('frac', 1.5)
    ballotOf(alice).set('neg', -4)
    ballotOf(alice).set('str', '3' as unknown as number)
    ballotOf(alice).set('ok', 2)
    writeTally(board, [alice])
    expect(votesOf(board).toJSON()).toEqual({ ok: 2 })
  })

  it('clears the totals, writing nothing when there are none', () => {
    const board = boardDoc()
    const alice = privateDoc()
    castVote(alice, 'c1', 1, VOTES)
    writeTally(board, [alice])
    clearTally(board)
    expect(votesOf(board).size).toBe(0)
    expect(toBoardView(board).tally).toEqual({})
    expect(capture(board, () => clearTally(board))).toHaveLength(0)
  })
})

describe('stripAuthors', () => {
  it('removes every author id and counts them', () => {
    const board = boardDoc()
    addNote(board, { zone: 'steigen', text: 'A', author: ALICE })
    addNote(board, { zone: 'steigen', text: 'B', author: null })
    addNote(board, { zone: 'einheizen', text: 'C', author: BOB })
    expect(stripAuthors(board)).toBe(2)
    notesOf(board).forEach((n) => expect(n.has('author')).toBe(false))
    expect(toBoardView(board).zones.steigen.notes.map((n) => n.author)).toEqual([null, null])
    let again = -1
    expect(capture(board, () => (again = stripAuthors(board)))).toHaveLength(0)
    expect(again).toBe(0)
  })
})

describe('the totals an imported board came with', () => {
  it('stay when the moderator reopens and ends the vote, and ballots add to them', () => {
    const board = newDoc()
    importBoard(board, parseBoardFile(fixtureData()))
    const before = new Map(votesOf(board).entries())
    expect(before.size).toBeGreaterThan(0)
    clearTally(board)
    expect(votesOf(board).size).toBe(0)
    writeTally(board, [])
    expect(new Map(votesOf(board).entries())).toEqual(before)
    const [target, count] = [...before.entries()][0]!
    const ballot = new Y.Doc()
    declarePrivateRoots(ballot)
    ballotOf(ballot).set(target, 2)
    clearTally(board)
    writeTally(board, [ballot])
    expect(votesOf(board).get(target)).toBe(count + 2)
  })
})
