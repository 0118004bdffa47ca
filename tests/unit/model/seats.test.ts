import { describe, expect, it } from 'vitest'
import { membersOf } from '../../../model/schema'
import { isSeat, seatMembers, seatsOf } from '../../../model/seats'
import { toBoardView } from '../../../model/view'
import { newDoc as board } from '../../helpers/peers'

// Seats: the order of joining, written by the server, read the same on every screen; boards
// from before seats (`true` for each member) keep working.

describe('seatMembers', () => {
  it('seats participants in the order they joined, once each, across several writes', () => {
    const doc = board()
    expect(seatMembers(doc, ['p-c', 'p-a', 'p-c'], 100)).toEqual(['p-c', 'p-a'])
    expect(seatMembers(doc, ['p-a', 'p-b'], 100)).toEqual(['p-b'])
    expect(Object.fromEntries(membersOf(doc).entries())).toEqual({ 'p-c': 0, 'p-a': 1, 'p-b': 2 })
    expect(toBoardView(doc).seats).toEqual({ 'p-c': 0, 'p-a': 1, 'p-b': 2 })
    expect(toBoardView(doc).participantCount).toBe(3)
  })

  it('seats no more than the cap, in one transaction', () => {
    const doc = board()
    let changes = 0
    doc.on('update', () => changes++)
    const ids = Array.from({ length: 30 }, (_, i) => `p-${String(i).padStart(2, '0')}`)
    expect(seatMembers(doc, ids, 26)).toHaveLength(26)
    expect(changes).toBe(1)
    expect(seatMembers(doc, ['late'], 26)).toEqual([])
    expect(Object.values(seatsOf(membersOf(doc))).sort((a, b) => a - b)).toEqual(Array.from({ length: 26 }, (_, i) => i))
  })

  it('numbers an old board’s members (`true`) as they were read, so nobody’s seat changes', () => {
    const doc = board()
    doc.transact(() => ['p-z', 'p-b', 'p-m'].forEach((id) => membersOf(doc).set(id, true)))
    const before = seatsOf(membersOf(doc))
    expect(before).toEqual({ 'p-b': 0, 'p-m': 1, 'p-z': 2 })
    seatMembers(doc, ['p-new'], 100)
    expect(seatsOf(membersOf(doc))).toEqual({ ...before, 'p-new': 3 })
    expect(Object.fromEntries(membersOf(doc).entries())).toEqual({ 'p-z': 2, 'p-b': 0, 'p-m': 1, 'p-new': 3 })
  })
})

describe('seatsOf', () => {
  it('gives every member a seat of their own, even from values the server never writes', () => {
    const doc = board()
    doc.transact(() => {
      const members = membersOf(doc)
      members.set('p-old', true)
      members.set('p-two', 1)
      members.set('p-one', 1)
      members.set('p-zero', 0)
      members.set('p-odd', 'x')
      members.set('p-neg', -3)
    })
    expect(seatsOf(membersOf(doc))).toEqual({ 'p-zero': 0, 'p-one': 1, 'p-two': 2, 'p-neg': 3, 'p-odd': 4, 'p-old': 5 })
  })

  it('converges: two docs with the same members in different orders read the same seats', () => {
    const [a, b] = [board(), board()]
    a.transact(() => ['x', 'y', 'z'].forEach((id, i) => membersOf(a).set(id, i === 1 ? true : i)))
    b.transact(() => ['z', 'y', 'x'].forEach((id) => membersOf(b).set(id, membersOf(a).get(id))))
    expect(seatsOf(membersOf(a))).toEqual(seatsOf(membersOf(b)))
  })

  it('knows a seat when it sees one', () => {
    for (const ok of [0, 1, 48, 999_999]) expect(isSeat(ok)).toBe(true)
    for (const bad of [-1, 0.5, Number.NaN, Infinity, true, '3', null, 2_000_000]) expect(isSeat(bad)).toBe(false)
  })
})
