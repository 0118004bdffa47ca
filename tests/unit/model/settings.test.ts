import { describe, expect, it } from 'vitest'
import { metaOf } from '../../../model/schema'
import { initBoard } from '../../../model/board'
import type { Locale } from '../../../model/zones'
import { DEFAULT_SETTINGS, isValidSetting, MAX_VOTES, readSettings, SETTING_NAMES, setBoardLocale, setSetting } from '../../../model/settings'
import { toBoardView } from '../../../model/view'
import { guard } from '../../helpers/guard'
import { capture, captureOne, clientOf, newDoc } from '../../helpers/peers'

describe('settings', () => {
  it('has frozen defaults for every setting', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      privateWriting: true,
      anonymous: false,
      votesPerPerson: 5,
      maxVotesPerItem: 3,
      participantsCluster: false,
      participantsEditActions: false,
      participantsExport: false,
      askInstitution: false,
      quoteInstitution: false,
      namesInExports: false,
      participantsWriteBericht: false,
      address: 'sie',
    })
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true)
    expect([...SETTING_NAMES].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort())
    expect(MAX_VOTES).toBe(20)
  })

  it('reads defaults from an empty meta, and the view starts with them', () => {
    const doc = newDoc()
    expect(readSettings(metaOf(doc))).toEqual(DEFAULT_SETTINGS)
    expect(toBoardView(doc).settings).toBe(DEFAULT_SETTINGS)
  })

  it('accepts vote counts 1..20 as integers only', () => {
    for (const name of ['votesPerPerson', 'maxVotesPerItem']) {
      expect(isValidSetting(name, 1)).toBe(true)
      expect(isValidSetting(name, 7)).toBe(true)
      expect(isValidSetting(name, MAX_VOTES)).toBe(true)
      for (const bad of [0, -1, MAX_VOTES + 1, 2.5, Number.NaN, Infinity, '5', true, null, undefined])
        expect(isValidSetting(name, bad), `${name}=${String(bad)}`).toBe(false)
    }
  })

  it('accepts booleans only for the switches, and no unknown names', () => {
    for (const name of SETTING_NAMES.filter((n) => typeof DEFAULT_SETTINGS[n] === 'boolean')) {
      expect(isValidSetting(name, true)).toBe(true)
      expect(isValidSetting(name, false)).toBe(true)
      for (const bad of [0, 1, 'true', null, undefined, {}]) expect(isValidSetting(name, bad), `${name}=${String(bad)}`).toBe(false)
    }
    for (const name of ['', 'unknown', 'toString', '__proto__', 'constructor']) expect(isValidSetting(name, true)).toBe(false)
  })

  it('accepts only "sie" and "du" as the address, and old boards without one say "Sie"', () => {
    expect(isValidSetting('address', 'sie')).toBe(true)
    expect(isValidSetting('address', 'du')).toBe(true)
    for (const bad of ['Sie', 'ihr', '', true, null, undefined, {}, ['du']]) expect(isValidSetting('address', bad), String(bad)).toBe(false)
    const doc = newDoc()
    metaOf(doc).set('setting.address', 'euch')
    expect(readSettings(metaOf(doc)).address).toBe('sie')
    setSetting(doc, 'address', 'du')
    expect(readSettings(metaOf(doc)).address).toBe('du')
    expect(() => setSetting(doc, 'address', 'ihr' as 'du')).toThrow(RangeError)
  })

  it('writes a valid setting into meta as setting.<name>', () => {
    const doc = newDoc()
    setSetting(doc, 'votesPerPerson', 8)
    setSetting(doc, 'anonymous', true)
    expect(metaOf(doc).get('setting.votesPerPerson')).toBe(8)
    expect(metaOf(doc).get('setting.anonymous')).toBe(true)
    expect(readSettings(metaOf(doc))).toEqual({ ...DEFAULT_SETTINGS, votesPerPerson: 8, anonymous: true })
    expect(toBoardView(doc).settings).toMatchObject({ votesPerPerson: 8, anonymous: true })
  })

  it('throws RangeError for an invalid value and writes nothing', () => {
    const doc = newDoc()
    const updates = capture(doc, () => {
      expect(() => setSetting(doc, 'votesPerPerson', 0)).toThrow(RangeError)
      expect(() => setSetting(doc, 'maxVotesPerItem', 21)).toThrow(RangeError)
      expect(() => setSetting(doc, 'votesPerPerson', 1.5)).toThrow(RangeError)
      expect(() => setSetting(doc, 'anonymous', 'yes' as unknown as boolean)).toThrow(RangeError)
    })
    expect(updates).toHaveLength(0)
    expect(metaOf(doc).has('setting.votesPerPerson')).toBe(false)
  })

  it('ignores hostile values in meta and keeps the defaults for them', () => {
    const doc = newDoc()
    const meta = metaOf(doc)
    meta.set('setting.votesPerPerson', 1000)
    meta.set('setting.maxVotesPerItem', '3')
    meta.set('setting.privateWriting', 'false')
    meta.set('setting.anonymous', 1)
    meta.set('setting.participantsCluster', true)
    meta.set('setting.evil', true)
    const settings = readSettings(meta)
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, participantsCluster: true })
    expect(Object.keys(settings)).not.toContain('evil')
    expect(toBoardView(doc).settings).toEqual(settings)
  })

  it('sets the board language (for its report and exports); the guard takes it from moderators only', () => {
    const server = newDoc()
    initBoard(server, { title: 'Retro', locale: 'de' })
    const moderatorClient = clientOf(server)
    const change = captureOne(moderatorClient, () => setBoardLocale(moderatorClient, 'en'))
    expect(toBoardView(moderatorClient).locale).toBe('en')

    expect(guard(server, { role: 'participant', participantId: 'p1' }, change)).toMatchObject({ code: 'notAllowed' })
    expect(toBoardView(server).locale).toBe('de')
    expect(guard(server, { role: 'moderator', participantId: 'm1' }, change)).toBeNull()
    expect(toBoardView(server).locale).toBe('en')
  })

  it('refuses an unknown board language and writes nothing', () => {
    const doc = newDoc()
    initBoard(doc, { locale: 'en' })
    const updates = capture(doc, () => {
      for (const bad of ['fr', '', 'DE', null]) expect(() => setBoardLocale(doc, bad as unknown as Locale)).toThrow(RangeError)
    })
    expect(updates).toHaveLength(0)
    expect(toBoardView(doc).locale).toBe('en')
  })
})
