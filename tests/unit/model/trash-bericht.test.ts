import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard } from '../../../model/board'
import { BERICHT_PARTS, editBerichtPart, readBericht, startBericht } from '../../../model/bericht'
import type { BerichtPart } from '../../../model/bericht'
import { describeUpdate } from '../../../model/changes'
import { boardFacts } from '../../../model/facts'
import type { Actor } from '../../../model/identity'
import { LIMITS } from '../../../model/limits'
import { setLocked, setPhase } from '../../../model/phases'
import { parseTrashEntry, restoreEntry, restoreRefusal, trashItemOf } from '../../../model/trash'
import { BERICHT_RUN_MS, captureBericht, editedBerichtParts, lostText, startsBerichtRun } from '../../../model/trashBericht'
import { newDoc } from '../../helpers/peers'

const MODERATOR: Actor = { participantId: 'mod', role: 'moderator' }
const PARTICIPANT: Actor = { participantId: 'anna', role: 'participant' }
const DRAFT = Object.fromEntries(BERICHT_PARTS.map((part) => [part, `Entwurf ${part}`])) as Record<BerichtPart, string>
const FAZIT = 'Kita und Jugendamt treffen sich künftig jeden Monat.'
const ID = 'AAAAAAAAAAAAAAAA'

function board(): Y.Doc {
  const doc = newDoc()
  initBoard(doc, { title: 'Retro', createdAt: 1, settings: { privateWriting: false } })
  startBericht(doc, DRAFT)
  editBerichtPart(doc, 'fazit', FAZIT)
  return doc
}

/** The update `change` makes to a copy of `doc`. */
function updateOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = newDoc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const sv = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, sv)
}

describe('model/trashBericht: which Bericht edits lose text', () => {
  it('lostText: insertions keep nothing to restore, any deletion does', () => {
    expect(lostText(FAZIT, `${FAZIT} Ergänzt.`)).toBe(false)
    expect(lostText(FAZIT, `Neu: ${FAZIT.slice(0, 10)}x${FAZIT.slice(10)}`)).toBe(false)
    expect(lostText(FAZIT, FAZIT)).toBe(false)
    expect(lostText(FAZIT, FAZIT.slice(0, -1))).toBe(true)
    expect(lostText(FAZIT, '')).toBe(true)
    // A word replaced by a longer one: still a loss, though the text grew.
    expect(lostText('Kita gut', 'Kita hervorragend')).toBe(true)
  })

  it('startsBerichtRun: the first deletion starts a run, the next starts one only after BERICHT_RUN_MS', () => {
    expect(startsBerichtRun(undefined, 5)).toBe(true)
    expect(startsBerichtRun(1000, 1000 + BERICHT_RUN_MS - 1)).toBe(false)
    expect(startsBerichtRun(1000, 1000 + BERICHT_RUN_MS)).toBe(true)
  })

  it('editedBerichtParts names the parts whose existing text an update changes, not new parts nor other roots', () => {
    const doc = board()
    expect(editedBerichtParts(describeUpdate(doc, updateOf(doc, (c) => editBerichtPart(c, 'fazit', 'Kurz.'))))).toEqual(['fazit'])
    const fresh = newDoc()
    initBoard(fresh, { title: 'Neu', createdAt: 1, settings: {} })
    expect(editedBerichtParts(describeUpdate(fresh, updateOf(fresh, (c) => editBerichtPart(c, 'intro', 'Hallo'))))).toEqual([])
  })

  it('captureBericht keeps the part’s whole text before the change; nothing for an empty or missing part', () => {
    const doc = board()
    expect(captureBericht(doc, 'fazit', ID, 7)).toEqual({ kind: 'bericht', id: ID, part: 'fazit', text: FAZIT, deletedAt: 7 })
    editBerichtPart(doc, 'intro', '')
    expect(captureBericht(doc, 'intro', ID, 7)).toBeNull()
  })
})

describe('model/trash: a kept Bericht text comes back only by the moderator', () => {
  it('refuses participants; restores in Abschluss and on a locked board; refuses a part that holds the text again', () => {
    const doc = board()
    const entry = captureBericht(doc, 'fazit', ID, 7)!
    editBerichtPart(doc, 'fazit', '')
    expect(restoreRefusal(doc, boardFacts(doc), PARTICIPANT, entry)).toBe('notAllowed')
    setPhase(doc, 'abschluss')
    setLocked(doc, true)
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, entry)).toBeNull()
    restoreEntry(doc, entry, false)
    expect(readBericht(doc).fazit).toBe(FAZIT)
    expect(restoreRefusal(doc, boardFacts(doc), MODERATOR, entry)).toBe('alreadyThere')
  })

  it('reads back only well-formed Bericht entries, and lists one with its part and text', () => {
    const entry = { kind: 'bericht', id: ID, part: 'fazit', text: FAZIT, deletedAt: 7 }
    expect(parseTrashEntry(entry)).toEqual(entry)
    expect(trashItemOf(parseTrashEntry(entry)!)).toEqual(entry)
    for (const bad of [
      { ...entry, part: 'anhang' },
      { ...entry, id: 'a b' },
      { ...entry, text: 'x'.repeat(LIMITS.berichtPartLength + 1) },
      { ...entry, text: 5 },
      { ...entry, deletedAt: -1 },
    ])
      expect(parseTrashEntry(bad)).toBeNull()
  })
})
