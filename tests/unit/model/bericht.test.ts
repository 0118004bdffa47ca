import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BERICHT_PARTS, editBerichtPart, readBericht, startBericht } from '../../../model/bericht'
import { toCsv } from '../../../model/export/csv'
import { toDocx } from '../../../model/export/docx'
import { ImportError, parseBoardFile, toBoardFile, toJson } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { buildReport, draftParts } from '../../../model/export/report'
import { toHtml, toPlainText } from '../../../model/export/text'
import { setQuote } from '../../../model/notes'
import { setPerson } from '../../../model/people'
import { toBoardView } from '../../../model/view'
import { readDocx } from '../../helpers/docxText'
import { boardOf, fixtureData } from '../../helpers/exportBoard'

// The Bericht (issue 16): the moderator's edited prose in every export, the JSON carrying it, and
// no name or id in any export where none is allowed.

const QUOTE = 'Wir konnten an bestehende Netzwerke andocken und diese ausbauen'
const ADDED = 'Besonders betont wurde die Zusammenarbeit über die Kreisgrenzen hinweg.'
const FAZIT = 'Die Landeskoordination nimmt die Anregungen in das nächste Treffen mit.'
const INTRO = 'Am Treffen nahmen Fachkräfte aus den Kommunen des Landesprogramms teil.'
const PEOPLE = [
  ['pAnna', 'Stadt Kassel', 'Anna Beispiel'],
  ['pBert', 'Landkreis Fulda', 'Bert Muster'],
] as const

/** The fixture board with two institutions (and names, where allowed), a quote, and an edited Bericht. */
function editedMeeting(settings: Record<string, boolean> = {}): Y.Doc {
  const file = parseBoardFile(fixtureData())
  const { doc, view } = boardOf({ ...file, settings: { ...file.settings, ...settings } })
  const namesAllowed = settings.namesInExports === true && settings.anonymous !== true
  for (const [id, institution, name] of PEOPLE) setPerson(doc, id, { institution, ...(namesAllowed ? { name } : {}) })
  const quoted = view.zones.steigen.notes.find((n) => n.text.includes(QUOTE))!
  if (settings.anonymous !== true) doc.getMap<Y.Map<unknown>>('notes').get(quoted.id)!.set('author', 'pAnna')
  setQuote(doc, quoted.id, true)
  const report = buildReport(toBoardView(doc), 'de')
  startBericht(doc, draftParts(report.draft))
  // The moderator adds a sentence to the Steigen paragraph (its quote stays), rewrites the introduction and the Fazit.
  editBerichtPart(doc, 'steigen', `${report.draft.zones.steigen} ${ADDED}`)
  editBerichtPart(doc, 'intro', INTRO)
  editBerichtPart(doc, 'fazit', FAZIT)
  return doc
}

async function reports(doc: Y.Doc): Promise<Record<string, string>> {
  const view = toBoardView(doc)
  return {
    md: toMarkdown(view, 'de').replace(/\\/g, ''),
    txt: toPlainText(view, 'de'),
    html: toHtml(view, 'de'),
    docx: readDocx(await toDocx(view, 'de')).paragraphs.map((p) => p.text).join('\n'),
  }
}

describe('the Bericht in the model', () => {
  it('starts from the draft: every part reads as the draft until edited, then as edited', () => {
    const file = parseBoardFile(fixtureData())
    const { doc } = boardOf(file)
    const before = buildReport(toBoardView(doc), 'de')
    expect(toBoardView(doc).bericht).toEqual({})
    startBericht(doc, draftParts(before.draft))
    expect(readBericht(doc)).toEqual(draftParts(before.draft))
    expect(buildReport(toBoardView(doc), 'de').prose).toEqual(before.prose)
    editBerichtPart(doc, 'einheizen', 'Neu geschrieben.')
    const after = buildReport(toBoardView(doc), 'de')
    expect(after.prose.zones.einheizen).toBe('Neu geschrieben.')
    expect(after.draft.zones.einheizen).toBe(before.draft.zones.einheizen)
    expect(after.prose.zones.steigen).toBe(before.prose.zones.steigen)
  })

  it('two moderators typing in the same part at once both keep their words', () => {
    const a = new Y.Doc()
    startBericht(a, Object.fromEntries(BERICHT_PARTS.map((p) => [p, 'Anfang und Ende.'])) as never)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    editBerichtPart(a, 'fazit', 'Anfang, Mitte und Ende.')
    editBerichtPart(b, 'fazit', 'Anfang und Ende. Nachtrag.')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readBericht(a).fazit).toBe('Anfang, Mitte und Ende. Nachtrag.')
    expect(readBericht(b).fazit).toBe(readBericht(a).fazit)
  })

  it('refuses a part over its length', () => {
    const doc = new Y.Doc()
    expect(() => editBerichtPart(doc, 'intro', 'x'.repeat(6001))).toThrow(RangeError)
    expect(readBericht(doc)).toEqual({})
  })
})

describe('the edited Bericht in every export', () => {
  it('Markdown, text, HTML (print) and DOCX carry the edited prose, the quote and the institutions', async () => {
    for (const [format, out] of Object.entries(await reports(editedMeeting()))) {
      expect(out, format).toContain(INTRO)
      expect(out, format).toContain(ADDED)
      expect(out, format).toContain(FAZIT)
      expect(out, format).toContain(`„${QUOTE}“ (Teilnehmerin/Teilnehmer der Veranstaltung)`)
      expect(out, format).toContain('Landkreis Fulda, Stadt Kassel')
      // The replaced draft of the introduction is gone.
      expect(out, format).not.toContain('Mit der Methode Heißluftballon blickte die Gruppe')
    }
  })

  it('no name and no participant id in any report, by default and on an anonymous board (there in CSV and JSON too)', async () => {
    const words = PEOPLE.flatMap(([id, , name]) => [id, name])
    for (const [format, out] of Object.entries(await reports(editedMeeting({ namesInExports: false })))) {
      for (const word of words) expect(out, `${format}: ${word}`).not.toContain(word)
    }
    const anonymous = editedMeeting({ anonymous: true, namesInExports: true })
    const view = toBoardView(anonymous)
    const all = { ...(await reports(anonymous)), csv: toCsv(view, { separator: ';', locale: 'de' }), json: toJson(view) }
    for (const [format, out] of Object.entries(all)) {
      for (const word of words) expect(out, `${format}: ${word}`).not.toContain(word)
    }
    expect(all.json).toContain(ADDED)
  })
})

describe('the JSON file carries the Bericht', () => {
  it('round-trips the edited parts; a board never edited has none', () => {
    const file = toBoardFile(toBoardView(editedMeeting()))
    expect(file.bericht?.fazit).toBe(FAZIT)
    expect(Object.keys(file.bericht ?? {})).toEqual([...BERICHT_PARTS])
    const again = boardOf(parseBoardFile(JSON.parse(JSON.stringify(file))))
    expect(again.view.bericht).toEqual(file.bericht)
    expect(buildReport(again.view, 'de').prose.intro).toBe(INTRO)
    expect(toBoardFile(boardOf(parseBoardFile(fixtureData())).view).bericht).toBeUndefined()
  })

  it('an older file without it imports with the generated draft; an unknown part or an over-long one is refused', () => {
    const { view } = boardOf(parseBoardFile(fixtureData()))
    expect(view.bericht).toEqual({})
    expect(() => parseBoardFile({ ...fixtureData(), bericht: { anhang: 'x' } })).toThrow(ImportError)
    expect(() => parseBoardFile({ ...fixtureData(), bericht: { fazit: 'x'.repeat(6001) } })).toThrow(/zu lang/)
    expect(() => parseBoardFile({ ...fixtureData(), bericht: { fazit: 42 } })).toThrow(ImportError)
    expect(parseBoardFile({ ...fixtureData(), bericht: { fazit: ' Kurz. ' } }).bericht).toEqual({ fazit: 'Kurz.' })
  })
})
