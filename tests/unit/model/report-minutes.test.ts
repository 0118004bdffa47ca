import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { setMeetingDetails } from '../../../model/details'
import { toCsv } from '../../../model/export/csv'
import { toDocx } from '../../../model/export/docx'
import { parseBoardFile, toBoardFile, toJson } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { buildReport } from '../../../model/export/report'
import { toHtml, toPlainText } from '../../../model/export/text'
import { setQuote } from '../../../model/notes'
import { setPerson } from '../../../model/people'
import { setSetting } from '../../../model/settings'
import { toBoardView } from '../../../model/view'
import { readDocx } from '../../helpers/docxText'
import { boardOf, fixtureData, golden } from '../../helpers/exportBoard'

const QUOTE = '„Wir konnten an bestehende Netzwerke andocken und diese ausbauen“'

/**
 * The fixture as a finished meeting: details set, four participants from three institutions
 * (one written twice, differently), each with a display name, and the note from the published
 * report marked "Zitat". Anna wrote the quoted note.
 */
function meeting(settings: Record<string, boolean> = {}): Y.Doc {
  const file = parseBoardFile(fixtureData())
  const { doc, view } = boardOf({ ...file, settings: { ...file.settings, ...settings } })
  setMeetingDetails(doc, { start: '10:00', end: '12:30', format: 'digital', organiser: 'Landeskoordination Präventionsketten Hessen' })
  const people = [
    ['pAnna', 'Stadt Kassel', 'Anna Beispiel'],
    ['pBert', 'Landkreis Fulda', 'Bert Muster'],
    ['pCarla', 'stadt  kassel', 'Carla Probe'],
    ['pDora', 'Gemeinde Alheim', 'Dora Test'],
  ] as const
  for (const [id, institution, name] of people) {
    setPerson(doc, id, { institution, ...(settings.namesInExports && !settings.anonymous ? { name } : {}) })
    doc.getMap('members').set(id, true)
  }
  const quoted = view.zones.steigen.notes.find((n) => n.text === QUOTE)!
  // The fixture has no authors: give the quoted note Anna as its author where the board names authors.
  if (!settings.anonymous) doc.getMap<Y.Map<unknown>>('notes').get(quoted.id)!.set('author', 'pAnna')
  setQuote(doc, quoted.id, true)
  return doc
}

describe('meeting details, institutions and quotes in the report', () => {
  it('the header and the introduction name date, time, format, organiser, participants and the institutions once each', () => {
    const report = buildReport(toBoardView(meeting()), 'de')
    expect(report.institutions).toEqual(['Gemeinde Alheim', 'Landkreis Fulda', 'Stadt Kassel'])
    expect(report.prose.intro).toBe(
      'Die Veranstaltung „Siebtes Austausch- und Vernetzungstreffen – Reflexion“ fand am 29.01.2025 von 10:00 bis 12:30 Uhr als digitales Treffen statt. Veranstaltet von: Landeskoordination Präventionsketten Hessen. Ihr Thema war „Präventionskettenarbeit“. Teilgenommen haben vier Personen. Vertreten waren drei Institutionen: Gemeinde Alheim, Landkreis Fulda und Stadt Kassel. Mit der Methode Heißluftballon blickte die Gruppe gemeinsam auf ihre Arbeit: was sie steigen lässt, was sie unten hält und wo sie mehr einheizen muss.',
    )
    const md = toMarkdown(toBoardView(meeting()), 'de')
    expect(md).toContain('- Datum: 29.01.2025\n- Zeit: 10:00–12:30 Uhr\n- Format: digital\n- Veranstaltet von: Landeskoordination Präventionsketten Hessen\n- Thema: Präventionskettenarbeit\n- Teilnehmende: 4\n- Institutionen: Gemeinde Alheim, Landkreis Fulda, Stadt Kassel\n')
    const en = buildReport(toBoardView(meeting()), 'en').prose.intro
    expect(en).toContain('took place on 29 January 2025 from 10:00 to 12:30 online.')
    expect(en).toContain('Three institutions were represented: Gemeinde Alheim, Landkreis Fulda and Stadt Kassel.')
  })

  it('a quote ends its zone\'s paragraph, attributed generically; it is not named among the examples', () => {
    const steigen = buildReport(toBoardView(meeting()), 'de').prose.zones.steigen
    expect(steigen.endsWith(` ${QUOTE} (Teilnehmerin/Teilnehmer der Veranstaltung)`)).toBe(true)
    expect(steigen.split(QUOTE)).toHaveLength(2)
    expect(buildReport(toBoardView(meeting()), 'en').prose.zones.steigen).toMatch(/ “Wir konnten an bestehende Netzwerke andocken und diese ausbauen” \(participant of the meeting\)$/)
  })

  it('the quote names the institution only when the moderator allows it, and never on an anonymous board', () => {
    expect(buildReport(toBoardView(meeting({ quoteInstitution: true })), 'de').prose.zones.steigen).toContain(
      `${QUOTE} (Teilnehmerin/Teilnehmer der Veranstaltung, Stadt Kassel)`,
    )
    expect(buildReport(toBoardView(meeting({ quoteInstitution: true, anonymous: true })), 'de').prose.zones.steigen).toContain(
      `${QUOTE} (Teilnehmerin/Teilnehmer der Veranstaltung)`,
    )
  })

  it('DOCX, Markdown, text and HTML carry the prose, the quote and the institutions', async () => {
    const view = toBoardView(meeting())
    const docx = readDocx(await toDocx(view, 'de')).paragraphs.map((p) => p.text).join('\n')
    for (const out of [docx, toMarkdown(view, 'de').replace(/\\/g, ''), toPlainText(view, 'de'), toHtml(view, 'de')]) {
      expect(out).toContain('Gemeinde Alheim, Landkreis Fulda')
      expect(out).toContain('(Teilnehmerin/Teilnehmer der Veranstaltung)')
      expect(out).toContain('wurden als hemmende Faktoren')
    }
  })
})

describe('anonymity in every export', () => {
  const ids = ['pAnna', 'pBert', 'pCarla', 'pDora']
  const names = ['Anna Beispiel', 'Bert Muster', 'Carla Probe', 'Dora Test']

  async function everyExport(doc: Y.Doc): Promise<Record<string, string>> {
    const view = toBoardView(doc)
    return {
      md: toMarkdown(view, 'de'),
      txt: toPlainText(view, 'de'),
      html: toHtml(view, 'de'),
      csv: toCsv(view, { separator: ';', locale: 'de' }),
      json: toJson(view),
      docx: readDocx(await toDocx(view, 'de')).document,
    }
  }

  it('by default: no name anywhere, and no participant id in any report (only the JSON keeps authors, as before)', async () => {
    for (const [format, out] of Object.entries(await everyExport(meeting()))) {
      for (const name of names) expect(out, `${format}: ${name}`).not.toContain(name)
      if (format !== 'json') for (const id of ids) expect(out, `${format}: ${id}`).not.toContain(id)
    }
  })

  it('an anonymous board: no name and no id in any format, JSON included, even with names allowed', async () => {
    for (const [format, out] of Object.entries(await everyExport(meeting({ anonymous: true, namesInExports: true, quoteInstitution: true })))) {
      for (const text of [...names, ...ids]) expect(out, `${format}: ${text}`).not.toContain(text)
      // The CSV is one row per note, without the report's header.
      if (format !== 'csv') expect(out, format).toContain('Gemeinde Alheim')
    }
  })

  it('names only in the CSV author column and the JSON, and only when the moderator allows them on an open board', async () => {
    const doc = meeting({ namesInExports: true })
    const out = await everyExport(doc)
    expect(out.csv).toContain(';Anna Beispiel;')
    for (const format of ['md', 'txt', 'html', 'docx']) for (const name of names) expect(out[format], `${format}: ${name}`).not.toContain(name)
    // Switched off again: the names stay in the doc but leave no export.
    setSetting(doc, 'namesInExports', false)
    const off = await everyExport(doc)
    for (const [format, text] of Object.entries(off)) for (const name of names) expect(text, `${format}: ${name}`).not.toContain(name)
  })
})

describe('the JSON file carries it all (version 2), and version 1 files still import', () => {
  it('round-trips details, institutions, people and quotes', () => {
    const file = toBoardFile(toBoardView(meeting({ namesInExports: true })))
    expect(file.version).toBe(2)
    expect(file.meeting).toEqual({ start: '10:00', end: '12:30', format: 'digital', place: '', organiser: 'Landeskoordination Präventionsketten Hessen' })
    expect(file.institutions).toEqual(['Gemeinde Alheim', 'Landkreis Fulda', 'Stadt Kassel'])
    expect(file.people?.pAnna).toEqual({ institution: 'Stadt Kassel', name: 'Anna Beispiel' })
    expect(file.zones.steigen.clusters[0]!.notes.filter((n) => n.quote === true).map((n) => n.text)).toEqual([QUOTE])
    const again = toBoardFile(boardOf(parseBoardFile(JSON.parse(JSON.stringify(file)))).view)
    expect(again).toEqual(file)
  })

  it('an anonymous board\'s file has the institutions but no people, and they come back on import', () => {
    const file = toBoardFile(toBoardView(meeting({ anonymous: true })))
    expect(file.people).toBeUndefined()
    const back = boardOf(parseBoardFile(JSON.parse(JSON.stringify(file)))).view
    expect(buildReport(back, 'de').institutions).toEqual(['Gemeinde Alheim', 'Landkreis Fulda', 'Stadt Kassel'])
    expect(toBoardFile(back)).toEqual(file)
  })

  it('reads a version 1 export as it was written before issue 16', () => {
    const v1 = JSON.parse(golden('praeventionsketten.v1.json')) as Record<string, unknown>
    expect(v1.version).toBe(1)
    const view = boardOf(parseBoardFile(v1)).view
    expect(view.noteCount).toBe(18)
    expect(view.meeting.format).toBe('')
    expect(toJson(view)).toBe(golden('praeventionsketten.json'))
  })

  it('refuses bad details, institutions and people with a message naming the place', () => {
    const base = JSON.parse(golden('praeventionsketten.json')) as Record<string, unknown>
    expect(() => parseBoardFile({ ...base, meeting: { format: 'mond' } })).toThrow(/^meeting\.format: ungültiger Wert "mond"/)
    expect(() => parseBoardFile({ ...base, meeting: { start: '9 Uhr' } })).toThrow(/^meeting\.start: /)
    expect(() => parseBoardFile({ ...base, institutions: ['x'.repeat(121)] })).toThrow(/^institutions\[0\]: Text ist zu lang/)
    expect(() => parseBoardFile({ ...base, people: { p1: { institution: 'A', role: 'moderator' } } })).toThrow(/^people\.p1: /)
    expect(() => parseBoardFile({ ...base, version: 3 })).toThrow(/^version: Version 3 wird nicht unterstützt \(unterstützt: 1, 2\)/)
  })
})
