import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction, updateAction } from '../../../model/agreements'
import { initBoard } from '../../../model/board'
import { initFollowUp, openActions } from '../../../model/followUp'
import type { Actor } from '../../../model/identity'
import { setLocked, setPhase } from '../../../model/phases'
import { carryActions, reviewCounts, setReview } from '../../../model/review'
import { carriedOf, reviewOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { guard } from '../../helpers/guard'

const moderator: Actor = { participantId: 'mod', role: 'moderator' }
const anna: Actor = { participantId: 'anna', role: 'participant' }

/** A previous meeting with three Maßnahmen, one of them done. */
function previousMeeting(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc()
  initBoard(doc, { title: '7. Austauschtreffen', settings: { privateWriting: false, anonymous: true } })
  const ids = [
    addAction(doc, { what: 'Öffentlichkeitsarbeit stärken', who: 'LAG', until: '2026-03-01', createdAt: 1000 }),
    addAction(doc, { what: 'Haushaltslage dokumentieren', who: '', until: '', createdAt: 2000 }),
    addAction(doc, { what: 'Protokoll versenden', who: 'Geschäftsstelle', until: '', createdAt: 3000 }),
  ]
  updateAction(doc, ids[2]!, { done: true })
  return { doc, ids }
}

/** The follow-up as the server holds it, and `send`: what a change made on a fresh copy does at the guard. */
function followUp() {
  const previous = previousMeeting()
  const server = new Y.Doc()
  initFollowUp(server, toBoardView(previous.doc))
  const send = (actor: Actor, change: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(doc)
    change(doc)
    return guard(server, actor, Y.encodeStateAsUpdate(doc, before))
  }
  return { server, send, ids: previous.ids }
}

describe('follow-up meetings: what is carried over', () => {
  it('carries exactly the open actions, in their order, with title, questions and settings, and starts in the Rückblick', () => {
    const { server, ids } = followUp()
    const view = toBoardView(server)
    expect(view.review.map((r) => [r.id, r.what, r.who, r.until, r.status, r.note])).toEqual([
      [ids[0], 'Öffentlichkeitsarbeit stärken', 'LAG', '2026-03-01', null, ''],
      [ids[1], 'Haushaltslage dokumentieren', '', '', null, ''],
    ])
    expect(view.title).toBe('7. Austauschtreffen')
    expect(view.settings.anonymous).toBe(true)
    expect(view.phase).toBe('rueckblick')
    expect(view.actions).toEqual([])
    expect(view.noteCount).toBe(0)
  })

  it('a follow-up of a follow-up carries again what is still running or was not marked, not what was done or dropped', () => {
    const { server, ids } = followUp()
    setReview(server, ids[0]!, { status: 'erledigt' })
    const later = addAction(server, { what: 'Neue Maßnahme', who: '', until: '' })
    const third = openActions(toBoardView(server))
    expect(third.map((a) => a.id)).toEqual([ids[1], later])
    setReview(server, ids[1]!, { status: 'laeuft', note: 'Im Kreistag' })
    expect(openActions(toBoardView(server)).map((a) => a.id)).toEqual([ids[1], later])
    setReview(server, ids[1]!, { status: 'verworfen' })
    expect(openActions(toBoardView(server)).map((a) => a.id)).toEqual([later])
  })

  it('a meeting without open actions makes a follow-up without a Rückblick', () => {
    const doc = new Y.Doc()
    initBoard(doc, { title: 'Ohne offene Punkte' })
    const next = new Y.Doc()
    initFollowUp(next, toBoardView(doc))
    expect(toBoardView(next).phase).toBe('sammeln')
    expect(toBoardView(next).review).toEqual([])
  })
})

describe('the Rückblick: the rules the guard applies', () => {
  it('in the Rückblick a participant marks a carried action with a note; the view and the counts show it', () => {
    const b = followUp()
    expect(b.send(anna, (doc) => setReview(doc, b.ids[0]!, { status: 'erledigt', note: 'Flyer sind gedruckt' }))).toBeNull()
    expect(b.send(anna, (doc) => setReview(doc, b.ids[1]!, { status: 'laeuft' }))).toBeNull()
    const review = toBoardView(b.server).review
    expect(review.map((r) => [r.status, r.note])).toEqual([
      ['erledigt', 'Flyer sind gedruckt'],
      ['laeuft', ''],
    ])
    expect(reviewCounts(review)).toEqual({ erledigt: 1, laeuft: 1, verworfen: 0, offen: 0 })
  })

  it('no client may write the carried actions themselves: not add, change or remove one', () => {
    const b = followUp()
    const before = JSON.stringify(toBoardView(b.server).review)
    expect(b.send(moderator, (doc) => carryActions(doc, [{ id: 'untergeschoben1', what: 'Erfunden', who: '', until: '' }]))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => carriedOf(doc).set(b.ids[0]!, { what: 'Umgeschrieben', who: 'LAG', until: '', pos: 0 }))?.code).toBe('notAllowed')
    expect(b.send(anna, (doc) => carriedOf(doc).delete(b.ids[1]!))?.code).toBe('notAllowed')
    expect(JSON.stringify(toBoardView(b.server).review)).toBe(before)
  })

  it('a mark goes only on a carried action, only with a known status and a note within the limit', () => {
    const b = followUp()
    expect(b.send(anna, (doc) => reviewOf(doc).set('keineSolcheMassnahme', { status: 'erledigt' }))?.code).toBe('invalid')
    expect(b.send(anna, (doc) => reviewOf(doc).set(b.ids[0]!, { status: 'vielleicht' }))?.code).toBe('invalid')
    expect(b.send(anna, (doc) => reviewOf(doc).set(b.ids[0]!, { status: 'erledigt', by: 'mod' }))?.code).toBe('invalid')
    expect(b.send(anna, (doc) => reviewOf(doc).set(b.ids[0]!, 'erledigt'))?.code).toBe('invalid')
    expect(b.send(anna, (doc) => reviewOf(doc).set(b.ids[0]!, { note: 'x'.repeat(501) }))?.code).toBe('tooLong')
    expect(b.send(anna, (doc) => reviewOf(doc).set(b.ids[0]!, { note: 'x'.repeat(500) }))).toBeNull()
    expect(toBoardView(b.server).review[0]!.note).toHaveLength(500)
  })

  it('after the Rückblick only the moderator changes a mark; on a locked board participants change nothing', () => {
    const b = followUp()
    expect(b.send(anna, (doc) => setReview(doc, b.ids[0]!, { status: 'erledigt' }))).toBeNull()
    setPhase(b.server, 'sammeln')
    expect(b.send(anna, (doc) => setReview(doc, b.ids[0]!, { status: 'verworfen' }))?.code).toBe('notAllowed')
    expect(b.send(anna, (doc) => reviewOf(doc).delete(b.ids[0]!))?.code).toBe('notAllowed')
    expect(b.send(moderator, (doc) => setReview(doc, b.ids[0]!, { status: 'verworfen', note: 'Nachgetragen' }))).toBeNull()
    setPhase(b.server, 'rueckblick')
    setLocked(b.server, true)
    expect(b.send(anna, (doc) => setReview(doc, b.ids[1]!, { status: 'laeuft' }))?.code).toBe('readOnly')
    expect(toBoardView(b.server).review.map((r) => r.status)).toEqual(['verworfen', null])
  })

  it('the moderator may take a mark back; nobody marks on a board that carried nothing', () => {
    const b = followUp()
    expect(b.send(anna, (doc) => setReview(doc, b.ids[0]!, { status: 'erledigt' }))).toBeNull()
    expect(b.send(moderator, (doc) => setReview(doc, b.ids[0]!, {}))).toBeNull()
    expect(toBoardView(b.server).review[0]!.status).toBeNull()
    const plain = new Y.Doc()
    initBoard(plain, { title: 'Erstes Treffen' })
    setPhase(plain, 'rueckblick')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(plain))
    const sv = Y.encodeStateVector(copy)
    reviewOf(copy).set(b.ids[0]!, { status: 'erledigt' })
    expect(guard(plain, moderator, Y.encodeStateAsUpdate(copy, sv))?.code).toBe('invalid')
  })
})
