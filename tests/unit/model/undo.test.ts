import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { createCluster, dissolveCluster, renameCluster } from '../../../model/clusters'
import { addNote, deleteNote, editNoteText, moveNote } from '../../../model/notes'
import { setLocked, setPhase } from '../../../model/phases'
import { ballotOf, castVote, declarePrivateRoots } from '../../../model/privateDoc'
import { clustersOf, notesOf } from '../../../model/schema'
import { createUndo } from '../../../model/undo'
import { exchange, newDoc } from '../../helpers/peers'

const ME = 'me-participant'
const OTHER = 'other-participant'
const LIMITS = { votesPerPerson: 5, maxVotesPerItem: 3 }

function setup() {
  const mine = newDoc()
  initBoard(mine, { title: 'Retro', createdAt: 1 })
  const theirs = newDoc()
  exchange(mine, theirs)
  const privateDoc = new Y.Doc()
  declarePrivateRoots(privateDoc)
  const undo = createUndo(mine, privateDoc)
  return { mine, theirs, privateDoc, undo }
}

const textOf = (doc: Y.Doc, id: string) => notesOf(doc).get(id)?.get('text')?.toString()

describe('Rückgängig for my own changes', () => {
  it('takes back my last change, then the one before, and does them again in order', () => {
    const { mine, undo } = setup()
    expect(undo.canUndo()).toBe(false)
    const id = addNote(mine, { zone: 'steigen', text: 'Erster Entwurf', author: ME, createdAt: 2 })
    editNoteText(mine, id, 'Zweiter Entwurf')
    moveNote(mine, id, { zone: 'untenHalten' })
    expect(undo.undo()).toBe(true)
    expect(notesOf(mine).get(id)?.get('zone')).toBe('steigen')
    expect(undo.undo()).toBe(true)
    expect(textOf(mine, id)).toBe('Erster Entwurf')
    expect(undo.undo()).toBe(true)
    expect(notesOf(mine).has(id)).toBe(false)
    expect(undo.canUndo()).toBe(false)
    expect(undo.undo()).toBe(false)
    expect(undo.redo()).toBe(true)
    expect(undo.redo()).toBe(true)
    expect(textOf(mine, id)).toBe('Zweiter Entwurf')
    expect(undo.canRedo()).toBe(true)
    // A new change of mine ends what could be redone.
    editNoteText(mine, id, 'Dritter Entwurf')
    expect(undo.canRedo()).toBe(false)
    expect(undo.redo()).toBe(false)
  })

  it('never reverts what someone else did meanwhile, even on the same note', () => {
    const { mine, theirs, undo } = setup()
    const id = addNote(mine, { zone: 'steigen', text: 'Gemeinsam', author: ME, createdAt: 2 })
    exchange(mine, theirs)
    const other = addNote(theirs, { zone: 'untenHalten', text: 'Von jemand anderem', author: OTHER, createdAt: 3 })
    moveNote(mine, id, { zone: 'einheizen' })
    exchange(mine, theirs)
    // They rename the note's text after my move; I take my move back.
    ;(notesOf(theirs).get(id)!.get('text') as Y.Text).insert(0, 'Sehr ')
    exchange(mine, theirs)
    expect(undo.undo()).toBe(true)
    exchange(mine, theirs)
    for (const doc of [mine, theirs]) {
      expect(notesOf(doc).get(id)?.get('zone')).toBe('steigen')
      expect(textOf(doc, id)).toBe('Sehr Gemeinsam')
      expect(textOf(doc, other)).toBe('Von jemand anderem')
    }
    // Their note was never mine to take back: one more undo removes only my own note.
    expect(undo.undo()).toBe(true)
    exchange(mine, theirs)
    expect(notesOf(theirs).has(id)).toBe(false)
    expect(notesOf(theirs).has(other)).toBe(true)
    expect(undo.canUndo()).toBe(false)
  })

  it('covers clusters: a dissolve, a rename and the grouping come back in reverse order', () => {
    const { mine, undo } = setup()
    const a = addNote(mine, { zone: 'steigen', text: 'A', author: ME, createdAt: 2 })
    const b = addNote(mine, { zone: 'steigen', text: 'B', author: ME, createdAt: 3 })
    const cluster = createCluster(mine, { zone: 'steigen', title: 'Netzwerk', noteIds: [a, b] })
    renameCluster(mine, cluster, 'Vernetzung')
    dissolveCluster(mine, cluster)
    expect(clustersOf(mine).has(cluster)).toBe(false)
    undo.undo()
    expect(clustersOf(mine).get(cluster)?.get('title')?.toString()).toBe('Vernetzung')
    expect([a, b].map((n) => notesOf(mine).get(n)?.get('clusterId'))).toEqual([cluster, cluster])
    undo.undo()
    expect(clustersOf(mine).get(cluster)?.get('title')?.toString()).toBe('Netzwerk')
    undo.undo()
    expect(clustersOf(mine).has(cluster)).toBe(false)
    expect(notesOf(mine).get(a)?.get('clusterId') ?? null).toBe(null)
  })

  it('interleaves my votes (private ballot) and my board changes in the order I made them', () => {
    const { mine, privateDoc, undo } = setup()
    const id = addNote(mine, { zone: 'steigen', text: 'A', author: ME, createdAt: 2 })
    castVote(privateDoc, id, 1, LIMITS)
    castVote(privateDoc, id, 1, LIMITS)
    deleteNote(mine, id)
    undo.undo()
    expect(notesOf(mine).has(id)).toBe(true)
    expect(ballotOf(privateDoc).get(id)).toBe(2)
    undo.undo()
    expect(ballotOf(privateDoc).get(id)).toBe(1)
    undo.undo()
    expect(ballotOf(privateDoc).has(id)).toBe(false)
    expect(notesOf(mine).has(id)).toBe(true)
  })

  it('forgets every step when the phase or the lock changes, whoever changed it', () => {
    const { mine, theirs, undo } = setup()
    addNote(mine, { zone: 'steigen', text: 'A', author: ME, createdAt: 2 })
    expect(undo.canUndo()).toBe(true)
    setPhase(theirs, 'aufdecken')
    exchange(mine, theirs)
    expect(undo.canUndo()).toBe(false)
    const id = addNote(mine, { zone: 'steigen', text: 'B', author: ME, createdAt: 3 })
    undo.undo()
    expect(undo.canRedo()).toBe(true)
    setLocked(mine, true)
    expect(undo.canUndo()).toBe(false)
    expect(undo.canRedo()).toBe(false)
    expect(notesOf(mine).has(id)).toBe(false)
  })

  it('tells its listeners when what can be undone changes', () => {
    const { mine, undo } = setup()
    const seen: boolean[] = []
    const stop = undo.onChange(() => seen.push(undo.canUndo()))
    addNote(mine, { zone: 'steigen', text: 'A', author: ME, createdAt: 2 })
    undo.undo()
    stop()
    addNote(mine, { zone: 'steigen', text: 'B', author: ME, createdAt: 3 })
    expect(seen).toEqual([true, false])
  })
})
