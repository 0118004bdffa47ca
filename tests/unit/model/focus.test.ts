import { describe, expect, it } from 'vitest'
import { isFocus, setFocus } from '../../../model/focus'
import type { Focus } from '../../../model/focus'
import { metaOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { capture, newDoc } from '../../helpers/peers'

describe('focus', () => {
  it('accepts a note or cluster id only', () => {
    expect(isFocus({ kind: 'note', id: 'abc' })).toBe(true)
    expect(isFocus({ kind: 'cluster', id: 'x'.repeat(40) })).toBe(true)
    for (const value of [
      null,
      undefined,
      'note',
      {},
      { kind: 'action', id: 'a' },
      { kind: 'note' },
      { kind: 'note', id: 5 },
      { kind: 'note', id: 'x'.repeat(41) },
      { kind: 'note', id: 'a', extra: true },
    ])
      expect(isFocus(value), JSON.stringify(value)).toBe(false)
  })

  it('sets, replaces and clears the focus, storing only kind and id', () => {
    const doc = newDoc()
    setFocus(doc, { kind: 'note', id: 'n1' })
    expect(metaOf(doc).get('focus')).toEqual({ kind: 'note', id: 'n1' })
    let view = toBoardView(doc)
    expect(view.focus).toEqual({ kind: 'note', id: 'n1' })

    const sneaky = { kind: 'cluster', id: 'c1', colour: 'red' } as Focus
    setFocus(doc, sneaky)
    expect(metaOf(doc).get('focus')).toEqual({ kind: 'cluster', id: 'c1' })
    view = toBoardView(doc, view)
    expect(view.focus).toEqual({ kind: 'cluster', id: 'c1' })

    setFocus(doc, null)
    expect(metaOf(doc).has('focus')).toBe(false)
    expect(toBoardView(doc, view).focus).toBeNull()
  })

  it('clearing an absent focus writes nothing', () => {
    const doc = newDoc()
    expect(capture(doc, () => setFocus(doc, null))).toHaveLength(0)
  })

  it('shows no focus for a hostile value', () => {
    const doc = newDoc()
    metaOf(doc).set('focus', { kind: 'note', id: 'n', more: 1 })
    expect(toBoardView(doc).focus).toBeNull()
  })
})
