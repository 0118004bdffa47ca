import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { createCluster } from '../../../model/clusters'
import { discussionItems, setDiscussion, stepDiscussion } from '../../../model/discussion'
import { addNote } from '../../../model/notes'
import { votesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { newDoc } from '../../helpers/peers'

function votedBoard() {
  const doc = newDoc()
  initBoard(doc, {})
  const a = addNote(doc, { zone: 'steigen', text: 'Austausch', author: 'p1' })
  const b = addNote(doc, { zone: 'steigen', text: 'Netzwerk', author: 'p1' })
  const c = addNote(doc, { zone: 'untenHalten', text: 'Zu wenig Zeit', author: 'p2' })
  const d = addNote(doc, { zone: 'einheizen', text: 'Mehr Treffen', author: 'p2' })
  const e = addNote(doc, { zone: 'einheizen', text: 'Keine Stimmen', author: 'p2' })
  const cluster = createCluster(doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [a, b] })
  doc.transact(() => {
    votesOf(doc).set(cluster, 3)
    votesOf(doc).set(c, 5)
    votesOf(doc).set(d, 3)
  })
  return { doc, cluster, c, d, e }
}

describe('Besprechen', () => {
  it('lists the voted items, most votes first, equal votes in zone order, without the unvoted', () => {
    const { doc, cluster, c, d } = votedBoard()
    const items = discussionItems(toBoardView(doc))
    expect(items.map((i) => [i.id, i.votes])).toEqual([
      [c, 5],
      [cluster, 3],
      [d, 3],
    ])
    expect(items[1]).toMatchObject({ kind: 'cluster', zone: 'steigen', title: 'Vernetzung' })
    expect(items[1]!.notes.map((n) => n.text)).toEqual(['Austausch', 'Netzwerk'])
    expect(items[0]).toMatchObject({ kind: 'note', zone: 'untenHalten', title: 'Zu wenig Zeit' })
  })

  it('steps forward and back from the first item, with null past either end', () => {
    const { doc, cluster, c, d } = votedBoard()
    const items = discussionItems(toBoardView(doc))
    expect(stepDiscussion(items, null, 1)).toBe(c)
    expect(stepDiscussion(items, c, 1)).toBe(cluster)
    expect(stepDiscussion(items, cluster, 1)).toBe(d)
    expect(stepDiscussion(items, d, 1)).toBeNull()
    expect(stepDiscussion(items, cluster, -1)).toBe(c)
    expect(stepDiscussion(items, c, -1)).toBeNull()
    // An item that is gone (deleted, or its votes taken away) starts again at the top.
    expect(stepDiscussion(items, 'gone', 1)).toBe(c)
    expect(stepDiscussion([], null, 1)).toBeNull()
  })

  it('keeps the item under discussion in meta and the view, and clears it', () => {
    const { doc, cluster } = votedBoard()
    setDiscussion(doc, cluster)
    expect(toBoardView(doc).discussion).toBe(cluster)
    setDiscussion(doc, null)
    expect(toBoardView(doc).discussion).toBeNull()
  })
})
