import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseEventPlan } from '../../model/event'
import { setQuiet } from '../../server/log'
import type { EventBoard, EventStore } from '../../server/store/EventStore'
import { CODE_ALPHABET, CODE_LENGTH } from '../../server/store/JoinCodeStore'
import { postgresKind, sqliteKind } from '../helpers/stores'
import type { StoreUnderTest } from '../helpers/stores'

/** The EventStore contract, one suite for SQLite (a file of its own) and PostgreSQL (tables beside the boards). */
const plan = parseEventPlan({ title: 'Jahresfachtag', date: '2026-05-12', place: 'Frankfurt', forums: [{ title: 'Kinderrechte' }, { title: 'Wirkungsorientierung' }], rounds: 2 })
const record = (id: string) => ({ id, organiserHash: new Uint8Array(32).fill(3), plan, roundSwitch: 'auto', createdAt: Date.UTC(2026, 4, 1) })
const grid = (prefix: string): EventBoard[] =>
  [0, 1].flatMap((forum) => [1, 2].map((round) => ({ boardId: `${prefix}-${forum}-${round}`, forum, round })))
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

describe.each([sqliteKind(), postgresKind()])('EventStore contract: $name', (kind) => {
  let under: StoreUnderTest
  let events: EventStore

  beforeAll(async () => {
    setQuiet(true)
    await kind.setup()
  }, 60_000)
  afterAll(() => kind.teardown())
  beforeEach(async () => {
    under = await kind.fresh()
    events = under.events()
  })
  afterEach(() => under.cleanup())

  it('stores an event with its plan and boards, under a fresh code, and finds it by id, code and board', async () => {
    const code = await events.createEvent(record('event-a'), grid('a'))
    expect(code).toMatch(CODE)
    const found = await events.getEvent('event-a')
    expect(found).toEqual({ ...record('event-a'), code })
    expect(found?.organiserHash).toBeInstanceOf(Uint8Array)
    expect(await events.boardsOf('event-a')).toEqual(grid('a'))
    expect(await events.eventOfCode(code)).toBe('event-a')
    expect(await events.eventOfCode('AAAAAAAA')).toBeNull()
    expect(await events.eventOfBoard('a-1-2')).toBe('event-a')
    expect(await events.eventOfBoard('unbekannt')).toBeNull()
    expect(await events.getEvent('event-b')).toBeNull()
  })

  it('refuses a second event under the same id and keeps the first whole', async () => {
    const code = await events.createEvent(record('event-a'), grid('a'))
    await expect(events.createEvent(record('event-a'), grid('x'))).rejects.toThrow()
    expect(await events.boardsOf('event-a')).toEqual(grid('a'))
    expect(await events.eventOfBoard('x-0-1')).toBeNull()
    expect((await events.getEvent('event-a'))?.code).toBe(code)
  })

  it('gives every event its own code', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 20; i++) codes.add(await events.createEvent(record(`event-${i}`), grid(`b${i}`)))
    expect(codes.size).toBe(20)
  })

  it('keeps the round switch across a reopen', async () => {
    await events.createEvent(record('event-a'), grid('a'))
    await events.setRoundSwitch('event-a', '2')
    await under.reopen()
    expect((await under.events().getEvent('event-a'))?.roundSwitch).toBe('2')
  })

  it('drops boards one by one, counting what is left, and deletes an event with nothing of it left', async () => {
    await events.createEvent(record('event-a'), grid('a'))
    await events.createEvent(record('event-b'), grid('b'))
    expect(await events.dropBoard('a-0-1')).toBe(3)
    expect(await events.dropBoard('unbekannt')).toBe(0)
    expect((await events.boardsOf('event-a')).map((b) => b.boardId)).toEqual(['a-0-2', 'a-1-1', 'a-1-2'])
    await events.deleteEvent('event-a')
    expect(await events.getEvent('event-a')).toBeNull()
    expect(await events.boardsOf('event-a')).toEqual([])
    expect(await events.eventOfBoard('a-1-1')).toBeNull()
    expect(await events.boardsOf('event-b')).toEqual(grid('b'))
  })
})
