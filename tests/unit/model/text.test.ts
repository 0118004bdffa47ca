import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { orderInZone, orderBetween } from '../../../model/order'
import { replaceText } from '../../../model/text'
import { seededRandom } from '../../helpers/random'
import { capture, exchange, twoPeers } from '../../helpers/peers'

function textDoc(initial: string): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, initial)
  return { doc, text }
}

describe('replaceText', () => {
  it('makes the text read the wanted string', () => {
    const cases: [string, string][] = [
      ['', 'neu'],
      ['alt', ''],
      ['abc', 'abc'],
      ['Hallo Welt', 'Hallo schöne Welt'],
      ['Hallo schöne Welt', 'Hallo Welt'],
      ['aaa', 'aa'],
      ['ab', 'ba'],
      ['a😀b', 'a😁b'],
      ['😀😁', '😁'],
      ['x😀', '😀'],
      ['😀', '😀😀'],
      ['ab😀', 'a😀'],
      ['👍🏽', '👍🏿'],
    ]
    for (const [from, to] of cases) {
      const { doc, text } = textDoc(from)
      doc.transact(() => replaceText(text, to))
      expect(text.toString(), `${from} -> ${to}`).toBe(to)
    }
  })

  it('never leaves a lone surrogate (random emoji edits)', () => {
    const random = seededRandom(4711)
    const alphabet = ['a', 'b', '😀', '😁', '🎈', 'ü']
    const word = () => Array.from({ length: random.int(6) }, () => random.pick(alphabet)).join('')
    for (let i = 0; i < 300; i++) {
      const from = word()
      const to = word()
      const { doc, text } = textDoc(from)
      doc.transact(() => replaceText(text, to))
      expect(text.toString(), `seed ${random.seed} #${i}: ${from} -> ${to}`).toBe(to)
    }
  })

  it('writes nothing when the text is already as wanted', () => {
    const { doc, text } = textDoc('gleich')
    expect(capture(doc, () => doc.transact(() => replaceText(text, 'gleich')))).toHaveLength(0)
  })

  it('edits only the changed middle, so concurrent edits elsewhere survive', () => {
    const [one, two] = twoPeers()
    one.getText('t').insert(0, 'Die Stimmung war gut')
    exchange(one, two)
    replaceText(one.getText('t'), 'Die Stimmung war sehr gut')
    replaceText(two.getText('t'), 'Die Laune war gut')
    exchange(one, two)
    expect(one.getText('t').toString()).toBe('Die Laune war sehr gut')
    expect(two.getText('t').toString()).toBe('Die Laune war sehr gut')
  })
})

describe('orderInZone', () => {
  function entries(rows: Record<string, { zone: string; order: unknown }>): Y.Map<Y.Map<unknown>> {
    const doc = new Y.Doc()
    const map = doc.getMap<Y.Map<unknown>>('e')
    for (const [id, row] of Object.entries(rows)) {
      const m = new Y.Map<unknown>()
      m.set('zone', row.zone)
      m.set('order', row.order)
      map.set(id, m)
    }
    return map
  }

  it('places at the end of the zone, ignoring other zones', () => {
    const a0 = orderBetween(null, null)
    const a1 = orderBetween(a0, null)
    const map = entries({ x: { zone: 'z', order: a0 }, y: { zone: 'z', order: a1 }, far: { zone: 'other', order: orderBetween(a1, null) } })
    const key = orderInZone(map, 'z', null)
    expect(key > a1).toBe(true)
    expect(orderInZone(map, 'empty', null)).toBe(orderBetween(null, null))
  })

  it('places before a given entry, and at the end when it is unknown', () => {
    const a0 = orderBetween(null, null)
    const a1 = orderBetween(a0, null)
    const map = entries({ x: { zone: 'z', order: a0 }, y: { zone: 'z', order: a1 } })
    const before = orderInZone(map, 'z', 'y')
    expect(before > a0 && before < a1).toBe(true)
    const first = orderInZone(map, 'z', 'x')
    expect(first < a0).toBe(true)
    expect(orderInZone(map, 'z', 'unknown') > a1).toBe(true)
  })

  it('leaves out the moved entry itself and entries with invalid keys', () => {
    const a0 = orderBetween(null, null)
    const a1 = orderBetween(a0, null)
    const map = entries({ x: { zone: 'z', order: a0 }, y: { zone: 'z', order: a1 }, bad: { zone: 'z', order: 'b' }, gone: { zone: 'z', order: 5 } })
    // Moving y to the end: only x counts.
    expect(orderInZone(map, 'z', null, 'y')).toBe(orderBetween(a0, null))
  })

  it('goes past equal keys of concurrent appends instead of throwing', () => {
    const a0 = orderBetween(null, null)
    const a1 = orderBetween(a0, null)
    const map = entries({ p: { zone: 'z', order: a0 }, q: { zone: 'z', order: a0 }, r: { zone: 'z', order: a1 } })
    // Before q: its predecessor p has the same key.
    const key = orderInZone(map, 'z', 'q')
    expect(key > a0 && key < a1).toBe(true)
  })
})
