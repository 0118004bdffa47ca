import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { EventPlanError, forumRounds, parseEventPlan } from '../../../model/event'
import { initForumRound } from '../../../model/eventBoard'
import { AUTO, decodeRoundSwitch, encodeRoundSwitch, openRound, parseRoundSwitch } from '../../../model/eventRound'
import { toBoardView } from '../../../model/view'

const base = { title: 'Fachtag', date: '2026-05-12', forums: [{ title: 'A' }, { title: 'B' }] }
const timed = parseEventPlan({
  ...base,
  rounds: [
    { start: '2026-05-12T10:00+02:00', end: '2026-05-12T11:30+02:00' },
    { start: '2026-05-12T13:00+02:00', end: '2026-05-12T14:30+02:00' },
  ],
})
const at = (time: string) => Date.parse(`2026-05-12T${time}+02:00`)

describe('event plan', () => {
  it('reads a plan with defaults: one round, German, no place', () => {
    const plan = parseEventPlan(base)
    expect(plan).toEqual({ title: 'Fachtag', date: '2026-05-12', place: '', locale: 'de', forums: [{ title: 'A', questions: {} }, { title: 'B', questions: {} }], rounds: [{ start: null, end: null }] })
    expect(forumRounds(parseEventPlan({ ...base, rounds: 2 }))).toEqual([
      { forum: 0, round: 1 },
      { forum: 0, round: 2 },
      { forum: 1, round: 1 },
      { forum: 1, round: 2 },
    ])
  })

  it('names what is wrong', () => {
    expect(() => parseEventPlan({ ...base, forums: [{ title: 'A' }, { title: ' a' }] })).toThrow(new EventPlanError('Das Forum "a" ist doppelt'))
    expect(() => parseEventPlan({ ...base, extra: 1 })).toThrow(/unbekanntes Feld "extra"/)
  })

  it('writes a forum round as a board: title with the round, the event as topic, date and questions', () => {
    const plan = parseEventPlan({ ...base, rounds: 2, questions: { untenHalten: 'Was bremst?' } })
    const doc = new Y.Doc()
    initForumRound(doc, plan, 1, 2, Date.UTC(2026, 4, 1))
    const view = toBoardView(doc)
    expect([view.title, view.topic, view.date, view.zones.untenHalten.question, view.zones.steigen.question]).toEqual(['B – Runde 2', 'Fachtag', '2026-05-12', 'Was bremst?', null])
  })
})

describe('the open round', () => {
  it('follows the clock when the rounds have times: none before, between and after', () => {
    expect([at('09:59'), at('10:00'), at('11:29'), at('11:30'), at('13:00'), at('14:30')].map((t) => openRound(timed, AUTO, t))).toEqual([null, 1, 1, null, 2, null])
  })

  it('opens the first round of an untimed plan until the organiser switches', () => {
    const plan = parseEventPlan({ ...base, rounds: 2 })
    expect(openRound(plan, AUTO, 0)).toBe(1)
    expect(openRound(plan, { mode: 'open', round: 2 }, 0)).toBe(2)
    expect(openRound(plan, { mode: 'closed' }, 0)).toBeNull()
  })

  it('lets the switch win over the clock, and refuses rounds that do not exist', () => {
    expect(openRound(timed, { mode: 'open', round: 2 }, at('10:30'))).toBe(2)
    expect(openRound(timed, { mode: 'open', round: 3 }, at('10:30'))).toBeNull()
    expect([2, 'auto', null, 0, 3, 1.5, '1', {}].map((v) => parseRoundSwitch(timed, v))).toEqual([{ mode: 'open', round: 2 }, AUTO, { mode: 'closed' }, null, null, null, null, null])
    for (const s of [AUTO, { mode: 'closed' } as const, { mode: 'open', round: 2 } as const]) expect(decodeRoundSwitch(encodeRoundSwitch(s))).toEqual(s)
  })
})
