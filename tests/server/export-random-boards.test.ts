// @vitest-environment jsdom
// (for DOMParser, which checks the picture's SVG as XML)
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction } from '../../model/agreements'
import { initBoard } from '../../model/board'
import { createCluster, renameCluster } from '../../model/clusters'
import { toCsv } from '../../model/export/csv'
import { toDocx } from '../../model/export/docx'
import { parseBoardFile, toBoardFile } from '../../model/export/json'
import { toMarkdown } from '../../model/export/markdown'
import { buildReport } from '../../model/export/report'
import { toHtml, toPlainText } from '../../model/export/text'
import { LIMITS } from '../../model/limits'
import { addNote, setQuote } from '../../model/notes'
import { castVote } from '../../model/privateDoc'
import { writeTally } from '../../model/reveal'
import { actionsOf, clustersOf, notesOf } from '../../model/schema'
import { toBoardView } from '../../model/view'
import { ZONE_IDS } from '../../model/zones'
import { pictureSvg } from '../../client/report/picture'
import { pictureInput } from '../../client/report/pictureInput'
import { seededRandom } from '../helpers/random'
import { loadCatalogue } from '../../client/i18n/catalogues'

// translate() answers in English once the app has fetched it (client/i18n/catalogues.ts).
await loadCatalogue('en')

// Issue 11: exports never fail on any board the rules can produce. Random LEGAL boards, built
// only through the model's own operations, with hostile but legal strings, are rendered in every
// format the server and the report produce; basic invariants are checked for each.

const SEED = 20261206
const BOARDS = 40

/** Legal but hostile pieces of text: controls, bidi overrides, zero-width, emoji, combining marks, markup. */
const PIECES = ['\u0007', '\u0000', '\u202e', '\u2066', '\u200b', '\ufeff', '👩🏽‍🚒', '🇩🇪', 'e\u0301', '"', ';', ',', '\n', '\r\n', '\t', '<b>', '&amp;', '# ', '| ', '`', '*', '=SUM(A1)', 'ß', 'Ä', ' ']

function hostileText(rnd: ReturnType<typeof seededRandom>, max: number): string {
  let text = ''
  const length = rnd.chance(0.1) ? max : 1 + rnd.int(40)
  while (text.length < length) text += rnd.chance(0.5) ? rnd.pick(PIECES) : String.fromCharCode(0x41 + rnd.int(26))
  // Every text needs a visible character (the model refuses blank ones) and keeps to the limit.
  return `x${text}`.slice(0, max)
}

function randomBoard(rnd: ReturnType<typeof seededRandom>): Y.Doc {
  const anonymous = rnd.chance(0.5)
  const doc = new Y.Doc()
  initBoard(doc, { title: hostileText(rnd, LIMITS.titleLength), settings: { anonymous, privateWriting: false } })
  const notes = Array.from({ length: rnd.int(60) }, () =>
    addNote(doc, { zone: rnd.pick(ZONE_IDS), text: hostileText(rnd, LIMITS.noteLength), author: anonymous ? null : `p${rnd.int(5)}` }),
  )
  const free = [...notes]
  const clusters: string[] = []
  for (let c = 0; c < rnd.int(8) && free.length > 0; c++) {
    const members = free.splice(0, 1 + rnd.int(Math.min(4, free.length)))
    const zone = notesOf(doc).get(members[0]!)!.get('zone') as (typeof ZONE_IDS)[number]
    const id = createCluster(doc, { zone, noteIds: members })
    if (rnd.chance(0.7)) renameCluster(doc, id, hostileText(rnd, LIMITS.clusterTitleLength))
    clusters.push(id)
  }
  for (const id of notes) if (rnd.chance(0.1)) setQuote(doc, id, true)
  for (let a = 0; a < rnd.int(6); a++)
    addAction(doc, { what: hostileText(rnd, LIMITS.actionLength), who: hostileText(rnd, LIMITS.whoLength), ...(rnd.chance(0.5) && { until: '2027-02-28' }), link: rnd.chance(0.5) && clusters.length > 0 ? rnd.pick(clusters) : null })
  // Votes as the server publishes them: ballots added up.
  const targets = [...clusters, ...free]
  const ballots = Array.from({ length: rnd.int(4) }, () => {
    const ballot = new Y.Doc()
    for (let v = 0; v < 3 && targets.length > 0; v++) castVote(ballot, rnd.pick(targets), 1, { votesPerPerson: 3, maxVotesPerItem: 3 })
    return ballot
  })
  writeTally(doc, ballots)
  return doc
}

describe('every export of random legal boards', () => {
  it(`renders ${BOARDS} random boards in md, csv (both separators), json, docx, text, html, the report and its picture (SVG) without failure`, async () => {
    const rnd = seededRandom(SEED)
    const seen = { notes: 0, clusters: 0, actions: 0, votes: 0, anonymous: 0 }
    for (let b = 0; b < BOARDS; b++) {
      const doc = randomBoard(rnd)
      const view = toBoardView(doc)
      seen.notes += notesOf(doc).size
      seen.clusters += clustersOf(doc).size
      seen.actions += actionsOf(doc).size
      seen.votes += Object.keys(view.tally).length
      if (view.settings.anonymous) seen.anonymous++
      const where = `seed ${SEED}, board ${b}`
      const noteTexts = [...notesOf(doc).values()].map((n) => String(n.get('text')))
      const ids = [...notesOf(doc).keys(), ...Object.keys(view.tally)]
      // JSON: every note text exactly, and it reads back in.
      const file = toBoardFile(view)
      const json = JSON.stringify(file)
      const back = parseBoardFile(JSON.parse(json))
      const backTexts = Object.values(back.zones).flatMap((z) => [...z.loose.map((n) => n.text), ...z.clusters.flatMap((c) => c.notes.map((n) => n.text))])
      expect(backTexts.sort(), where).toEqual([...noteTexts].sort())
      // CSV: rendered, and no raw id of a note, cluster or participant in it.
      for (const separator of [',', ';'] as const) {
        const csv = toCsv(view, { separator, locale: view.locale })
        expect(csv.length, where).toBeGreaterThan(0)
        for (const id of ids) expect(csv.includes(id), `${where}: id ${id} in CSV`).toBe(false)
        for (let p = 0; p < 5; p++) expect(csv.includes(`p${p},`) || csv.includes(`p${p};`), where).toBe(false)
      }
      // Markdown, text, HTML, the report: rendered, the title in each.
      for (const rendered of [toMarkdown(view, view.locale), toPlainText(view, view.locale), toHtml(view, view.locale)]) expect(rendered.length, where).toBeGreaterThan(0)
      const report = buildReport(view, view.locale)
      expect(report, where).toBeTruthy()
      // The picture (SVG, and the PNG drawn from it): well-formed XML whatever the notes hold.
      const svg = new DOMParser().parseFromString(pictureSvg(pictureInput(report)), 'image/svg+xml')
      expect(svg.getElementsByTagName('parsererror').length, where).toBe(0)
      expect(svg.documentElement.tagName, where).toBe('svg')
      // DOCX: a zip archive.
      const docx = await toDocx(view, view.locale)
      expect([docx[0], docx[1]], where).toEqual([0x50, 0x4b])
    }
    console.log(`random legal boards (seed ${SEED}): ${JSON.stringify(seen)}`)
    // The generator did produce what it claims to cover.
    expect(Math.min(seen.notes, seen.clusters, seen.actions, seen.votes, seen.anonymous, BOARDS - seen.anonymous)).toBeGreaterThan(0)
  }, 120_000)
})
