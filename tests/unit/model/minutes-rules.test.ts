import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { setMeetingDetails } from '../../../model/details'
import type { Actor } from '../../../model/identity'
import { addNote, setQuote } from '../../../model/notes'
import { setPerson } from '../../../model/people'
import { peopleOf } from '../../../model/schema'
import { setSetting } from '../../../model/settings'
import { toBoardView } from '../../../model/view'
import { guard } from '../../helpers/guard'
import { seededRandom } from '../../helpers/random'

const moderator: Actor = { participantId: 'mod', role: 'moderator' }
const anna: Actor = { participantId: 'anna', role: 'participant' }

/** A server doc with one note by Anna, openly collecting, and a client copy of it. */
function board(settings: Record<string, unknown> = {}) {
  const server = new Y.Doc()
  initBoard(server, { title: 'Treffen', settings: { privateWriting: false, ...settings } })
  const note = addNote(server, { zone: 'steigen', text: 'Wir konnten andocken', author: 'anna' })
  const client = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return doc
  }
  /** What `change` sends from a fresh copy, judged by the guard as `actor`. */
  const send = (actor: Actor, change: (doc: Y.Doc) => void) => {
    const doc = client()
    const before = Y.encodeStateVector(doc)
    change(doc)
    return guard(server, actor, Y.encodeStateAsUpdate(doc, before))
  }
  return { server, note, send }
}

describe('quotes, meeting details and people: the rules the guard applies', () => {
  it('only the moderator marks a note "Zitat", with a boolean', () => {
    const b = board()
    expect(b.send(anna, (doc) => setQuote(doc, b.note, true))?.code).toBe('notAllowed')
    expect(toBoardView(b.server).zones.steigen.notes[0]!.quote).toBe(false)
    expect(b.send(moderator, (doc) => doc.getMap<Y.Map<unknown>>('notes').get(b.note)!.set('quote', 'ja'))?.code).toBe('invalid')
    expect(b.send(moderator, (doc) => setQuote(doc, b.note, true))).toBeNull()
    expect(toBoardView(b.server).zones.steigen.notes[0]!.quote).toBe(true)
    expect(b.send(anna, (doc) => setQuote(doc, b.note, false))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => setQuote(doc, b.note, false))).toBeNull()
    expect(toBoardView(b.server).zones.steigen.notes[0]!.quote).toBe(false)
  })

  it('a participant cannot write a new note already marked "Zitat"', () => {
    const b = board()
    const rejection = b.send(anna, (doc) => {
      const id = addNote(doc, { zone: 'steigen', text: 'Selbst zitiert', author: 'anna' })
      doc.getMap<Y.Map<unknown>>('notes').get(id)!.set('quote', true)
    })
    expect(rejection?.code).toBe('notAllowed')
  })

  it('meeting details are the moderator\'s, each in its shape', () => {
    const b = board()
    expect(b.send(anna, (doc) => setMeetingDetails(doc, { format: 'digital' }))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => doc.getMap('meta').set('meeting.format', 'mond'))?.code).toBe('invalid')
    expect(b.send(moderator, (doc) => doc.getMap('meta').set('meeting.start', '25:00'))?.code).toBe('invalid')
    expect(b.send(moderator, (doc) => doc.getMap('meta').set('meeting.place', 'x'.repeat(121)))?.code).toBe('tooLong')
    expect(b.send(moderator, (doc) => doc.getMap('meta').set('meeting.secret', 'x'))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => setMeetingDetails(doc, { date: '2025-01-29', start: '10:00', end: '12:30', format: 'hybrid', place: 'Kassel', organiser: 'LAG' }))).toBeNull()
    expect(toBoardView(b.server).meeting).toEqual({ start: '10:00', end: '12:30', format: 'hybrid', place: 'Kassel', organiser: 'LAG' })
  })

  it('each writes only its own entry in people; names only where allowed', () => {
    const b = board()
    expect(b.send(anna, (doc) => setPerson(doc, 'anna', { institution: 'Stadt Kassel' }))).toBeNull()
    expect(b.send(anna, (doc) => setPerson(doc, 'bert', { institution: 'Untergeschoben' }))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => setPerson(doc, 'anna', { institution: 'Überschrieben' }))?.code).toBe('notAllowed')
    expect(b.send(anna, (doc) => setPerson(doc, 'anna', { institution: 'Stadt Kassel', name: 'Anna' }))?.code).toBe('notAllowed')
    expect(b.send(anna, (doc) => peopleOf(doc).set('anna', { institution: 'x', role: 'moderator' }))?.code).toBe('invalid')
    expect(toBoardView(b.server).people).toEqual({ anna: { institution: 'Stadt Kassel' } })
    expect(b.send(moderator, (doc) => peopleOf(doc).delete('anna'))).toBeNull()
    expect(toBoardView(b.server).people).toEqual({})
  })

  it('names: allowed with namesInExports, refused on an anonymous board even then', () => {
    const open = board({ namesInExports: true })
    expect(open.send(anna, (doc) => setPerson(doc, 'anna', { name: 'Anna' }))).toBeNull()
    const anonymous = board({ namesInExports: true, anonymous: true })
    expect(anonymous.send(anna, (doc) => setPerson(doc, 'anna', { name: 'Anna' }))?.code).toBe('notAllowed')
    expect(anonymous.send(anna, (doc) => setPerson(doc, 'anna', { institution: 'Stadt Kassel' }))).toBeNull()
  })

  it('a participant cannot switch names on for itself', () => {
    const b = board()
    expect(b.send(anna, (doc) => setSetting(doc, 'namesInExports', true))?.code).toBe('notAllowed')
  })

  // Seeded attempts against the people rule: random writers, keys, values and settings; an
  // independent oracle says what must be accepted, and an accepted write must be exactly what the
  // view then holds. The seed is printed, so a failure can be replayed.
  it('holds against 600 seeded random writes', { timeout: 60_000 }, () => {
    const seed = Number(process.env.SEED ?? 1616)
    const random = seededRandom(seed)
    const ids = ['anna', 'bert', 'mod', '', 'x'.repeat(50)]
    const values: unknown[] = [
      { institution: 'Stadt Kassel' },
      { institution: ' Stadt Kassel' },
      { institution: '' },
      { institution: 'x'.repeat(121) },
      { institution: 'x'.repeat(120) },
      { name: 'Anna' },
      { name: 'n'.repeat(61) },
      { institution: 'Kreis', name: 'Bert' },
      { institution: 42 },
      { author: 'anna' },
      ['Stadt Kassel'],
      null,
      'Stadt Kassel',
      {},
    ]
    let accepted = 0
    for (let i = 0; i < 600; i++) {
      const settings = { anonymous: random.chance(0.3), namesInExports: random.chance(0.5) }
      const b = board(settings)
      const actor: Actor = random.chance(0.2) ? moderator : { participantId: random.pick(['anna', 'bert']), role: 'participant' }
      const key = random.pick(ids)
      const remove = random.chance(0.15)
      const value = random.pick(values)
      const result = b.send(actor, (doc) => (remove ? peopleOf(doc).delete(key) : peopleOf(doc).set(key, value)))
      const own = key === actor.participantId
      const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : null
      const wellFormed =
        fields !== null &&
        fields.every(([k, v]) => (k === 'institution' || k === 'name') && typeof v === 'string' && v !== '' && v.trim() === v && v.length <= (k === 'name' ? 60 : 120))
      const hasName = fields?.some(([k]) => k === 'name') ?? false
      // Deleting a key nobody set changes nothing, so no write reaches the guard.
      const expectOk = remove || (own && wellFormed && (!hasName || (!settings.anonymous && settings.namesInExports)))
      const context = `seed ${seed}, attempt ${i}: ${JSON.stringify({ actor, key, remove, value, settings })}`
      expect(result === null, context).toBe(expectOk)
      const people = toBoardView(b.server).people
      if (result === null && !remove) expect(people[key], context).toEqual(value)
      else expect(people, context).toEqual({})
      if (result === null) accepted++
    }
    expect(accepted).toBeGreaterThan(30)
    expect(accepted).toBeLessThan(570)
  })
})
