import { describe, expect, it } from 'vitest'
import { initBoard } from '../../../model/board'
import { createCluster } from '../../../model/clusters'
import { addNote } from '../../../model/notes'
import { allPages, isPresentationPage, pageNotes, PRESENTATION_PAGE_SIZE, presentedNotes, setPresentationPage, stepPage } from '../../../model/presentation'
import { metaOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import type { ZoneId } from '../../../model/zones'
import { newDoc } from '../../helpers/peers'

function boardWith(counts: Readonly<Record<ZoneId, number>>) {
  const doc = newDoc()
  initBoard(doc, {})
  const ids: Record<ZoneId, string[]> = { steigen: [], untenHalten: [], einheizen: [] }
  for (const zone of Object.keys(counts) as ZoneId[])
    for (let i = 0; i < counts[zone]; i++) ids[zone].push(addNote(doc, { zone, text: `${zone} ${i + 1}`, author: 'p1' }))
  return { doc, ids }
}

describe('the Präsentation’s pages', () => {
  it('reads a zone cluster by cluster, the loose notes last, each note with its cluster’s title', () => {
    const { doc, ids } = boardWith({ steigen: 4, untenHalten: 0, einheizen: 0 })
    const cluster = createCluster(doc, { zone: 'steigen', title: 'Vernetzung', noteIds: [ids.steigen[2]!, ids.steigen[3]!] })
    const notes = presentedNotes(toBoardView(doc), 'steigen')
    expect(notes.map((n) => n.note.text)).toEqual(['steigen 3', 'steigen 4', 'steigen 1', 'steigen 2'])
    expect(notes.map((n) => n.cluster?.title ?? null)).toEqual(['Vernetzung', 'Vernetzung', null, null])
    expect(notes[0]!.cluster?.id).toBe(cluster)
  })

  it('pages through the zones in board order, skipping empty zones, the last page holding the rest', () => {
    const { doc } = boardWith({ steigen: PRESENTATION_PAGE_SIZE + 1, untenHalten: 0, einheizen: 2 })
    const board = toBoardView(doc)
    expect(allPages(board)).toEqual([
      { zone: 'steigen', page: 0 },
      { zone: 'steigen', page: 1 },
      { zone: 'einheizen', page: 0 },
    ])
    expect(pageNotes(board, { zone: 'steigen', page: 0 })).toHaveLength(PRESENTATION_PAGE_SIZE)
    expect(pageNotes(board, { zone: 'steigen', page: 1 }).map((n) => n.note.text)).toEqual([`steigen ${PRESENTATION_PAGE_SIZE + 1}`])
    expect(pageNotes(board, { zone: 'steigen', page: 5 })).toEqual([])
  })

  it('steps from the overview to the first page and back, and past either end to the overview', () => {
    const { doc } = boardWith({ steigen: PRESENTATION_PAGE_SIZE + 1, untenHalten: 1, einheizen: 0 })
    const board = toBoardView(doc)
    expect(stepPage(board, null, 1)).toEqual({ zone: 'steigen', page: 0 })
    expect(stepPage(board, null, -1)).toEqual({ zone: 'untenHalten', page: 0 })
    expect(stepPage(board, { zone: 'steigen', page: 1 }, 1)).toEqual({ zone: 'untenHalten', page: 0 })
    expect(stepPage(board, { zone: 'untenHalten', page: 0 }, -1)).toEqual({ zone: 'steigen', page: 1 })
    expect(stepPage(board, { zone: 'untenHalten', page: 0 }, 1)).toBeNull()
    expect(stepPage(board, { zone: 'steigen', page: 0 }, -1)).toBeNull()
  })

  it('treats a page that no longer exists as its zone’s last page, and has no pages on an empty board', () => {
    const { doc } = boardWith({ steigen: 2, untenHalten: 1, einheizen: 0 })
    const board = toBoardView(doc)
    expect(stepPage(board, { zone: 'steigen', page: 3 }, 1)).toEqual({ zone: 'untenHalten', page: 0 })
    expect(stepPage(board, { zone: 'steigen', page: 3 }, -1)).toBeNull()
    const empty = boardWith({ steigen: 0, untenHalten: 0, einheizen: 0 })
    expect(stepPage(toBoardView(empty.doc), null, 1)).toBeNull()
  })

  it('keeps the page in meta and the view, clears it, and ignores a malformed one', () => {
    const { doc } = boardWith({ steigen: 1, untenHalten: 0, einheizen: 0 })
    setPresentationPage(doc, { zone: 'steigen', page: 0 })
    expect(toBoardView(doc).presentation).toEqual({ zone: 'steigen', page: 0 })
    setPresentationPage(doc, null)
    expect(toBoardView(doc).presentation).toBeNull()
    metaOf(doc).set('presentation', { zone: 'steigen', page: '0' })
    expect(toBoardView(doc).presentation).toBeNull()
  })

  it('accepts only a known zone and a whole page number in range, with no other keys', () => {
    expect(isPresentationPage({ zone: 'einheizen', page: 999 })).toBe(true)
    for (const bad of [null, [], 'steigen', { zone: 'steigen' }, { zone: 'steigen', page: NaN }, { zone: 'steigen', page: Infinity }, { zone: 'steigen', page: 1000 }, { zone: '__proto__', page: 0 }, { zone: 'steigen', page: 0, extra: true }])
      expect(isPresentationPage(bad)).toBe(false)
  })
})
