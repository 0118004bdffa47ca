import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import {
  addToCluster,
  createCluster,
  dissolveCluster,
  groupNotes,
  groupSelected,
  moveCluster,
  removeFromCluster,
  renameCluster,
} from '../../../model/clusters'
import { LIMITS } from '../../../model/limits'
import { addNote, moveNote } from '../../../model/notes'
import { clustersOf, notesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import type { ZoneId } from '../../../model/zones'
import { capture, exchange, newDoc, twoPeers } from '../../helpers/peers'

const ALICE = 'alice-participant'

function board(): { doc: Y.Doc; a: string; b: string; c: string; d: string } {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', createdAt: 1 })
  const a = addNote(doc, { zone: 'steigen', text: 'A', author: ALICE, createdAt: 1 })
  const b = addNote(doc, { zone: 'steigen', text: 'B', author: ALICE, createdAt: 2 })
  const c = addNote(doc, { zone: 'steigen', text: 'C', author: ALICE, createdAt: 3 })
  const d = addNote(doc, { zone: 'einheizen', text: 'D', author: ALICE, createdAt: 4 })
  return { doc, a, b, c, d }
}

function field(doc: Y.Doc, id: string, key: string): unknown {
  return notesOf(doc).get(id)?.get(key)
}

function titleOf(doc: Y.Doc, id: string): string {
  return String(clustersOf(doc).get(id)?.get('title'))
}

/** Cluster ids and their note ids per zone, as the view shows them. */
function layout(doc: Y.Doc, zone: ZoneId): { clusters: [string, string[]][]; loose: string[] } {
  const z = toBoardView(doc).zones[zone]
  return { clusters: z.clusters.map((c) => [c.id, c.notes.map((n) => n.id)]), loose: z.loose.map((n) => n.id) }
}

describe('createCluster', () => {
  it('creates a titled cluster holding the notes, in its zone', () => {
    const { doc, a, b, d } = board()
    const id = createCluster(doc, { zone: 'steigen', title: '  Team  ', noteIds: [a, d] })
    const c = clustersOf(doc).get(id)!
    expect(c.get('zone')).toBe('steigen')
    expect(c.get('title')).toBeInstanceOf(Y.Text)
    expect(titleOf(doc, id)).toBe('Team')
    expect(typeof c.get('order')).toBe('string')
    expect(field(doc, a, 'clusterId')).toBe(id)
    // The note from another zone moved into the cluster's zone.
    expect(field(doc, d, 'zone')).toBe('steigen')
    expect(field(doc, d, 'clusterId')).toBe(id)
    expect(field(doc, b, 'clusterId')).toBeNull()
    expect(layout(doc, 'steigen').clusters).toEqual([[id, [a, d]]])
    expect(toBoardView(doc).zones.einheizen.notes).toEqual([])
  })

  it('creates it in one transaction with an empty title by default, clipped to the limit', () => {
    const { doc, a } = board()
    let id = ''
    expect(capture(doc, () => (id = createCluster(doc, { zone: 'steigen', noteIds: [a] })))).toHaveLength(1)
    expect(titleOf(doc, id)).toBe('')
    const long = createCluster(doc, { zone: 'steigen', title: 'x'.repeat(LIMITS.clusterTitleLength + 10), noteIds: [] })
    expect(titleOf(doc, long)).toHaveLength(LIMITS.clusterTitleLength)
  })

  it('orders new clusters after the existing ones in the zone', () => {
    const { doc, a, b, c } = board()
    const one = createCluster(doc, { zone: 'steigen', noteIds: [a] })
    const two = createCluster(doc, { zone: 'steigen', noteIds: [b] })
    const three = createCluster(doc, { zone: 'steigen', noteIds: [c] })
    expect(toBoardView(doc).zones.steigen.clusters.map((x) => x.id)).toEqual([one, two, three])
  })

  it('takes a note out of its previous cluster and deletes that cluster when emptied', () => {
    const { doc, a, b } = board()
    const first = createCluster(doc, { zone: 'steigen', noteIds: [a] })
    const second = createCluster(doc, { zone: 'steigen', noteIds: [a, b] })
    expect(clustersOf(doc).has(first)).toBe(false)
    expect(layout(doc, 'steigen').clusters).toEqual([[second, [a, b]]])
  })

  it('refuses an unknown note without leaving a cluster behind', () => {
    const { doc, a } = board()
    expect(() => createCluster(doc, { zone: 'steigen', noteIds: [a, 'missing'] })).toThrowModelError('unknownNote')
    expect(clustersOf(doc).size).toBe(0)
    expect(field(doc, a, 'clusterId')).toBeNull()
  })

  it('refuses clusters beyond the board limit', () => {
    const { doc } = board()
    doc.transact(() => {
      for (let i = 0; i < LIMITS.clustersPerBoard; i++) clustersOf(doc).set(`c${i}`, new Y.Map())
    })
    expect(() => createCluster(doc, { zone: 'steigen', noteIds: [] })).toThrowModelError('boardFull')
  })
})

describe('groupNotes', () => {
  it('forms a new cluster of two loose notes, in the target’s zone', () => {
    const { doc, a, d } = board()
    const id = groupNotes(doc, d, a)
    expect(layout(doc, 'steigen').clusters).toEqual([[id, [a, d]]])
    expect(field(doc, d, 'zone')).toBe('steigen')
  })

  it('joins the target’s cluster when it has one', () => {
    const { doc, a, b, c } = board()
    const id = groupNotes(doc, b, a)
    expect(groupNotes(doc, c, a)).toBe(id)
    expect(groupNotes(doc, c, b)).toBe(id)
    expect(clustersOf(doc).size).toBe(1)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [[id, [a, b, c]]], loose: [] })
  })

  it('refuses unknown notes', () => {
    const { doc, a } = board()
    expect(() => groupNotes(doc, a, 'missing')).toThrowModelError('unknownNote')
    expect(() => groupNotes(doc, 'missing', a)).toThrowModelError('unknownNote')
    expect(clustersOf(doc).size).toBe(0)
  })

  it('removes the dragged note’s old cluster when it leaves it empty', () => {
    const { doc, a, b, c } = board()
    const old = createCluster(doc, { zone: 'steigen', noteIds: [c] })
    const id = groupNotes(doc, c, a)
    expect(id).not.toBe(old)
    expect(clustersOf(doc).has(old)).toBe(false)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [[id, [a, c]]], loose: [b] })
  })
})

describe('addToCluster and removeFromCluster', () => {
  it('adds a note at the end or before another note, moving it into the cluster’s zone', () => {
    const { doc, a, b, c, d } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a, b] })
    addToCluster(doc, d, id)
    expect(layout(doc, 'steigen').clusters).toEqual([[id, [a, b, d]]])
    expect(field(doc, d, 'zone')).toBe('steigen')
    addToCluster(doc, c, id, b)
    expect(layout(doc, 'steigen').clusters).toEqual([[id, [a, c, b, d]]])
  })

  it('refuses an unknown cluster or note', () => {
    const { doc, a } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a] })
    expect(() => addToCluster(doc, a, 'nope')).toThrowModelError('unknownCluster')
    expect(() => addToCluster(doc, 'nope', id)).toThrowModelError('unknownNote')
    expect(() => removeFromCluster(doc, 'nope')).toThrowModelError('unknownNote')
  })

  it('takes a note out, keeps it in its zone, and deletes an emptied cluster', () => {
    const { doc, a, b, c } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a, b] })
    removeFromCluster(doc, a)
    expect(field(doc, a, 'clusterId')).toBeNull()
    expect(field(doc, a, 'zone')).toBe('steigen')
    expect(clustersOf(doc).has(id)).toBe(true)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [[id, [b]]], loose: [c, a] })
    removeFromCluster(doc, b)
    expect(clustersOf(doc).has(id)).toBe(false)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [], loose: [c, a, b] })
  })

  it('moving a note from one cluster to another deletes the emptied one', () => {
    const { doc, a, b } = board()
    const one = createCluster(doc, { zone: 'steigen', noteIds: [a] })
    const two = createCluster(doc, { zone: 'steigen', noteIds: [b] })
    addToCluster(doc, a, two)
    expect(clustersOf(doc).has(one)).toBe(false)
    expect(layout(doc, 'steigen').clusters).toEqual([[two, [b, a]]])
  })
})

describe('renameCluster', () => {
  it('renames, trims, allows an empty title and refuses one too long', () => {
    const { doc, a } = board()
    const id = createCluster(doc, { zone: 'steigen', title: 'Alt', noteIds: [a] })
    renameCluster(doc, id, '  Neu  ')
    expect(titleOf(doc, id)).toBe('Neu')
    expect(toBoardView(doc).zones.steigen.clusters[0]?.title).toBe('Neu')
    renameCluster(doc, id, '   ')
    expect(titleOf(doc, id)).toBe('')
    expect(() => renameCluster(doc, id, 'x'.repeat(LIMITS.clusterTitleLength + 1))).toThrowModelError('tooLong')
    expect(titleOf(doc, id)).toBe('')
    expect(() => renameCluster(doc, 'nope', 'x')).toThrowModelError('unknownCluster')
  })

  it('merges concurrent renames in different places of the title', () => {
    const [one, two] = twoPeers()
    const a = addNote(one, { zone: 'steigen', text: 'A', author: ALICE })
    const id = createCluster(one, { zone: 'steigen', title: 'Team Kommunikation', noteIds: [a] })
    exchange(one, two)
    renameCluster(one, id, 'Gute Team Kommunikation')
    renameCluster(two, id, 'Team Kommunikation!')
    exchange(one, two)
    expect(titleOf(one, id)).toBe('Gute Team Kommunikation!')
    expect(titleOf(two, id)).toBe('Gute Team Kommunikation!')
  })

  it('writes nothing when the title is unchanged', () => {
    const { doc, a } = board()
    const id = createCluster(doc, { zone: 'steigen', title: 'Gleich', noteIds: [a] })
    expect(capture(doc, () => renameCluster(doc, id, 'Gleich '))).toHaveLength(0)
  })
})

describe('dissolveCluster', () => {
  it('deletes the cluster and leaves its notes unclustered where they are', () => {
    const { doc, a, b, c } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a, c] })
    const other = createCluster(doc, { zone: 'steigen', noteIds: [b] })
    dissolveCluster(doc, id)
    expect(clustersOf(doc).has(id)).toBe(false)
    expect(field(doc, a, 'clusterId')).toBeNull()
    expect(field(doc, c, 'clusterId')).toBeNull()
    expect(field(doc, b, 'clusterId')).toBe(other)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [[other, [b]]], loose: [a, c] })
    expect(() => dissolveCluster(doc, id)).toThrowModelError('unknownCluster')
  })
})

describe('moveCluster', () => {
  it('reorders clusters within a zone', () => {
    const { doc, a, b, c } = board()
    const one = createCluster(doc, { zone: 'steigen', noteIds: [a] })
    const two = createCluster(doc, { zone: 'steigen', noteIds: [b] })
    const three = createCluster(doc, { zone: 'steigen', noteIds: [c] })
    moveCluster(doc, three, 'steigen', one)
    expect(toBoardView(doc).zones.steigen.clusters.map((x) => x.id)).toEqual([three, one, two])
    moveCluster(doc, three, 'steigen')
    expect(toBoardView(doc).zones.steigen.clusters.map((x) => x.id)).toEqual([one, two, three])
  })

  it('moves a cluster with all its notes into another zone', () => {
    const { doc, a, b, c, d } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a, b] })
    const there = createCluster(doc, { zone: 'einheizen', noteIds: [d] })
    moveCluster(doc, id, 'einheizen', there)
    expect(clustersOf(doc).get(id)?.get('zone')).toBe('einheizen')
    expect(field(doc, a, 'zone')).toBe('einheizen')
    expect(field(doc, b, 'zone')).toBe('einheizen')
    expect(field(doc, c, 'zone')).toBe('steigen')
    expect(layout(doc, 'einheizen').clusters).toEqual([
      [id, [a, b]],
      [there, [d]],
    ])
    expect(layout(doc, 'steigen')).toEqual({ clusters: [], loose: [c] })
    expect(() => moveCluster(doc, 'nope', 'steigen')).toThrowModelError('unknownCluster')
  })
})

describe('moveNote and clusters', () => {
  it('clears the cluster when a note moves to another zone, keeps it within the zone', () => {
    const { doc, a, b, c } = board()
    const id = createCluster(doc, { zone: 'steigen', noteIds: [a, b] })
    moveNote(doc, a, { zone: 'steigen', beforeId: c })
    expect(field(doc, a, 'clusterId')).toBe(id)
    moveNote(doc, a, { zone: 'untenHalten' })
    expect(field(doc, a, 'clusterId')).toBeNull()
    expect(field(doc, a, 'zone')).toBe('untenHalten')
    expect(layout(doc, 'steigen').clusters).toEqual([[id, [b]]])
    expect(layout(doc, 'untenHalten')).toEqual({ clusters: [], loose: [a] })
  })
})

describe('groupSelected', () => {
  it('forms a new cluster of loose notes in the first note’s zone, notes from other zones moving along', () => {
    const { doc, a, c, d } = board()
    const updates = capture(doc, () => groupSelected(doc, [c, d, a]))
    expect(updates).toHaveLength(1)
    const [[id, notes]] = layout(doc, 'steigen').clusters as [[string, string[]]]
    expect(new Set(notes)).toEqual(new Set([a, c, d]))
    expect(field(doc, d, 'zone')).toBe('steigen')
    expect(titleOf(doc, id)).toBe('')
    expect(layout(doc, 'einheizen')).toEqual({ clusters: [], loose: [] })
  })

  it('joins the first selected note’s existing cluster and removes a cluster it empties', () => {
    const { doc, a, b, c, d } = board()
    const first = createCluster(doc, { zone: 'einheizen', noteIds: [d] })
    const second = createCluster(doc, { zone: 'steigen', noteIds: [b] })
    const updates = capture(doc, () => expect(groupSelected(doc, [a, d, b, c])).toBe(first))
    expect(updates).toHaveLength(1)
    expect(layout(doc, 'einheizen').clusters).toEqual([[first, [d, a, b, c]]])
    expect(clustersOf(doc).has(second)).toBe(false)
    expect(layout(doc, 'steigen')).toEqual({ clusters: [], loose: [] })
  })

  it('refuses fewer than two different notes and unknown notes, writing nothing', () => {
    const { doc, a, b } = board()
    const before = Y.encodeStateVector(doc)
    expect(() => groupSelected(doc, [a, a])).toThrow('tooFew')
    expect(() => groupSelected(doc, [])).toThrow('tooFew')
    expect(() => groupSelected(doc, [a, 'nope', b])).toThrow('unknownNote')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(clustersOf(doc).size).toBe(0)
  })
})
