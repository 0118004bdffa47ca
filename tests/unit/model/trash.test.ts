import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { describeUpdate } from '../../../model/changes'
import { createCluster, dissolveCluster } from '../../../model/clusters'
import { boardFacts } from '../../../model/facts'
import { newItemId } from '../../../model/ids'
import type { Actor } from '../../../model/identity'
import { addNote, deleteNote } from '../../../model/notes'
import { setPhase } from '../../../model/phases'
import { clustersOf, notesOf } from '../../../model/schema'
import { captureEntry, deletedItems, parseTrashEntry, restoreEntry, restoreRefusal } from '../../../model/trash'
import type { TrashEntry } from '../../../model/trash'
import { newDoc } from '../../helpers/peers'

const MODERATOR: Actor = { participantId: 'mod', role: 'moderator' }
const PARTICIPANT: Actor = { participantId: 'anna', role: 'participant' }

function board(): Y.Doc {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', createdAt: 1, settings: { privateWriting: false } })
  return doc
}

/** What the server does: read the update's deletions, capture them from the doc before applying. */
function deleteAndCapture(doc: Y.Doc, change: (copy: Y.Doc) => void): TrashEntry[] {
  const copy = newDoc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const sv = Y.encodeStateVector(copy)
  change(copy)
  const update = Y.encodeStateAsUpdate(copy, sv)
  const entries = deletedItems(describeUpdate(doc, update)).flatMap(({ root, id }) => captureEntry(doc, root, id, 1000, false) ?? [])
  Y.applyUpdate(doc, update)
  return entries
}

describe('model/trash: what a delete keeps and how it comes back', () => {
  it('captures a deleted note in its cluster and restores it there, text, order and author included', () => {
    const doc = board()
    const a = addNote(doc, { zone: 'steigen', text: 'Eins', author: 'anna' })
    const b = addNote(doc, { zone: 'steigen', text: 'Zwei', author: 'ben' })
    const cluster = createCluster(doc, { zone: 'steigen', title: 'Paar', noteIds: [a, b] })
    const before = notesOf(doc).get(a)!.toJSON()
    const [entry] = deleteAndCapture(doc, (copy) => deleteNote(copy, a))
    expect(entry).toMatchObject({ kind: 'note', id: a, text: 'Eins', author: 'anna', clusterId: cluster })
    expect(notesOf(doc).has(a)).toBe(false)
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, entry!)).toBeNull()
    restoreEntry(doc, entry!, false)
    expect(notesOf(doc).get(a)!.toJSON()).toEqual(before)
  })

  it('restores a dissolved cluster with its title and those notes that are in no other cluster now', () => {
    const doc = board()
    const [a, b, c] = ['Eins', 'Zwei', 'Drei'].map((text) => addNote(doc, { zone: 'einheizen', text, author: 'anna' }))
    const cluster = createCluster(doc, { zone: 'einheizen', title: 'Gruppe', noteIds: [a!, b!] })
    const [entry] = deleteAndCapture(doc, (copy) => dissolveCluster(copy, cluster))
    expect(entry).toMatchObject({ kind: 'cluster', id: cluster, title: 'Gruppe', noteIds: [a, b] })
    // Meanwhile b joined another cluster: it stays there.
    const other = createCluster(doc, { zone: 'einheizen', title: 'Andere', noteIds: [b!, c!] })
    restoreEntry(doc, entry!, false)
    expect(String(clustersOf(doc).get(cluster)!.get('title'))).toBe('Gruppe')
    expect([a, b].map((id) => notesOf(doc).get(id!)!.get('clusterId'))).toEqual([cluster, other])
  })

  it('refuses participants, Abschluss, an id in use, a cluster whose notes are gone, and notes while collecting privately', () => {
    const doc = board()
    const a = addNote(doc, { zone: 'steigen', text: 'Eins', author: 'anna' })
    const b = addNote(doc, { zone: 'steigen', text: 'Zwei', author: 'anna' })
    const cluster = createCluster(doc, { zone: 'steigen', title: 'Paar', noteIds: [a, b] })
    const [dissolved] = deleteAndCapture(doc, (copy) => dissolveCluster(copy, cluster))
    const [note] = deleteAndCapture(doc, (copy) => deleteNote(copy, a))
    expect(restoreRefusal(doc, boardFacts(doc), PARTICIPANT, note!)).toBe('notAllowed')
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, { ...note!, id: b })).toBe('alreadyThere')
    deleteNote(doc, b)
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, dissolved!)).toBe('notesGone')
    doc.getMap('meta').set('setting.privateWriting', true)
    setPhase(doc, 'sammeln')
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, note!)).toBe('privateCollecting')
    setPhase(doc, 'abschluss')
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, note!)).toBe('closed')
  })

  it('restores no author on a board that is anonymous now', () => {
    const doc = board()
    const a = addNote(doc, { zone: 'steigen', text: 'Eins', author: 'anna' })
    const [entry] = deleteAndCapture(doc, (copy) => deleteNote(copy, a))
    restoreEntry(doc, entry!, true)
    expect(notesOf(doc).get(a)!.has('author')).toBe(false)
  })

  it('reads back only well-formed entries from storage', () => {
    const good = { kind: 'note', id: newItemId(), zone: 'steigen', text: 'x', createdAt: 1, order: 'a0', clusterId: null, deletedAt: 2 }
    expect(parseTrashEntry(good)).toEqual(good)
    for (const bad of [
      null,
      'note',
      { ...good, kind: 'action' },
      { ...good, id: 'kein Id!' },
      { ...good, zone: 'oben' },
      { ...good, text: 'x'.repeat(1001) },
      { ...good, author: 42 },
      { ...good, clusterId: 'not an id!' },
      { ...good, deletedAt: -1 },
      { ...good, kind: 'cluster', title: 't', noteIds: ['<script>'] },
    ])
      expect(parseTrashEntry(bad)).toBeNull()
  })
})
