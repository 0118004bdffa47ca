import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initBoard, setQuestion, setTitle } from '../../../model/board'
import { addNote, deleteNote, editNoteText, moveNote } from '../../../model/notes'
import { metaOf, notesOf } from '../../../model/schema'
import { DEFAULT_SETTINGS } from '../../../model/settings'
import { EMPTY_BOARD, toBoardView } from '../../../model/view'
import type { BoardView } from '../../../model/view'
import { ZONE_IDS } from '../../../model/zones'
import { exchange, newDoc, twoPeers } from '../../helpers/peers'

const ALICE = 'alice-participant'

function expectDeepFrozen(value: unknown, path = 'view'): void {
  if (value === null || typeof value !== 'object') return
  expect(Object.isFrozen(value), path).toBe(true)
  const proto = Object.getPrototypeOf(value) as unknown
  expect(proto === Object.prototype || proto === Array.prototype, `${path} is plain`).toBe(true)
  for (const [key, child] of Object.entries(value)) expectDeepFrozen(child, `${path}.${key}`)
}

function board(): { doc: Y.Doc; a: string; b: string; c: string } {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', topic: 'Q3', createdAt: 7 })
  const a = addNote(doc, { zone: 'steigen', text: 'A', author: ALICE, createdAt: 1 })
  const b = addNote(doc, { zone: 'steigen', text: 'B', author: ALICE, createdAt: 2 })
  const c = addNote(doc, { zone: 'einheizen', text: 'C', author: ALICE, createdAt: 3 })
  return { doc, a, b, c }
}

describe('toBoardView', () => {
  it('reads an empty doc as the empty board', () => {
    expect(toBoardView(newDoc())).toBe(EMPTY_BOARD)
    expect(EMPTY_BOARD.zones.steigen.notes).toEqual([])
    expectDeepFrozen(EMPTY_BOARD)
  })

  it('reads meta, zones and notes into deeply frozen plain objects', () => {
    const { doc, a, b, c } = board()
    const view = toBoardView(doc)
    const steigen = [
      { id: a, zone: 'steigen', text: 'A', author: ALICE, createdAt: 1, order: expect.any(String), clusterId: null, quote: false },
      { id: b, zone: 'steigen', text: 'B', author: ALICE, createdAt: 2, order: expect.any(String), clusterId: null, quote: false },
    ]
    const einheizen = [{ id: c, zone: 'einheizen', text: 'C', author: ALICE, createdAt: 3, order: expect.any(String), clusterId: null, quote: false }]
    expect(view).toEqual({
      title: 'Retro',
      topic: 'Q3',
      locale: 'de',
      createdAt: 7,
      date: '1970-01-01',
      participantCount: 0,
      seats: {},
      meeting: { start: '', end: '', format: '', place: '', organiser: '' },
      people: {},
      phase: 'sammeln',
      settings: DEFAULT_SETTINGS,
      locked: false,
      timer: null,
      focus: null,
      votesRevealed: false,
      discussion: null,
      presentation: null,
      noteCount: 3,
      zones: {
        steigen: {
          id: 'steigen',
          question: null,
          notes: steigen,
          clusters: [],
          loose: steigen,
        },
        untenHalten: { id: 'untenHalten', question: null, notes: [], clusters: [], loose: [] },
        einheizen: { id: 'einheizen', question: null, notes: einheizen, clusters: [], loose: einheizen },
      },
      actions: [],
      review: [],
      bericht: {},
      progress: { drafts: { steigen: 0, untenHalten: 0, einheizen: 0 }, done: [], voted: [] },
      tally: {},
    })
    expectDeepFrozen(view)
    expect(() => {
      ;(view as { title: string }).title = 'x'
    }).toThrow(TypeError)
    // Plain data: no Y types leak into the view.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view)
  })

  it('has null questions by default and the moderator question once set', () => {
    const { doc } = board()
    for (const zone of ZONE_IDS) expect(toBoardView(doc).zones[zone].question).toBeNull()
    setQuestion(doc, 'einheizen', 'Was brauchen wir?')
    expect(toBoardView(doc).zones.einheizen.question).toBe('Was brauchen wir?')
    expect(toBoardView(doc).zones.steigen.question).toBeNull()
  })

  it('keeps the whole board when nothing changed', () => {
    const { doc } = board()
    const first = toBoardView(doc)
    expect(toBoardView(doc, first)).toBe(first)
    // Also from a view built by another doc with the same content.
    const copy = newDoc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const again = toBoardView(copy, first)
    expect(again).toBe(first)
  })

  it('gives a new object for the changed note only', () => {
    const { doc, a, b } = board()
    const before = toBoardView(doc)
    editNoteText(doc, b, 'B2')
    const after = toBoardView(doc, before)
    expect(after).not.toBe(before)
    expect(after.zones.steigen).not.toBe(before.zones.steigen)
    expect(after.zones.steigen.notes).not.toBe(before.zones.steigen.notes)
    expect(after.zones.steigen.notes[0]).toBe(before.zones.steigen.notes[0])
    expect(after.zones.steigen.notes[1]).not.toBe(before.zones.steigen.notes[1])
    expect(after.zones.steigen.notes[1]).toMatchObject({ id: b, text: 'B2' })
    expect(after.zones.steigen.notes[0]?.id).toBe(a)
    // Untouched zones keep their identity.
    expect(after.zones.einheizen).toBe(before.zones.einheizen)
    expect(after.zones.untenHalten).toBe(before.zones.untenHalten)
    expectDeepFrozen(after)
  })

  it('keeps notes and zones when only the title changes', () => {
    const { doc } = board()
    const before = toBoardView(doc)
    setTitle(doc, 'Neuer Titel')
    const after = toBoardView(doc, before)
    expect(after.title).toBe('Neuer Titel')
    expect(after).not.toBe(before)
    expect(after.zones).toBe(before.zones)
  })

  it('keeps the moved note object when only its position in the zone changes', () => {
    const { doc, a, b } = board()
    const before = toBoardView(doc)
    moveNote(doc, b, { zone: 'steigen', beforeId: a })
    const after = toBoardView(doc, before)
    expect(after.zones.steigen.notes.map((n) => n.id)).toEqual([b, a])
    expect(after.zones.steigen.notes[1]).toBe(before.zones.steigen.notes[0])
    expect(after.zones.steigen.notes[0]).not.toBe(before.zones.steigen.notes[1])
    expect(after.zones.einheizen).toBe(before.zones.einheizen)
  })

  it('moves a note between zones and updates both zones and the count on deletion', () => {
    const { doc, a, c } = board()
    const before = toBoardView(doc)
    moveNote(doc, a, { zone: 'untenHalten' })
    const moved = toBoardView(doc, before)
    expect(moved.zones.untenHalten.notes.map((n) => n.id)).toEqual([a])
    expect(moved.zones.steigen.notes).toHaveLength(1)
    expect(moved.zones.einheizen).toBe(before.zones.einheizen)
    deleteNote(doc, c)
    const deleted = toBoardView(doc, moved)
    expect(deleted.noteCount).toBe(2)
    expect(deleted.zones.einheizen.notes).toEqual([])
    expect(deleted.zones.untenHalten).toBe(moved.zones.untenHalten)
  })

  it('keeps unchanged notes when a remote peer changes one', () => {
    const [p, q] = twoPeers()
    const a = addNote(p, { zone: 'steigen', text: 'A', author: ALICE })
    const b = addNote(p, { zone: 'steigen', text: 'B', author: ALICE })
    exchange(p, q)
    let view: BoardView = toBoardView(q)
    const kept = view.zones.steigen.notes.find((n) => n.id === a)
    editNoteText(p, b, 'B!')
    exchange(p, q)
    view = toBoardView(q, view)
    expect(view.zones.steigen.notes.find((n) => n.id === a)).toBe(kept)
    expect(view.zones.steigen.notes.find((n) => n.id === b)?.text).toBe('B!')
  })

  it('skips notes with an unknown zone and reads missing fields as defaults', () => {
    const doc = newDoc()
    doc.transact(() => {
      const bad = new Y.Map<unknown>()
      bad.set('zone', 'keller')
      notesOf(doc).set('bad', bad)
      const bare = new Y.Map<unknown>()
      bare.set('zone', 'steigen')
      notesOf(doc).set('bare', bare)
      metaOf(doc).set('locale', 'fr')
      metaOf(doc).set('title', 42)
    })
    const view = toBoardView(doc)
    expect(view.noteCount).toBe(1)
    expect(view.locale).toBe('de')
    expect(view.title).toBe('')
    expect(view.zones.steigen.notes).toEqual([
      { id: 'bare', zone: 'steigen', text: '', author: null, createdAt: 0, order: '', clusterId: null, quote: false },
    ])
  })
})
