import * as Y from 'yjs'
import { editBerichtPart, isBerichtPart } from '../bericht'
import { initBoard } from '../board'
import { newItemId } from '../ids'
import { orderBetween } from '../order'
import { DETAIL_FIELDS } from '../details'
import { institutionsOf, sameInstitution } from '../people'
import { carryActions, setReview } from '../review'
import { LOCAL, actionsOf, clustersOf, declareRoots, metaOf, notesOf, peopleOf, votesOf } from '../schema'
import { ZONE_IDS } from '../zones'
import type { ZoneId } from '../zones'
import type { BoardFile, FileNote } from './boardFile'

const ITEM_ID = /^[A-Za-z0-9_-]{1,40}$/

function isEmpty(doc: Y.Doc): boolean {
  return metaOf(doc).size === 0 && notesOf(doc).size === 0 && clustersOf(doc).size === 0 && actionsOf(doc).size === 0
}

/** Hands out ids: a file's id when it is valid and not yet taken, else a new one. */
class Ids {
  private readonly used = new Set<string>()
  /** File id -> id on the board (the first item with that id wins). */
  readonly fromFile = new Map<string, string>()
  take(fileId: string): string {
    const id = ITEM_ID.test(fileId) && !this.used.has(fileId) ? fileId : this.fresh()
    this.used.add(id)
    if (fileId !== '' && !this.fromFile.has(fileId)) this.fromFile.set(fileId, id)
    return id
  }
  private fresh(): string {
    let id = newItemId()
    while (this.used.has(id)) id = newItemId()
    return id
  }
}

/**
 * Fills an empty doc with a parsed board file in one transaction: meta (title, topic, locale,
 * settings, date, questions), notes, clusters, the vote totals (revealed when there are any),
 * actions with their links mapped to the new ids, and phase Abschluss.
 */
export function importBoard(doc: Y.Doc, file: BoardFile, now: number = Date.now()): void {
  if (!isEmpty(doc)) throw new Error('importBoard needs an empty doc')
  declareRoots(doc)
  const items = new Ids()
  const actionIds = new Ids()
  doc.transact(() => {
    initBoard(doc, { title: file.title, topic: file.topic, locale: file.locale, createdAt: now, settings: { ...file.settings } })
    const meta = metaOf(doc)
    if (file.date !== '') meta.set('date', file.date)
    const votes = votesOf(doc)
    for (const zone of ZONE_IDS) {
      const question = file.questions[zone]
      if (question !== null) meta.set(`question.${zone}`, question)
      let noteOrder: string | null = null
      let clusterOrder: string | null = null
      const writeNote = (note: FileNote, clusterId: string | null): void => {
        noteOrder = orderBetween(noteOrder, null)
        const id = items.take(note.id)
        const map = new Y.Map<unknown>()
        map.set('zone', zone satisfies ZoneId)
        map.set('text', new Y.Text(note.text))
        if (note.author !== undefined && !file.settings.anonymous) map.set('author', note.author)
        map.set('createdAt', Date.parse(note.createdAt))
        map.set('order', noteOrder)
        map.set('clusterId', clusterId)
        if (note.quote === true) map.set('quote', true)
        notesOf(doc).set(id, map)
        if (note.votes !== undefined && note.votes > 0) votes.set(id, note.votes)
      }
      for (const cluster of file.zones[zone].clusters) {
        clusterOrder = orderBetween(clusterOrder, null)
        const id = items.take(cluster.id)
        const map = new Y.Map<unknown>()
        map.set('zone', zone)
        map.set('title', new Y.Text(cluster.title))
        map.set('order', clusterOrder)
        clustersOf(doc).set(id, map)
        if (cluster.votes > 0) votes.set(id, cluster.votes)
        for (const note of cluster.notes) writeNote(note, id)
      }
      for (const note of file.zones[zone].loose) writeNote(note, null)
    }
    if (votes.size > 0) {
      meta.set('votesRevealed', true)
      // Kept apart from the published totals, which the next end of a vote recomputes.
      meta.set('importedVotes', Object.fromEntries(votes.entries()))
    }
    file.actions.forEach((action, i) => {
      const map = new Y.Map<unknown>()
      map.set('what', new Y.Text(action.what))
      map.set('who', action.who)
      map.set('until', action.until)
      map.set('link', action.link === null ? null : (items.fromFile.get(action.link) ?? null))
      map.set('done', action.done)
      // The view sorts actions by creation time: keep the file's order.
      map.set('createdAt', now + i)
      actionsOf(doc).set(actionIds.take(action.id), map)
    })
    for (const field of DETAIL_FIELDS) if (file.meeting[field] !== '') meta.set(`meeting.${field}`, file.meeting[field])
    writePeople(doc, file)
    for (const [part, text] of Object.entries(file.bericht ?? {})) if (isBerichtPart(part)) editBerichtPart(doc, part, text)
    writeReview(doc, file)
    meta.set('phase', 'abschluss')
  }, LOCAL)
}

/** A follow-up meeting's Rückblick: the carried actions (in the file's order) and their marks. */
function writeReview(doc: Y.Doc, file: BoardFile): void {
  const items = file.review ?? []
  carryActions(doc, items)
  for (const { id, status, note } of items) setReview(doc, id, { ...(status ? { status } : {}), ...(note ? { note } : {}) })
}

/**
 * People as the file has them; institutions no entry names (an anonymous board's file has only
 * the list) get entries of their own (`i1`, `i2`, …), so the report lists them again.
 */
function writePeople(doc: Y.Doc, file: BoardFile): void {
  const people = peopleOf(doc)
  for (const [id, person] of Object.entries(file.people ?? {})) {
    const { name, ...rest } = person
    people.set(id, file.settings.namesInExports && name !== undefined ? { ...rest, name } : rest)
  }
  const known = new Set(institutionsOf(Object.values(file.people ?? {})).map(sameInstitution))
  let n = 0
  for (const name of institutionsOf(file.institutions.map((institution) => ({ institution })))) {
    if (known.has(sameInstitution(name))) continue
    while (people.has(`i${++n}`));
    people.set(`i${n}`, { institution: name })
  }
}
