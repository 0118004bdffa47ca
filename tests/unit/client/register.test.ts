import { describe, expect, it } from 'vitest'
import { de } from '../../../client/i18n/de'
import { deDu } from '../../../client/i18n/deDu'
import { translate } from '../../../client/i18n/index'
import type { MessageKey } from '../../../client/i18n/index'

/**
 * The German register: `de` addresses the reader formally ("Sie"), the overlay `deDu` informally
 * ("du", "ihr" for the group), and a message that addresses the reader in one has its counterpart
 * in the other.
 */

/** Forms that address the reader informally: pronouns, possessives and the imperatives our texts use; not a quoted word („du“). */
const INFORMAL = [
  /(?<!„)\b(du|dich|dir|dein\w*|euch|euer|eure[mnrs]?)\b/,
  // "ihr" addresses a group, except after a preposition ("bis zu ihr") or before a noun ("ihr Browser").
  /(?<!\b(zu|mit|von|bei|aus|nach|seit|gegenüber) )\bihr\b(?! [A-ZÄÖÜ])/,
  /\b(Du|Dich|Dir|Dein\w*|Euch|Euer|Eure[mnrs]?)\b/,
  /\bIhr (könnt|seid|habt|wollt|müsst|sammelt)\b/,
  /\b(prüfe|versuche|gib|beschreibe|warte|frag|nimm|schreibt|lest|ordnet|verteilt|haltet|gebt|wähle|lade|öffne)\b/,
  /\b(Prüfe|Versuche es|Gib|Beschreibe|Warte|Frag|Nimm|Schreibt|Lest|Ordnet|Verteilt|Haltet|Gebt|Wähle|Lade|Öffne)\b/,
  /\b(hast|bist|kannst|siehst|trittst|verteilst|brauchst|änderst|wechselst)\b/,
]

/**
 * Formal address: "Sie"/"Ihr…"/"Ihnen" anywhere but at a sentence's start, where "Sie" may be "they",
 * and not as a quoted word („Sie“).
 */
const FORMAL = /(?<!^|[.!?]\s|\n|„)\b(Sie|Ihr|Ihre[mnrs]?|Ihnen)\b|(?:^|[.!?]\s|\n)(Ihr|Ihre[mnrs]?|Ihnen)\b/

const informal = (text: string) => INFORMAL.some((form) => form.test(text))
const formal = (text: string) => FORMAL.test(text)
const entries = (catalogue: Readonly<Record<string, string | undefined>>) =>
  Object.entries(catalogue).filter((entry): entry is [string, string] => entry[1] !== undefined)

describe('the German register', () => {
  it('the detectors tell the two apart', () => {
    expect(informal('Bitte prüfe die Verbindung.')).toBe(true)
    expect(informal('Schreibt eure Gedanken auf.')).toBe(true)
    expect(informal('Ihr könnt alles lesen.')).toBe(true)
    expect(informal('Versuche es später noch einmal.')).toBe(true)
    expect(informal('Haltet fest, was ihr konkret tun wollt.')).toBe(true)
    expect(informal('Umschalt+Leertaste wählt alle Notizen bis zu ihr.')).toBe(false)
    expect(informal('Teilnehmende entfernen, was ihr Browser gespeichert hat.')).toBe(false)
    expect(informal('Zu viele Versuche. Bitte warten Sie.')).toBe(false)
    expect(informal('Bitte prüfen Sie die Verbindung.')).toBe(false)
    expect(informal('Wählen Sie Ihr Forum')).toBe(false)
    expect(formal('Bitte prüfen Sie die Verbindung.')).toBe(true)
    expect(formal('Ihr Name')).toBe(true)
    expect(formal('Die Notizen sind sichtbar. Sie werden gezählt.')).toBe(false)
    expect(formal('Ihr könnt alles lesen.')).toBe(true) // sentence-initial "Ihr": the du entry is checked for informal forms instead
  })

  it('"Sie" (the default): no German message addresses the reader informally', () => {
    const offenders = entries(de).filter(([, text]) => informal(text))
    expect(offenders).toEqual([])
  })

  it('"du": every overlaid message addresses the reader informally and none formally', () => {
    const wrong = entries(deDu).filter(([, text]) => !informal(text) || /(?<!^|[.!?]\s|\n|„)\b(Sie|Ihnen)\b/.test(text))
    expect(wrong).toEqual([])
  })

  it('"du": every message that says "Sie" to the reader has a du form in the overlay', () => {
    const missing = entries(de)
      .filter(([key, text]) => formal(text) && !(key in deDu))
      .map(([key]) => key)
    expect(missing).toEqual([])
  })

  it('the overlay only replaces messages that exist and that address the reader formally', () => {
    for (const [key, text] of entries(deDu)) {
      const base = (de as Readonly<Record<string, string>>)[key]
      expect(base, key).toBeDefined()
      expect(formal(base ?? ''), `${key}: ${base}`).toBe(true)
      expect(text, key).not.toBe(base)
    }
  })

  it('translate() picks the register; English and unaddressed messages are the same in both', () => {
    expect(translate('de', 'vote.mine', { count: 2 })).toBe('Ihre Stimmen: 2')
    expect(translate('de', 'vote.mine', { count: 2 }, 'du')).toBe('Deine Stimmen: 2')
    expect(translate('en', 'vote.mine', { count: 2 }, 'du')).toBe(translate('en', 'vote.mine', { count: 2 }, 'sie'))
    const plain: MessageKey = 'phase.next'
    expect(translate('de', plain, undefined, 'du')).toBe(translate('de', plain))
  })
})
