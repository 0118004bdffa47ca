import { describe, expect, it } from 'vitest'
import { isEventReport } from '../../../client/events/api'
import { normaliseEventCode } from '../../../client/events/eventCode'
import { buildEventReport } from '../../../model/export/event/eventReport'
import { parseEventPlan } from '../../../model/event'

/** A real report as the server builds it (no forum round has run yet), parsed back from JSON. */
function report(): Record<string, unknown> {
  const plan = parseEventPlan({ title: 'Jahresfachtag', date: '2026-05-12', forums: [{ title: 'Kinderrechte' }, { title: 'Wirkungsorientierung' }], rounds: 2 })
  return JSON.parse(JSON.stringify(buildEventReport(plan, []))) as Record<string, unknown>
}

describe('the report page checks the answer’s shape before it shows anything', () => {
  it('takes the server’s own report', () => {
    expect(isEventReport(report())).toBe(true)
    expect(isEventReport({ format: 'ballonfahrt-event-report', version: 1, ...report() })).toBe(true)
  })

  it('refuses what is not one: a missing or mistyped field anywhere, down to a cluster title and the prose', () => {
    const zones = (z: unknown) => ({ ...report(), zones: z })
    const bad: unknown[] = [
      null,
      [],
      'Bericht',
      { ...report(), locale: 'fr' },
      { ...report(), title: 5 },
      { ...report(), institutions: ['Stadt Kassel', 7] },
      { ...report(), participantCount: '3' },
      { ...report(), participantCount: Number.NaN },
      zones('steigen'),
      zones([{ zone: 'steigen', heading: 'Steigen', forums: [{ forum: 'Kinderrechte', rounds: [{ round: 1, label: 'R1', items: [{ title: { html: '<b>' }, votes: 0, notes: 1 }] }] }] }]),
      zones([{ zone: 'steigen', heading: 'Steigen', forums: [{ forum: 'Kinderrechte', rounds: [{ round: '1', label: 'R1', items: [] }] }] }]),
      zones([{ zone: 'steigen', forums: [] }]),
      { ...report(), actions: [{ label: 'Kinderrechte', what: 'x', who: 'y', until: '', done: 'ja' }] },
      { ...report(), prose: undefined },
      { ...report(), prose: { intro: 'Am …', actions: '', zones: { steigen: '', untenHalten: '' } } },
    ]
    for (const body of bad) expect(isEventReport(body), JSON.stringify(body)?.slice(0, 100)).toBe(false)
  })
})

describe('an event code as the start page’s box takes it', () => {
  it('accepts case, spaces and dashes, and gives the address form; anything else is no event code', () => {
    expect(normaliseEventCode(' abcd efgh ')).toBe('ABCD-EFGH')
    expect(normaliseEventCode('AB-CD-EF-GH')).toBe('ABCD-EFGH')
    for (const typed of ['', 'ABCDEFG', 'ABCDEFGHI', 'ABCD/EFGH', 'ÄBCD-EFGH']) expect(normaliseEventCode(typed)).toBeNull()
  })
})
