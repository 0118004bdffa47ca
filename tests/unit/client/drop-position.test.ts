import { describe, expect, it } from 'vitest'
import { dropPosition } from '../../../client/clusters/drag'

describe('dropPosition: where a note dropped on another card lands', () => {
  it('groups over most of a card; only thin bands at the top and bottom edge reorder', () => {
    const height = 80
    const positions = Array.from({ length: height + 1 }, (_, y) => dropPosition(y, height))
    const onto = positions.filter((p) => p === 'onto').length
    // At most 10 px at each edge: 61 of 81 pixel rows group (three quarters), not the middle half.
    expect(onto / positions.length).toBeGreaterThan(0.7)
    expect(dropPosition(0, height)).toBe('before')
    expect(dropPosition(9, height)).toBe('before')
    expect(dropPosition(10, height)).toBe('onto')
    expect(dropPosition(70, height)).toBe('onto')
    expect(dropPosition(71, height)).toBe('after')
    expect(dropPosition(80, height)).toBe('after')
  })

  it('keeps the edge bands at a fifth of a small card', () => {
    expect(dropPosition(3, 30)).toBe('before')
    expect(dropPosition(6, 30)).toBe('onto')
    expect(dropPosition(24, 30)).toBe('onto')
    expect(dropPosition(25, 30)).toBe('after')
  })
})
