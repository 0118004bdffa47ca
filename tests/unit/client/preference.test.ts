import { afterEach, describe, expect, it, vi } from 'vitest'
import { flag, oneOf, persistedPreference } from '../../../client/store/preference'

/** A localStorage over a Map; `broken` makes every call throw, as private mode or a full quota may. */
function storage(broken = false): Storage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>()
  const fail = () => {
    throw new DOMException('storage unavailable', 'SecurityError')
  }
  return {
    data,
    get length() {
      return data.size
    },
    clear: () => (broken ? fail() : data.clear()),
    getItem: (key) => (broken ? fail() : (data.get(key) ?? null)),
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => (broken ? fail() : void data.delete(key)),
    setItem: (key, value) => (broken ? fail() : void data.set(key, String(value))),
  }
}

const isColour = (value: unknown): value is 'red' | 'blue' => value === 'red' || value === 'blue'

afterEach(() => vi.unstubAllGlobals())

describe('persistedPreference', () => {
  it('stores a flag as its mark when on and removes the entry when off', () => {
    const store = storage()
    vi.stubGlobal('localStorage', store)
    const plain = persistedPreference('k', flag())
    expect(plain.read()).toBe(false)
    plain.write(true)
    expect(store.data.get('k')).toBe('1')
    expect(plain.read()).toBe(true)
    plain.write(false)
    expect(store.data.has('k')).toBe(false)
    store.data.set('k', 'yes')
    expect(plain.read()).toBe(false)
    const seen = persistedPreference('intro', flag('done'))
    seen.write(true)
    expect(store.data.get('intro')).toBe('done')
  })

  it('reads one of a set of values, and the fallback for nothing or anything unknown', () => {
    const store = storage()
    vi.stubGlobal('localStorage', store)
    const colour = persistedPreference('c', oneOf(isColour, 'red'))
    expect(colour.read()).toBe('red')
    colour.write('blue')
    expect(store.data.get('c')).toBe('blue')
    expect(colour.read()).toBe('blue')
    store.data.set('c', 'green')
    expect(colour.read()).toBe('red')
  })

  it('without storage reads the default and forgets writes without throwing', () => {
    vi.stubGlobal('localStorage', storage(true))
    const plain = persistedPreference('k', flag())
    const colour = persistedPreference('c', oneOf(isColour, 'blue'))
    expect(() => plain.write(true)).not.toThrow()
    expect(() => colour.write('red')).not.toThrow()
    expect(plain.read()).toBe(false)
    expect(colour.read()).toBe('blue')
  })
})
