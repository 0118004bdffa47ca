import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction } from '../../../model/agreements'
import { initBoard } from '../../../model/board'
import { addToCluster, createCluster, renameCluster } from '../../../model/clusters'
import { setFocus } from '../../../model/focus'
import { addNote, editNoteText, moveNote } from '../../../model/notes'
import { setLocked, setPhase, setVotesRevealed } from '../../../model/phases'
import { castVote, declarePrivateRoots } from '../../../model/privateDoc'
import { writeTally } from '../../../model/reveal'
import { clustersOf, notesOf, progressOf, votesOf } from '../../../model/schema'
import { DEFAULT_SETTINGS, setSetting } from '../../../model/settings'
import { startTimer } from '../../../model/timer'
import { EMPTY_BOARD, toBoardView } from '../../../model/view'
import type { BoardView } from '../../../model/view'
import { ZONE_IDS } from '../../../model/zones'
import { exchange, newDoc, twoPeers } from '../../helpers/peers'

const ALICE = 'alice-participant'

function expectDeepFrozen(value: unknown, path = 'view'): void {
  if (value === null || typeof value !== 'object') return
  expect(Object.isFrozen(value), path).toBe(true)
  for (const [key, child] of Object.entries(value)) expectDeepFrozen(child, `${path}.${key}`)
}

function board(): { doc: Y.Doc; a: string; b: string; c: string; d: string; e: string } {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', createdAt: 7 })
  const a = addNote(doc, { zone: 'steigen', text: 'A', author: ALICE, createdAt: 1 })
  const b = addNote(doc, { zone: 'steigen', text: 'B', author: ALICE, createdAt: 2 })
  const c = addNote(doc, { zone: 'steigen', text: 'C', author: ALICE, createdAt: 3 })
  const d = addNote(doc, { zone: 'steigen', text: 'D', author: ALICE, createdAt: 4 })
  const e = addNote(doc, { zone: 'einheizen', text: 'E', author: ALICE, createdAt: 5 })
  return { doc, a, b, c, d, e }
}

describe('toBoardView: moderation state', () => {
  it('starts from the empty board with defaults', () => {
    expect(EMPTY_BOARD).toMatchObject({
      phase: 'sammeln',
      settings: DEFAULT_SETTINGS,
      locked: false,
      timer: null,
      focus: null,
      votesRevealed: false,
      actions: [],
      progress: { drafts: { steigen: 0, untenHalten: 0, einheizen: 0 }, done: [], voted: [] },
      tally: {},
    })
    for (const zone of ZONE_IDS) expect(EMPTY_BOARD.zones[zone]).toEqual({ id: zone, question: null, notes: [], clusters: [], loose: [] })
    expectDeepFrozen(EMPTY_BOARD)
  })

  it('reads every moderation field into a deeply frozen view', () => {
    const { doc, a } = board()
    setPhase(doc, 'abstimmen')
    setLocked(doc, true)
    setVotesRevealed(doc, true)
    setSetting(doc, 'votesPerPerson', 7)
    startTimer(doc, 60_000, 1_000)
    setFocus(doc, { kind: 'note', id: a })
    addAction(doc, { what: 'Tun', createdAt: 3 })
    progressOf(doc).set(ALICE, { counts: { steigen: 1, untenHalten: 0, einheizen: 2 }, done: true })
    votesOf(doc).set(a, 4)
    const view = toBoardView(doc)
    expect(view).toMatchObject({
      phase: 'abstimmen',
      locked: true,
      votesRevealed: true,
      settings: { ...DEFAULT_SETTINGS, votesPerPerson: 7 },
      timer: { state: 'running', endsAt: 61_000, durationMs: 60_000 },
      focus: { kind: 'note', id: a },
      progress: { drafts: { steigen: 1, untenHalten: 0, einheizen: 2 }, done: [ALICE], voted: [] },
      tally: { [a]: 4 },
    })
    expect(view.actions.map((x) => x.what)).toEqual(['Tun'])
    expectDeepFrozen(view)
  })

  it('ignores hostile progress and tally entries', () => {
    const doc = newDoc()
    progressOf(doc).set('x', 'kaputt')
    progressOf(doc).set('y', { counts: { steigen: '3', keller: 4 }, done: 'yes' })
    votesOf(doc).set('t', 'viele' as unknown as number)
    const view = toBoardView(doc)
    expect(view.progress).toEqual({ drafts: { steigen: 0, untenHalten: 0, einheizen: 0 }, done: [], voted: [] })
    expect(view.tally).toEqual({})
  })

  it('keeps the previous view when nothing changed, and shares unchanged parts', () => {
    const { doc, a } = board()
    setSetting(doc, 'anonymous', true)
    startTimer(doc, 60_000, 0)
    setFocus(doc, { kind: 'note', id: a })
    const first = toBoardView(doc)
    expect(toBoardView(doc, first)).toBe(first)

    setPhase(doc, 'clustern')
    const second = toBoardView(doc, first)
    expect(second.phase).toBe('clustern')
    expect(second.settings).toBe(first.settings)
    expect(second.timer).toBe(first.timer)
    expect(second.focus).toBe(first.focus)
    expect(second.zones).toBe(first.zones)
    expect(second.actions).toBe(first.actions)
    expect(second.progress).toBe(first.progress)
    expect(second.tally).toBe(first.tally)
  })

  it('updates tally in the view after writeTally', () => {
    const { doc, a, b } = board()
    const alice = new Y.Doc()
    declarePrivateRoots(alice)
    castVote(alice, a, 1, { votesPerPerson: 3, maxVotesPerItem: 3 })
    castVote(alice, b, 1, { votesPerPerson: 3, maxVotesPerItem: 3 })
    const before = toBoardView(doc)
    writeTally(doc, [alice])
    const after = toBoardView(doc, before)
    expect(after.tally).toEqual({ [a]: 1, [b]: 1 })
    expect(after.zones).toBe(before.zones)
  })
})

describe('toBoardView: clusters and loose notes', () => {
  it('lists clusters per zone in order, with their notes in order; loose excludes clustered notes', () => {
    const { doc, a, b, c, d, e } = board()
    const one = createCluster(doc, { zone: 'steigen', title: 'Eins', noteIds: [c, a] })
    const two = createCluster(doc, { zone: 'einheizen', title: 'Zwei', noteIds: [e] })
    const view = toBoardView(doc)
    const steigen = view.zones.steigen
    expect(steigen.notes.map((n) => n.id)).toEqual([b, d, c, a])
    expect(steigen.clusters).toEqual([
      {
        id: one,
        zone: 'steigen',
        title: 'Eins',
        order: expect.any(String),
        notes: [expect.objectContaining({ id: c, clusterId: one }), expect.objectContaining({ id: a, clusterId: one })],
      },
    ])
    expect(steigen.loose.map((n) => n.id)).toEqual([b, d])
    // The cluster's notes are the same objects as in the zone's notes.
    expect(steigen.clusters[0]?.notes[0]).toBe(steigen.notes[2])
    expect(view.zones.einheizen.clusters.map((x) => [x.id, x.title, x.notes.map((n) => n.id)])).toEqual([[two, 'Zwei', [e]]])
    expect(view.zones.einheizen.loose).toEqual([])
    expect(view.zones.untenHalten).toEqual({ id: 'untenHalten', question: null, notes: [], clusters: [], loose: [] })
    expect(view.noteCount).toBe(5)
  })

  it('shows an empty cluster with no notes', () => {
    const doc = newDoc()
    const id = createCluster(doc, { zone: 'untenHalten', title: 'Leer', noteIds: [] })
    expect(toBoardView(doc).zones.untenHalten.clusters).toEqual([{ id, zone: 'untenHalten', title: 'Leer', order: expect.any(String), notes: [] }])
  })

  it('treats a note whose cluster is missing or in another zone as loose', () => {
    const { doc, a, b } = board()
    const there = createCluster(doc, { zone: 'einheizen', noteIds: [] })
    doc.transact(() => {
      notesOf(doc).get(a)?.set('clusterId', 'gone')
      notesOf(doc).get(b)?.set('clusterId', there)
    })
    const view = toBoardView(doc)
    expect(view.zones.steigen.loose.map((n) => n.id)).toContain(a)
    expect(view.zones.steigen.loose.map((n) => n.id)).toContain(b)
    expect(view.zones.einheizen.clusters[0]?.notes).toEqual([])
  })

  it('skips clusters with an invalid zone', () => {
    const doc = newDoc()
    const c = new Y.Map<unknown>()
    c.set('zone', 'keller')
    c.set('title', new Y.Text('x'))
    c.set('order', 'a0')
    clustersOf(doc).set('bad', c)
    const view = toBoardView(doc)
    for (const zone of ZONE_IDS) expect(view.zones[zone].clusters).toEqual([])
  })

  it('reuses unchanged clusters, notes and zones', () => {
    const { doc, a, b, c, d, e } = board()
    const one = createCluster(doc, { zone: 'steigen', title: 'Eins', noteIds: [a, b] })
    createCluster(doc, { zone: 'steigen', title: 'Zwei', noteIds: [c] })
    const first = toBoardView(doc)
    const [c1, c2] = first.zones.steigen.clusters

    // A change in another zone leaves the whole zone as it was.
    editNoteText(doc, e, 'E2')
    const second = toBoardView(doc, first)
    expect(second.zones.steigen).toBe(first.zones.steigen)
    expect(second.zones.einheizen).not.toBe(first.zones.einheizen)

    // Renaming one cluster keeps the other and the notes.
    renameCluster(doc, one, 'Eins!')
    const third = toBoardView(doc, second)
    expect(third.zones.steigen.clusters[0]).not.toBe(c1)
    expect(third.zones.steigen.clusters[0]?.title).toBe('Eins!')
    expect(third.zones.steigen.clusters[0]?.notes).toBe(c1?.notes)
    expect(third.zones.steigen.clusters[1]).toBe(c2)
    expect(third.zones.steigen.loose).toBe(second.zones.steigen.loose)
    expect(third.zones.steigen.notes).toBe(second.zones.steigen.notes)

    // Editing a clustered note changes that cluster only.
    editNoteText(doc, b, 'B2')
    const fourth = toBoardView(doc, third)
    expect(fourth.zones.steigen.clusters[0]?.notes[0]).toBe(third.zones.steigen.clusters[0]?.notes[0])
    expect(fourth.zones.steigen.clusters[0]?.notes[1]?.text).toBe('B2')
    expect(fourth.zones.steigen.clusters[1]).toBe(c2)
    expect(fourth.zones.steigen.loose).toBe(third.zones.steigen.loose)

    // Moving a loose note to the end changes loose, not the clusters.
    const dOrder = fourth.zones.steigen.loose[0]?.order
    moveNote(doc, d, { zone: 'steigen' })
    const fifth = toBoardView(doc, fourth)
    expect(fifth.zones.steigen.loose[0]?.order).not.toBe(dOrder)
    expect(fifth.zones.steigen.loose).not.toBe(fourth.zones.steigen.loose)
    expect(fifth.zones.steigen.notes.at(-1)?.id).toBe(d)
    expect(fifth.zones.steigen.clusters).toBe(fourth.zones.steigen.clusters)
    addToCluster(doc, d, one)
    const sixth = toBoardView(doc, fifth)
    expect(sixth.zones.steigen.loose).toEqual([])
    expect(sixth.zones.steigen.clusters[1]).toBe(c2)
    expect(toBoardView(doc, sixth)).toBe(sixth)
  })

  it('converges on two peers that cluster concurrently', () => {
    const [one, two] = twoPeers()
    const a = addNote(one, { zone: 'steigen', text: 'A', author: ALICE })
    const b = addNote(one, { zone: 'steigen', text: 'B', author: ALICE })
    const c = addNote(one, { zone: 'steigen', text: 'C', author: ALICE })
    exchange(one, two)
    createCluster(one, { zone: 'steigen', title: 'Eins', noteIds: [a, b] })
    createCluster(two, { zone: 'steigen', title: 'Zwei', noteIds: [c] })
    exchange(one, two)
    const strip = (v: BoardView) => JSON.parse(JSON.stringify(v.zones)) as unknown
    expect(strip(toBoardView(one))).toEqual(strip(toBoardView(two)))
    expect(toBoardView(one).zones.steigen.clusters.map((x) => x.title).sort()).toEqual(['Eins', 'Zwei'])
    expect(toBoardView(one).zones.steigen.loose).toEqual([])
  })
})
