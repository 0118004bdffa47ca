import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { addNote } from '../../../model/notes'
import { toBoardView } from '../../../model/view'
import { StoredDoc } from '../../../server/storedDoc'

function stored() {
  const source = new Y.Doc()
  initBoard(source, { title: 'Gespeichert' })
  addNote(source, { zone: 'steigen', text: 'im Snapshot', author: 'p1' })
  const snapshot = Y.encodeStateAsUpdate(source)
  const tail: Uint8Array[] = []
  source.on('update', (u: Uint8Array) => tail.push(u))
  addNote(source, { zone: 'einheizen', text: 'im Log', author: 'p2' })
  return { source, snapshot, tail }
}

describe('StoredDoc', () => {
  it('fills the doc only when asked, once, and tells who waits, after the decoded callback', () => {
    const { source, snapshot, tail } = stored()
    const doc = new Y.Doc()
    const events: string[] = []
    const updates: unknown[] = []
    doc.on('update', (_u: Uint8Array, origin: unknown) => updates.push(origin))
    const held = new StoredDoc(doc, 'storage', () => events.push('decoded'))
    held.hold(snapshot, tail, 60_000)
    held.whenDecoded(() => events.push('waiter'))
    expect(held.isDecoded).toBe(false)
    expect(toBoardView(doc).noteCount).toBe(0)
    held.decode()
    held.decode()
    expect(events).toEqual(['decoded', 'waiter'])
    expect(toBoardView(doc)).toEqual(toBoardView(source))
    // One transaction, under the origin the room ignores.
    expect(updates).toEqual(['storage'])
    held.whenDecoded(() => events.push('at once'))
    expect(events.at(-1)).toBe('at once')
  })

  it('decodes by itself after the given time, or soon after a first joiner was answered', async () => {
    const { snapshot, tail } = stored()
    const late = new StoredDoc(new Y.Doc(), null, () => {})
    late.hold(snapshot, tail, 30)
    await new Promise((r) => setTimeout(r, 120))
    expect(late.isDecoded).toBe(true)
    const soon = new StoredDoc(new Y.Doc(), null, () => {})
    soon.hold(snapshot, tail, 60_000)
    soon.decodeSoon()
    await new Promise((r) => setTimeout(r, 120))
    expect(soon.isDecoded).toBe(true)
  })

  it('forgets the stored state and its waiters when dropped', async () => {
    const { snapshot, tail } = stored()
    const doc = new Y.Doc()
    const held = new StoredDoc(doc, null, () => {
      throw new Error('must not decode')
    })
    held.hold(snapshot, tail, 20)
    held.whenDecoded(() => {
      throw new Error('must not run')
    })
    held.drop()
    await new Promise((r) => setTimeout(r, 60))
    held.decode()
    expect(toBoardView(doc).noteCount).toBe(0)
  })
})
