import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../model/limits'
import {
  addDraft,
  ballotOf,
  castVote,
  declarePrivateRoots,
  deleteDraft,
  draftsOf,
  editDraft,
  moveDraft,
  PRIVATE_ROOTS,
  setDone,
  statusOf,
  votesUsed,
} from '../../../model/privateDoc'
import type { VoteLimits } from '../../../model/privateDoc'
import { EMPTY_PRIVATE, toPrivateView } from '../../../model/privateView'
import { capture } from '../../helpers/peers'

const LIMITS_3_2: VoteLimits = { votesPerPerson: 3, maxVotesPerItem: 2 }

function privateDoc(): Y.Doc {
  const doc = new Y.Doc()
  declarePrivateRoots(doc)
  return doc
}

describe('drafts', () => {
  it('declares the private roots', () => {
    const doc = privateDoc()
    expect([...doc.share.keys()].sort()).toEqual([...PRIVATE_ROOTS].sort())
  })

  it('adds a trimmed draft with zone, text and time', () => {
    const doc = privateDoc()
    const id = addDraft(doc, { zone: 'steigen', text: '  Idee ', createdAt: 9 })
    const d = draftsOf(doc).get(id)!
    expect(d.get('zone')).toBe('steigen')
    expect(d.get('text')).toBeInstanceOf(Y.Text)
    expect(String(d.get('text'))).toBe('Idee')
    expect(d.get('createdAt')).toBe(9)
    expect(toPrivateView(doc).drafts.steigen).toEqual([{ id, zone: 'steigen', text: 'Idee', createdAt: 9 }])
  })

  it('refuses empty, too long, and more drafts than one participant may hold', () => {
    const doc = privateDoc()
    expect(() => addDraft(doc, { zone: 'steigen', text: ' ' })).toThrowModelError('empty')
    expect(() => addDraft(doc, { zone: 'steigen', text: 'x'.repeat(LIMITS.noteLength + 1) })).toThrowModelError('tooLong')
    doc.transact(() => {
      for (let i = 0; i < LIMITS.draftsPerParticipant - 1; i++) draftsOf(doc).set(`d${i}`, new Y.Map())
    })
    addDraft(doc, { zone: 'steigen', text: 'die letzte' })
    expect(() => addDraft(doc, { zone: 'steigen', text: 'eine zu viel' })).toThrowModelError('draftLimit')
    expect(draftsOf(doc).size).toBe(LIMITS.draftsPerParticipant)
  })

  it('edits, moves and deletes drafts', () => {
    const doc = privateDoc()
    const id = addDraft(doc, { zone: 'steigen', text: 'Erst', createdAt: 1 })
    const text = draftsOf(doc).get(id)?.get('text')
    editDraft(doc, id, ' Zweit ')
    expect(draftsOf(doc).get(id)?.get('text')).toBe(text)
    expect(String(text)).toBe('Zweit')
    expect(() => editDraft(doc, id, '')).toThrowModelError('empty')
    expect(String(text)).toBe('Zweit')

    moveDraft(doc, id, 'einheizen')
    const view = toPrivateView(doc)
    expect(view.drafts.steigen).toEqual([])
    expect(view.drafts.einheizen).toEqual([{ id, zone: 'einheizen', text: 'Zweit', createdAt: 1 }])

    deleteDraft(doc, id)
    expect(draftsOf(doc).size).toBe(0)
    expect(() => deleteDraft(doc, id)).toThrowModelError('unknownNote')
    expect(() => editDraft(doc, id, 'x')).toThrowModelError('unknownNote')
    expect(() => moveDraft(doc, id, 'steigen')).toThrowModelError('unknownNote')
  })

  it('marks and unmarks done', () => {
    const doc = privateDoc()
    expect(toPrivateView(doc).done).toBe(false)
    setDone(doc, true)
    expect(statusOf(doc).get('done')).toBe(true)
    expect(toPrivateView(doc).done).toBe(true)
    setDone(doc, false)
    expect(toPrivateView(doc).done).toBe(false)
  })
})

describe('castVote', () => {
  it('adds and takes back votes, deleting a target at zero', () => {
    const doc = privateDoc()
    castVote(doc, 'c1', 1, LIMITS_3_2)
    castVote(doc, 'c1', 1, LIMITS_3_2)
    castVote(doc, 'n1', 1, LIMITS_3_2)
    expect(ballotOf(doc).toJSON()).toEqual({ c1: 2, n1: 1 })
    expect(votesUsed(doc)).toBe(3)
    castVote(doc, 'n1', -1, LIMITS_3_2)
    expect(ballotOf(doc).has('n1')).toBe(false)
    expect(votesUsed(doc)).toBe(2)
  })

  it('refuses a vote beyond votesPerPerson with noVotesLeft', () => {
    const doc = privateDoc()
    castVote(doc, 'a', 1, LIMITS_3_2)
    castVote(doc, 'b', 1, LIMITS_3_2)
    castVote(doc, 'c', 1, LIMITS_3_2)
    expect(() => castVote(doc, 'd', 1, LIMITS_3_2)).toThrowModelError('noVotesLeft')
    expect(votesUsed(doc)).toBe(3)
    // Taking one back is still possible, and frees a vote.
    castVote(doc, 'a', -1, LIMITS_3_2)
    castVote(doc, 'd', 1, LIMITS_3_2)
    expect(ballotOf(doc).toJSON()).toEqual({ b: 1, c: 1, d: 1 })
  })

  it('refuses a vote beyond maxVotesPerItem with itemLimit', () => {
    const doc = privateDoc()
    castVote(doc, 'a', 1, LIMITS_3_2)
    castVote(doc, 'a', 1, LIMITS_3_2)
    expect(() => castVote(doc, 'a', 1, LIMITS_3_2)).toThrowModelError('itemLimit')
    expect(ballotOf(doc).get('a')).toBe(2)
    expect(votesUsed(doc)).toBe(2)
  })

  it('takes back nothing at zero, writing nothing', () => {
    const doc = privateDoc()
    expect(capture(doc, () => castVote(doc, 'a', -1, LIMITS_3_2))).toHaveLength(0)
    expect(ballotOf(doc).has('a')).toBe(false)
    expect(votesUsed(doc)).toBe(0)
  })

  it('counts nothing for an empty ballot', () => {
    expect(votesUsed(privateDoc())).toBe(0)
  })
})

describe('toPrivateView', () => {
  it('reads an empty private doc as EMPTY_PRIVATE', () => {
    expect(toPrivateView(privateDoc())).toBe(EMPTY_PRIVATE)
    expect(Object.isFrozen(EMPTY_PRIVATE)).toBe(true)
  })

  it('reads drafts per zone sorted by time, the ballot and done', () => {
    const doc = privateDoc()
    const late = addDraft(doc, { zone: 'steigen', text: 'spät', createdAt: 20 })
    const early = addDraft(doc, { zone: 'steigen', text: 'früh', createdAt: 10 })
    const other = addDraft(doc, { zone: 'untenHalten', text: 'unten', createdAt: 5 })
    castVote(doc, 'x', 1, LIMITS_3_2)
    castVote(doc, 'x', 1, LIMITS_3_2)
    setDone(doc, true)
    const view = toPrivateView(doc)
    expect(view).toEqual({
      drafts: {
        steigen: [
          { id: early, zone: 'steigen', text: 'früh', createdAt: 10 },
          { id: late, zone: 'steigen', text: 'spät', createdAt: 20 },
        ],
        untenHalten: [{ id: other, zone: 'untenHalten', text: 'unten', createdAt: 5 }],
        einheizen: [],
      },
      draftCount: 3,
      ballot: { x: 2 },
      votesUsed: 2,
      done: true,
    })
    expect(Object.isFrozen(view)).toBe(true)
    expect(Object.isFrozen(view.drafts.steigen)).toBe(true)
    expect(Object.isFrozen(view.drafts.steigen[0])).toBe(true)
    expect(Object.isFrozen(view.ballot)).toBe(true)
  })

  it('keeps the identity of everything unchanged', () => {
    const doc = privateDoc()
    const a = addDraft(doc, { zone: 'steigen', text: 'A', createdAt: 1 })
    addDraft(doc, { zone: 'steigen', text: 'B', createdAt: 2 })
    addDraft(doc, { zone: 'einheizen', text: 'C', createdAt: 3 })
    castVote(doc, 'x', 1, LIMITS_3_2)
    const first = toPrivateView(doc)
    expect(toPrivateView(doc, first)).toBe(first)

    editDraft(doc, a, 'A2')
    const second = toPrivateView(doc, first)
    expect(second).not.toBe(first)
    expect(second.drafts.steigen).not.toBe(first.drafts.steigen)
    expect(second.drafts.steigen[0]?.text).toBe('A2')
    expect(second.drafts.steigen[1]).toBe(first.drafts.steigen[1])
    expect(second.drafts.einheizen).toBe(first.drafts.einheizen)
    expect(second.drafts.untenHalten).toBe(first.drafts.untenHalten)
    expect(second.ballot).toBe(first.ballot)

    castVote(doc, 'y', 1, LIMITS_3_2)
    const third = toPrivateView(doc, second)
    expect(third.drafts).toBe(second.drafts)
    expect(third.ballot).not.toBe(second.ballot)
    expect(third.ballot).toEqual({ x: 1, y: 1 })
    expect(third.votesUsed).toBe(2)

    setDone(doc, true)
    const fourth = toPrivateView(doc, third)
    expect(fourth.done).toBe(true)
    expect(fourth.drafts).toBe(third.drafts)
    expect(fourth.ballot).toBe(third.ballot)
  })

  it('skips hostile drafts and ballot entries', () => {
    const doc = privateDoc()
    const bad = new Y.Map<unknown>()
    bad.set('zone', 'keller')
    bad.set('text', new Y.Text('x'))
    draftsOf(doc).set('bad', bad)
    const odd = new Y.Map<unknown>()
    odd.set('zone', 'steigen')
    odd.set('text', 'plain string')
    draftsOf(doc).set('odd', odd)
    ballotOf(doc).set('neg', -3)
    ballotOf(doc).set('zero', 0)
    ballotOf(doc).set('str', '2' as unknown as number)
    const view = toPrivateView(doc)
    expect(view.draftCount).toBe(1)
    expect(view.drafts.steigen).toEqual([{ id: 'odd', zone: 'steigen', text: '', createdAt: 0 }])
    expect(view.ballot).toEqual({})
    expect(view.votesUsed).toBe(0)
  })
})
