import { describe, expect, it } from 'vitest'
import { DISTINCT_LOOKS, PARTICIPANT_FILLS, PARTICIPANT_SHAPES, distinctInitials, lookOfSeat } from '../../../client/theme/participant'
import type { ParticipantLook } from '../../../client/theme/participant'

// Looks by seat (the order of joining a board): distinct for the first 49, told apart by shape and
// fill without colour; the moderation and nobody-seated apart from all. Initials made distinct
// among those present, by seat, the same for every screen.

const key = (l: ParticipantLook) => `${l.shape}/${l.fill}/${l.slot}/${l.moderator}`
/** What a person who sees no colour at all still tells apart. */
const withoutColour = (l: ParticipantLook) => `${l.shape}/${l.fill}/${l.moderator}`
const seats = (n: number) => Array.from({ length: n }, (_, seat) => lookOfSeat(seat))

describe('lookOfSeat', () => {
  it('gives 26 members 26 looks, different even without colour', () => {
    const looks = seats(26)
    expect(new Set(looks.map(key)).size).toBe(26)
    expect(new Set(looks.map(withoutColour)).size).toBe(26)
    // The first seven differ in every respect: shape, colour, and all fully filled.
    expect(new Set(looks.slice(0, 7).map((l) => l.shape)).size).toBe(7)
    expect(new Set(looks.slice(0, 7).map((l) => l.slot)).size).toBe(7)
  })

  it('gives 60 members 49 different looks: every shape with every fill, then they repeat', () => {
    expect(DISTINCT_LOOKS).toBe(PARTICIPANT_SHAPES.length * PARTICIPANT_FILLS.length)
    expect(DISTINCT_LOOKS).toBeGreaterThanOrEqual(49)
    const looks = seats(60)
    expect(new Set(looks.slice(0, DISTINCT_LOOKS).map(withoutColour)).size).toBe(DISTINCT_LOOKS)
    expect(new Set(looks.map(key)).size).toBe(DISTINCT_LOOKS)
    expect(looks[DISTINCT_LOOKS]).toEqual(looks[0])
    // Any two of shape, fill and colour name the look: two that share a shape differ in colour too.
    const pairs = looks.slice(0, DISTINCT_LOOKS)
    expect(new Set(pairs.map((l) => `${l.shape}/${l.slot}`)).size).toBe(DISTINCT_LOOKS)
    expect(new Set(pairs.map((l) => `${l.fill}/${l.slot}`)).size).toBe(DISTINCT_LOOKS)
  })

  it('is the same for the same seat on every call', () => {
    expect(lookOfSeat(17)).toEqual(lookOfSeat(17))
    expect(lookOfSeat(17).colour).toBe(`var(--participant-${lookOfSeat(17).slot})`)
  })

  it('keeps the moderation and the unseated apart from all 49 looks and from each other', () => {
    const all = new Set(seats(DISTINCT_LOOKS).map(withoutColour))
    const unseated = lookOfSeat(undefined)
    const moderator = lookOfSeat(3, true)
    expect(unseated.fill).toBe('none')
    expect(unseated.slot).toBeNull()
    for (const special of [unseated, moderator, lookOfSeat(undefined, true), lookOfSeat(0, true)]) expect(all.has(withoutColour(special))).toBe(false)
    expect(withoutColour(moderator)).not.toBe(withoutColour(lookOfSeat(undefined, true)))
    for (const bad of [-1, 1.5, Number.NaN]) expect(lookOfSeat(bad)).toEqual(unseated)
  })
})

const person = (id: string, name: string, seat?: number) => ({ id, name, seat })

describe('distinctInitials', () => {
  it('numbers those who share initials in seat order: "AB", "AB2", "AB3"', () => {
    const initials = distinctInitials([
      person('p-c', 'Achim Bauer', 9),
      person('p-a', 'Anna Berg', 2),
      person('p-b', 'Alex Brandt', 5),
      person('p-d', 'Doris Ernst', 0),
    ])
    expect(Object.fromEntries(initials)).toEqual({ 'p-a': 'AB', 'p-b': 'AB2', 'p-c': 'AB3', 'p-d': 'DE' })
  })

  it('is the same whatever the order of presence (every screen sees it so)', () => {
    const people = [person('x', 'Anonym', 4), person('y', 'Anonym', 1), person('z', 'Anonym'), person('w', 'Anonym')]
    const a = distinctInitials(people)
    const b = distinctInitials([...people].reverse())
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort())
    // Those without a seat come after the seated, by id.
    expect(Object.fromEntries(a)).toEqual({ y: 'AN', x: 'AN2', w: 'AN3', z: 'AN4' })
  })

  it('never gives a number that is somebody else’s initials', () => {
    const initials = distinctInitials([person('a', 'A', 0), person('b', 'A', 1), person('c', 'A2', 2)])
    expect(new Set(initials.values()).size).toBe(3)
    expect(initials.get('b')).toBe('A2')
  })

  it('keeps 26 and 60 people apart, however many share a name', () => {
    for (const n of [26, 60]) {
      const names = ['Anna Berg', 'Andreas Bohn', 'Ben Ewald', 'Berta', 'Anonym']
      const people = Array.from({ length: n }, (_, seat) => person(`p-${seat}`, names[seat % names.length]!, seat))
      const initials = distinctInitials(people)
      expect(initials.size).toBe(n)
      expect(new Set(initials.values()).size).toBe(n)
    }
  })

  it('numbers initials that end in a digit after a hyphen, so that the second "T1" does not read as twelve', () => {
    const initials = distinctInitials([person('a', 'Teilnehmerin 1', 0), person('b', 'Teilnehmerin 12', 1), person('c', 'Teilnehmerin 10', 2)])
    expect([...initials.values()]).toEqual(['T1', 'T1-2', 'T1-3'])
  })

  it('leaves empty initials empty', () => {
    expect(distinctInitials([person('a', '', 0), person('b', '', 1)]).get('b')).toBe('')
  })
})
