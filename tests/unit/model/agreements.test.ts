import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction, deleteAction, isUntil, updateAction } from '../../../model/agreements'
import { cleanInput, ModelError } from '../../../model/errors'
import { LIMITS } from '../../../model/limits'
import { actionsOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { capture, exchange, newDoc, twoPeers } from '../../helpers/peers'

describe('cleanInput', () => {
  it('trims and refuses empty or too long text', () => {
    expect(cleanInput('  hallo \n', 10)).toBe('hallo')
    expect(cleanInput('x'.repeat(10), 10)).toBe('x'.repeat(10))
    expect(() => cleanInput('', 10)).toThrowModelError('empty')
    expect(() => cleanInput(' \n\t ', 10)).toThrowModelError('empty')
    expect(() => cleanInput('x'.repeat(11), 10)).toThrowModelError('tooLong')
    // Surrounding whitespace does not count towards the limit.
    expect(cleanInput(`  ${'x'.repeat(10)}  `, 10)).toBe('x'.repeat(10))
  })

  it('throws ModelError with the code as message', () => {
    const error = new ModelError('noVotesLeft')
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('noVotesLeft')
  })
})

describe('isUntil', () => {
  it('accepts empty and real calendar dates', () => {
    for (const value of ['', '2025-01-01', '2024-02-29', '2025-12-31', '2030-06-15']) expect(isUntil(value), value).toBe(true)
  })

  it('refuses impossible dates and other shapes', () => {
    for (const value of [
      '2025-02-30',
      '2025-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-1',
      ' 2025-01-01',
      '2025-01-01T00:00:00Z',
      '01.02.2025',
      'morgen',
      null,
      undefined,
      20250101,
      {},
    ])
      expect(isUntil(value), String(value)).toBe(false)
  })
})

describe('addAction', () => {
  it('stores what as text, who, until, link, done and createdAt', () => {
    const doc = newDoc()
    const id = addAction(doc, { what: '  Retro-Format ändern ', who: ' Kim ', until: '2025-03-01', link: 'c1', createdAt: 5 })
    const a = actionsOf(doc).get(id)!
    expect(a.get('what')).toBeInstanceOf(Y.Text)
    expect(String(a.get('what'))).toBe('Retro-Format ändern')
    expect(a.get('who')).toBe('Kim')
    expect(a.get('until')).toBe('2025-03-01')
    expect(a.get('link')).toBe('c1')
    expect(a.get('done')).toBe(false)
    expect(a.get('createdAt')).toBe(5)
    expect(toBoardView(doc).actions).toEqual([
      { id, what: 'Retro-Format ändern', who: 'Kim', until: '2025-03-01', link: 'c1', done: false, createdAt: 5 },
    ])
  })

  it('defaults who, until and link to empty, and createdAt to now', () => {
    const doc = newDoc()
    const before = Date.now()
    const id = addAction(doc, { what: 'X' })
    const view = toBoardView(doc).actions[0]
    expect(view).toMatchObject({ id, what: 'X', who: '', until: '', link: null, done: false })
    expect(view?.createdAt).toBeGreaterThanOrEqual(before)
    expect(view?.createdAt).toBeLessThanOrEqual(Date.now())
  })

  it('clips who to its limit', () => {
    const doc = newDoc()
    const id = addAction(doc, { what: 'X', who: 'w'.repeat(LIMITS.whoLength + 5) })
    expect(actionsOf(doc).get(id)?.get('who')).toBe('w'.repeat(LIMITS.whoLength))
  })

  it('refuses empty or too long what, an impossible date, and actions beyond the limit, writing nothing', () => {
    const doc = newDoc()
    const updates = capture(doc, () => {
      expect(() => addAction(doc, { what: '  ' })).toThrowModelError('empty')
      expect(() => addAction(doc, { what: 'x'.repeat(LIMITS.actionLength + 1) })).toThrowModelError('tooLong')
      expect(() => addAction(doc, { what: 'X', until: '2025-02-30' })).toThrow(RangeError)
    })
    expect(updates).toHaveLength(0)
    expect(actionsOf(doc).size).toBe(0)
    for (let i = 0; i < LIMITS.actionsPerBoard; i++) addAction(doc, { what: `a${i}` })
    expect(() => addAction(doc, { what: 'one more' })).toThrowModelError('boardFull')
    expect(actionsOf(doc).size).toBe(LIMITS.actionsPerBoard)
  })
})

describe('updateAction', () => {
  it('changes the given fields only', () => {
    const doc = newDoc()
    const id = addAction(doc, { what: 'Alt', who: 'Kim', until: '2025-03-01', link: 'c1', createdAt: 1 })
    updateAction(doc, id, { done: true })
    expect(toBoardView(doc).actions[0]).toEqual({ id, what: 'Alt', who: 'Kim', until: '2025-03-01', link: 'c1', done: true, createdAt: 1 })
    updateAction(doc, id, { what: ' Neu ', who: ' Jo ', until: '', link: null, done: false })
    expect(toBoardView(doc).actions[0]).toEqual({ id, what: 'Neu', who: 'Jo', until: '', link: null, done: false, createdAt: 1 })
  })

  it('keeps the same Y.Text for what, so concurrent edits merge', () => {
    const [one, two] = twoPeers()
    const id = addAction(one, { what: 'Daily kürzer' })
    exchange(one, two)
    const text = actionsOf(one).get(id)?.get('what')
    updateAction(one, id, { what: 'Daily viel kürzer' })
    updateAction(two, id, { what: 'Daily kürzer machen' })
    exchange(one, two)
    expect(actionsOf(one).get(id)?.get('what')).toBe(text)
    expect(toBoardView(one).actions[0]?.what).toBe('Daily viel kürzer machen')
    expect(toBoardView(two).actions[0]?.what).toBe('Daily viel kürzer machen')
  })

  it('writes nothing for an unchanged patch', () => {
    const doc = newDoc()
    const id = addAction(doc, { what: 'A', who: 'Kim', until: '2025-03-01', link: 'n1' })
    expect(capture(doc, () => updateAction(doc, id, { what: 'A', who: 'Kim', until: '2025-03-01', link: 'n1', done: false }))).toHaveLength(0)
  })

  it('refuses an unknown action and invalid input, changing nothing', () => {
    const doc = newDoc()
    const id = addAction(doc, { what: 'A', until: '2025-03-01' })
    expect(() => updateAction(doc, 'nope', { done: true })).toThrowModelError('unknownAction')
    expect(() => updateAction(doc, id, { what: '', done: true })).toThrowModelError('empty')
    expect(() => updateAction(doc, id, { until: '2025-02-30', done: true })).toThrow(RangeError)
    expect(toBoardView(doc).actions[0]).toMatchObject({ what: 'A', until: '2025-03-01', done: false })
  })
})

describe('deleteAction', () => {
  it('deletes an action and refuses an unknown one', () => {
    const doc = newDoc()
    const a = addAction(doc, { what: 'A', createdAt: 1 })
    const b = addAction(doc, { what: 'B', createdAt: 2 })
    deleteAction(doc, a)
    expect(toBoardView(doc).actions.map((x) => x.id)).toEqual([b])
    expect(() => deleteAction(doc, a)).toThrowModelError('unknownAction')
  })
})

describe('actions in the view', () => {
  it('are sorted by createdAt, then id, and keep identity when unchanged', () => {
    const doc = newDoc()
    const late = addAction(doc, { what: 'spät', createdAt: 30 })
    const early = addAction(doc, { what: 'früh', createdAt: 10 })
    const tieA = addAction(doc, { what: 'gleich 1', createdAt: 20 })
    const tieB = addAction(doc, { what: 'gleich 2', createdAt: 20 })
    const ties = [tieA, tieB].sort()
    const view = toBoardView(doc)
    expect(view.actions.map((a) => a.id)).toEqual([early, ...ties, late])
    expect(Object.isFrozen(view.actions)).toBe(true)

    updateAction(doc, late, { done: true })
    const next = toBoardView(doc, view)
    expect(next.actions).not.toBe(view.actions)
    expect(next.actions[0]).toBe(view.actions[0])
    expect(next.actions[3]).not.toBe(view.actions[3])
    expect(toBoardView(doc, next)).toBe(next)
  })

  it('reads hostile fields as safe defaults', () => {
    const doc = newDoc()
    const a = new Y.Map<unknown>()
    a.set('what', 5)
    a.set('link', 7)
    a.set('done', 'yes')
    actionsOf(doc).set('x', a)
    expect(toBoardView(doc).actions).toEqual([{ id: 'x', what: '', who: '', until: '', link: null, done: false, createdAt: 0 }])
  })
})
