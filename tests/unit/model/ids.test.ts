import { describe, expect, it } from 'vitest'
import { participantIdOf, SYSTEM } from '../../../model/identity'
import { isBoardId, isTokenShaped, newItemId, newSecretId, newToken, toBase64Url } from '../../../model/ids'
import { compareOrder, isOrderKey, orderBetween } from '../../../model/order'
import { isLocale, isZoneId, ZONE_IDS, ZONES } from '../../../model/zones'

const BASE64URL = /^[A-Za-z0-9_-]+$/

/** Decodes unpadded base64url, to count the random bytes behind an id. */
function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/')
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0))
}

describe('ids', () => {
  it('encodes bytes as unpadded base64url', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_')
    expect(toBase64Url(new Uint8Array([0x61]))).toBe('YQ')
    expect(toBase64Url(new Uint8Array([]))).toBe('')
  })

  it('makes board ids of 22 base64url characters carrying 128 random bits', () => {
    const ids = Array.from({ length: 2000 }, newSecretId)
    for (const id of ids) {
      expect(id).toHaveLength(22)
      expect(id).toMatch(BASE64URL)
      expect(isBoardId(id)).toBe(true)
      expect(fromBase64Url(id)).toHaveLength(16)
    }
    expect(new Set(ids).size).toBe(ids.length)
    // Every one of the 16 bytes varies: no fixed prefix or suffix eats into the 128 bits.
    const decoded = ids.map(fromBase64Url)
    for (let byte = 0; byte < 16; byte++) expect(new Set(decoded.map((d) => d[byte])).size).toBeGreaterThan(200)
  })

  it('makes moderator tokens of 256 random bits', () => {
    const tokens = Array.from({ length: 200 }, newToken)
    for (const token of tokens) {
      expect(token).toHaveLength(43)
      expect(token).toMatch(BASE64URL)
      expect(fromBase64Url(token)).toHaveLength(32)
      expect(isTokenShaped(token)).toBe(true)
    }
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it('makes short unique item ids', () => {
    const ids = Array.from({ length: 5000 }, newItemId)
    for (const id of ids) {
      expect(id).toHaveLength(12)
      expect(id).toMatch(BASE64URL)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('recognises board ids and token shapes only', () => {
    expect(isBoardId('A'.repeat(22))).toBe(true)
    expect(isBoardId('A'.repeat(21))).toBe(false)
    expect(isBoardId('A'.repeat(23))).toBe(false)
    expect(isBoardId('A'.repeat(21) + '/')).toBe(false)
    expect(isBoardId('../' + 'A'.repeat(19))).toBe(false)
    expect(isTokenShaped('x'.repeat(22))).toBe(true)
    expect(isTokenShaped('x'.repeat(64))).toBe(true)
    expect(isTokenShaped('x'.repeat(21))).toBe(false)
    expect(isTokenShaped('x'.repeat(65))).toBe(false)
    expect(isTokenShaped('x'.repeat(30) + ' ')).toBe(false)
  })
})

describe('participantIdOf', () => {
  it('is stable for one secret and differs between secrets', () => {
    const secret = newSecretId()
    expect(participantIdOf(secret)).toBe(participantIdOf(secret))
    expect(participantIdOf(secret)).not.toBe(participantIdOf(newSecretId()))
    expect(participantIdOf('a')).not.toBe(participantIdOf('b'))
  })

  it('is a 16-character base64url string that does not contain the secret', () => {
    const secret = newSecretId()
    const id = participantIdOf(secret)
    expect(id).toHaveLength(16)
    expect(id).toMatch(BASE64URL)
    expect(secret).not.toContain(id)
    expect(id).not.toBe(secret.slice(0, 16))
    // Pinned (first 16 base64url chars of SHA-256 of the prefixed secret): the derivation must
    // not change, or every participant loses authorship of its notes.
    expect(participantIdOf('secret')).toBe('FILvWtHA_tK3EuPN')
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => participantIdOf(`s${i}`)))
    expect(ids.size).toBe(1000)
  })

  it('has a frozen system actor with moderator rights', () => {
    expect(SYSTEM.role).toBe('moderator')
    expect(Object.isFrozen(SYSTEM)).toBe(true)
  })
})

describe('zones', () => {
  it('lists the three zones in board order with German and English texts', () => {
    expect(ZONE_IDS).toEqual(['steigen', 'untenHalten', 'einheizen'])
    for (const id of ZONE_IDS) {
      expect(ZONES[id].id).toBe(id)
      for (const locale of ['de', 'en'] as const) {
        expect(ZONES[id].title[locale]).not.toBe('')
        expect(ZONES[id].question[locale]).not.toBe('')
      }
    }
    expect(ZONES.untenHalten.question.de).toBe('Was hält uns unten?')
  })

  it('recognises zone ids and locales only', () => {
    expect(isZoneId('steigen')).toBe(true)
    expect(isZoneId('Steigen')).toBe(false)
    expect(isZoneId('toString')).toBe(false)
    expect(isZoneId(undefined)).toBe(false)
    expect(isLocale('de')).toBe(true)
    expect(isLocale('en')).toBe(true)
    expect(isLocale('fr')).toBe(false)
  })
})

describe('order keys', () => {
  it('generates keys strictly between their neighbours', () => {
    const first = orderBetween(null, null)
    const after = orderBetween(first, null)
    const before = orderBetween(null, first)
    const middle = orderBetween(first, after)
    expect(before < first && first < middle && middle < after).toBe(true)
    for (const key of [first, after, before, middle]) expect(isOrderKey(key)).toBe(true)
  })

  it('keeps generating between ever closer neighbours', () => {
    let low = orderBetween(null, null)
    const high = orderBetween(low, null)
    for (let i = 0; i < 100; i++) {
      const next = orderBetween(low, high)
      expect(next > low && next < high).toBe(true)
      low = next
    }
  })

  it('compares by order key, then by id', () => {
    expect(compareOrder({ order: 'a0', id: 'z' }, { order: 'a1', id: 'a' })).toBe(-1)
    expect(compareOrder({ order: 'a1', id: 'a' }, { order: 'a0', id: 'z' })).toBe(1)
    expect(compareOrder({ order: 'a0', id: 'a' }, { order: 'a0', id: 'b' })).toBe(-1)
    expect(compareOrder({ order: 'a0', id: 'b' }, { order: 'a0', id: 'a' })).toBe(1)
    expect(compareOrder({ order: 'a0', id: 'a' }, { order: 'a0', id: 'a' })).toBe(0)
  })

  it('refuses values that are not order keys', () => {
    for (const value of ['', 'a0 ', 'a-0', 'x'.repeat(65), 42, null, undefined, {}])
      expect(isOrderKey(value), String(value)).toBe(false)
  })

  it('refuses alphanumeric strings that are not valid fractional indexes', () => {
    // Such a key in a zone makes every later orderBetween in that zone throw.
    for (const value of ['b', 'a', 'undefined', 'a00', 'A00000000000000000000000000'])
      expect(isOrderKey(value), value).toBe(false)
  })
})
