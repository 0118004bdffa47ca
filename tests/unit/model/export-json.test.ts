import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { ImportError, importBoard, parseBoardFile, toBoardFile } from '../../../model/export/json'
import type { BoardFile } from '../../../model/export/json'
import { LIMITS } from '../../../model/limits'
import { metaOf, votesOf } from '../../../model/schema'
import { toBoardView } from '../../../model/view'
import { boardOf, fixtureData, fixtureView } from '../../helpers/exportBoard'

function roundTrip(file: BoardFile): BoardFile {
  return toBoardFile(boardOf(parseBoardFile(JSON.parse(JSON.stringify(file)))).view)
}

function errorOf(data: unknown): ImportError {
  try {
    parseBoardFile(data)
  } catch (error) {
    if (error instanceof ImportError) return error
    throw error
  }
  throw new Error('parseBoardFile accepted the input')
}

const minimal = (more: Record<string, unknown> = {}): Record<string, unknown> => ({ title: 'Retro', zones: {}, ...more })

describe('JSON board file', () => {
  it('round-trips: export, import, export again gives the same file', () => {
    const first = toBoardFile(fixtureView())
    expect(roundTrip(first)).toEqual(first)
    expect(roundTrip(roundTrip(first))).toEqual(first)
  })

  it('round-trips a board with authors, own note votes, links, done actions, custom settings and an English locale', () => {
    const file: BoardFile = {
      ...toBoardFile(fixtureView()),
      locale: 'en',
      questions: { steigen: null, untenHalten: 'Was bremst?', einheizen: null },
      settings: { ...toBoardFile(fixtureView()).settings, votesPerPerson: 3, participantsCluster: true },
    }
    const zones = {
      ...file.zones,
      steigen: {
        clusters: [{ id: 'c-1', title: '', votes: 0, notes: [{ id: 'n-a', text: 'in Cluster', author: 'p1', createdAt: '2025-01-29T09:15:00.000Z' }] }],
        loose: [{ id: 'n-b', text: 'lose\nzweizeilig', votes: 3, author: 'p2', createdAt: '2025-01-29T09:16:00.000Z' }],
      },
    }
    const actions = [
      { id: 'a-1', what: 'Folgen', who: 'Team', until: '', link: 'n-b', done: true },
      { id: 'a-2', what: 'Cluster', who: '', until: '2025-12-31', link: 'c-1', done: false },
    ]
    const rich: BoardFile = { ...file, zones, actions }
    expect(roundTrip(rich)).toEqual(rich)
  })

  it('carries the "Anrede": a du board stays du, a file from before the setting imports as Sie', () => {
    const file: BoardFile = { ...toBoardFile(fixtureView()), settings: { ...toBoardFile(fixtureView()).settings, address: 'du' } }
    expect(roundTrip(file).settings.address).toBe('du')
    expect(boardOf(parseBoardFile(JSON.parse(JSON.stringify(file)))).view.settings.address).toBe('du')
    const { address: _dropped, ...older } = toBoardFile(fixtureView()).settings
    expect(boardOf(parseBoardFile(minimal({ settings: older }))).view.settings.address).toBe('sie')
    expect(errorOf(minimal({ settings: { address: 'euch' } })).message).toMatch(/settings\.address/)
  })

  it('carries „Teilnehmende dürfen den Bericht mitschreiben“; a file from before the setting imports with it off', () => {
    const file: BoardFile = { ...toBoardFile(fixtureView()), settings: { ...toBoardFile(fixtureView()).settings, participantsWriteBericht: true } }
    expect(JSON.parse(JSON.stringify(file)).settings.participantsWriteBericht).toBe(true)
    expect(roundTrip(file).settings.participantsWriteBericht).toBe(true)
    expect(boardOf(parseBoardFile(JSON.parse(JSON.stringify(file)))).view.settings.participantsWriteBericht).toBe(true)
    const { participantsWriteBericht: _dropped, ...older } = toBoardFile(fixtureView()).settings
    expect(boardOf(parseBoardFile(minimal({ settings: older }))).view.settings.participantsWriteBericht).toBe(false)
    expect(boardOf(parseBoardFile(fixtureData())).view.settings.participantsWriteBericht).toBe(false)
    expect(errorOf(minimal({ settings: { participantsWriteBericht: 'ja' } })).message).toMatch(/settings\.participantsWriteBericht/)
  })

  it('imports the fixture as a finished board: phase Abschluss, date, questions, votes revealed', () => {
    const { doc, view } = boardOf(parseBoardFile(fixtureData()))
    expect(view.phase).toBe('abschluss')
    expect(view.date).toBe('2025-01-29')
    expect(view.votesRevealed).toBe(true)
    expect(view.zones.untenHalten.question).toBe('Was hält uns in der Präventionskettenarbeit unten?')
    expect(view.noteCount).toBe(18)
    expect(view.zones.steigen.clusters.map((c) => c.title)).toEqual(['Vernetzung & Strukturen', 'Politische Unterstützung', 'Erste Maßnahmen'])
    const ressourcen = view.zones.untenHalten.clusters[0]!
    expect(votesOf(doc).get(ressourcen.id)).toBe(8)
    expect(view.actions.map((a) => [a.what, a.who, a.until, a.link, a.done])).toEqual([
      ['Erfolge der Präventionskette in der nächsten Ausschusssitzung vorstellen', 'Koordination', '2025-03-31', null, false],
      ['Beteiligungsformat für Familien und Kinder planen', 'AG Beteiligung', '2025-06-30', null, false],
    ])
  })

  it('imports in one transaction, into an empty doc only', () => {
    const doc = new Y.Doc()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    importBoard(doc, parseBoardFile(fixtureData()))
    expect(transactions).toBe(1)
    expect(() => importBoard(doc, parseBoardFile(fixtureData()))).toThrow(/empty/)
  })

  it('keeps valid unique ids, replaces the others, and maps links to the new ids', () => {
    const file = parseBoardFile({
      format: 'ballonfahrt-board',
      version: 1,
      title: 'Ids',
      zones: {
        steigen: {
          clusters: [{ id: 'dup', title: 'K', votes: 2, notes: [{ id: 'gut_1', text: 'eins' }] }],
          loose: [
            { id: 'dup', text: 'zwei' },
            { id: 'mit leerzeichen', text: 'drei', votes: 1 },
          ],
        },
      },
      actions: [
        { id: 'x', what: 'A', link: 'mit leerzeichen' },
        { id: 'x', what: 'B', link: 'weg' },
      ],
    })
    const { doc, view } = boardOf(file)
    const [k] = view.zones.steigen.clusters
    const [zwei, drei] = view.zones.steigen.loose
    expect(k!.id).toBe('dup')
    expect(k!.notes[0]!.id).toBe('gut_1')
    expect(zwei!.id).not.toBe('dup')
    expect(drei!.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(votesOf(doc).get(drei!.id)).toBe(1)
    expect(view.actions.map((a) => a.link)).toEqual([drei!.id, null])
    expect(new Set(view.actions.map((a) => a.id)).size).toBe(2)
  })

  it('drops authors on anonymous boards, in the file and on import', () => {
    const file = parseBoardFile({
      format: 'ballonfahrt-board',
      version: 1,
      title: 'Anonym',
      settings: { anonymous: true },
      zones: { steigen: { clusters: [], loose: [{ id: 'n1', text: 'x', author: 'p1' }] } },
    })
    expect(file.zones.steigen.loose[0]).not.toHaveProperty('author')
    const { view } = boardOf(file)
    expect(view.zones.steigen.notes[0]!.author).toBeNull()
    expect(JSON.stringify(toBoardFile(view))).not.toContain('p1')
  })

  it('takes a minimal action link by cluster title or note text', () => {
    const file = parseBoardFile(
      minimal({
        zones: { einheizen: [{ cluster: 'Sichtbarkeit', votes: 1, notes: ['Mehr zeigen'] }, { cluster: null, notes: ['Allein'] }] },
        actions: [
          { what: 'a', link: 'Sichtbarkeit' },
          { what: 'b', link: 'Allein' },
        ],
      }),
    )
    const { view } = boardOf(file)
    expect(view.actions.map((a) => a.link)).toEqual([view.zones.einheizen.clusters[0]!.id, view.zones.einheizen.loose[0]!.id])
  })

  it('without votes leaves the vote unrevealed', () => {
    const { doc, view } = boardOf(parseBoardFile(minimal({ zones: { steigen: [{ cluster: 'K', notes: ['x'] }] } })))
    expect(view.votesRevealed).toBe(false)
    expect(metaOf(doc).get('votesRevealed')).toBeUndefined()
    expect(toBoardView(doc).tally).toEqual({})
  })
})

describe('parseBoardFile errors say what and where, in German', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', [1, 2], 'Datei: Objekt erwartet, gefunden: eine Liste'],
    ['missing title', { zones: {} }, 'title: Titel fehlt'],
    ['title of the wrong type', { title: 42 }, 'title: Text erwartet, gefunden: eine Zahl'],
    ['title too long', { title: 'x'.repeat(LIMITS.titleLength + 1) }, `title: Text ist zu lang (${LIMITS.titleLength + 1} Zeichen, höchstens ${LIMITS.titleLength})`],
    ['unknown zone', minimal({ zones: { oben: [] } }), 'zones.oben: unbekannter Bereich (erlaubt: steigen, untenHalten, einheizen)'],
    ['zone not a list', minimal({ zones: { steigen: 'x' } }), 'zones.steigen: Liste erwartet, gefunden: ein Text'],
    [
      'note too long',
      minimal({ zones: { steigen: [{ cluster: 'a', notes: ['ok', 'x'.repeat(1001)] }] } }),
      'zones.steigen[0].notes[1]: Text ist zu lang (1001 Zeichen, höchstens 1000)',
    ],
    ['empty note', minimal({ zones: { untenHalten: [{ cluster: null, notes: ['  '] }] } }), 'zones.untenHalten[0].notes[0]: Text fehlt'],
    ['note not a text', minimal({ zones: { steigen: [{ cluster: null, notes: [7] }] } }), 'zones.steigen[0].notes[0]: Text erwartet, gefunden: eine Zahl'],
    ['missing cluster key', minimal({ zones: { steigen: [{ notes: ['x'] }] } }), 'zones.steigen[0].cluster: fehlt (Titel des Clusters, oder null für Notizen ohne Cluster)'],
    ['negative votes', minimal({ zones: { steigen: [{ cluster: 'a', votes: -1, notes: ['x'] }] } }), 'zones.steigen[0].votes: Stimmen müssen eine ganze Zahl ab 0 sein, gefunden: -1'],
    ['bad date', minimal({ date: '2025-02-30' }), 'date: „2025-02-30“ ist kein gültiges Datum (erwartet: JJJJ-MM-TT)'],
    ['German date', minimal({ date: '29.01.2025' }), 'date: „29.01.2025“ ist kein gültiges Datum (erwartet: JJJJ-MM-TT)'],
    ['bad action date', minimal({ actions: [{ what: 'a', until: 'morgen' }] }), 'actions[0].until: „morgen“ ist kein gültiges Datum (erwartet: JJJJ-MM-TT)'],
    ['action without what', minimal({ actions: [{ who: 'x' }] }), 'actions[0].what: Beschreibung der Maßnahme („what“) fehlt'],
    ['unknown link', minimal({ actions: [{ what: 'a', link: 'Nirgends' }] }), 'actions[0].link: kein Cluster und keine Notiz heißt „Nirgends“'],
    ['wrong version', { format: 'ballonfahrt-board', version: 3, title: 'x' }, 'version: Version 3 wird nicht unterstützt (unterstützt: 1, 2)'],
    ['missing version', { format: 'ballonfahrt-board', title: 'x' }, 'version: Version fehlt (unterstützt: 1, 2)'],
    ['wrong format', { format: 'trello', title: 'x' }, 'format: unbekanntes Format "trello" (erwartet: „ballonfahrt-board“)'],
    ['unknown locale', minimal({ locale: 'fr' }), 'locale: unbekannte Sprache "fr" (erlaubt: de, en)'],
    ['bad setting', minimal({ settings: { votesPerPerson: 99 } }), 'settings.votesPerPerson: ungültiger Wert 99'],
    ['unknown setting', minimal({ settings: { colour: 'red' } }), 'settings.colour: unbekannte Einstellung'],
    [
      'bad createdAt',
      { format: 'ballonfahrt-board', version: 1, title: 'x', zones: { steigen: { clusters: [], loose: [{ id: 'a', text: 't', createdAt: 'gestern' }] } } },
      'zones.steigen.loose[0].createdAt: „gestern“ ist kein gültiger Zeitpunkt',
    ],
    [
      'full-format note without text',
      { format: 'ballonfahrt-board', version: 1, title: 'x', zones: { einheizen: { clusters: [{ id: 'k', title: 't', votes: 0, notes: [{ id: 'a' }] }], loose: [] } } },
      'zones.einheizen.clusters[0].notes[0].text: Text fehlt',
    ],
    ['too many actions', minimal({ actions: Array.from({ length: LIMITS.actionsPerBoard + 1 }, () => ({ what: 'a' })) }), `actions: zu viele Maßnahmen (${LIMITS.actionsPerBoard + 1}, höchstens ${LIMITS.actionsPerBoard})`],
    [
      'too many notes over the board',
      minimal({ zones: { steigen: [{ cluster: null, notes: Array.from({ length: LIMITS.notesPerBoard }, () => 'x') }], einheizen: [{ cluster: null, notes: ['y'] }] } }),
      `zones.einheizen[0].notes[0]: zu viele Notizen (höchstens ${LIMITS.notesPerBoard} je Board)`,
    ],
  ]

  for (const [name, input, message] of cases) {
    it(name, () => {
      const error = errorOf(input)
      expect(error.name).toBe('ImportError')
      expect(error.message.startsWith(message), `${error.message}\n  should start with\n${message}`).toBe(true)
    })
  }

  it('accepts the fixture and its own export', () => {
    expect(() => parseBoardFile(fixtureData())).not.toThrow()
    expect(parseBoardFile(toBoardFile(fixtureView()))).toEqual(toBoardFile(fixtureView()))
  })
})
