import { describe, expect, it } from 'vitest'
import { parseBoardFile, toBoardFile } from '../../../model/export/json'
import { LABELS } from '../../../model/export/labels'
import { formatDay as formatDate } from '../../../model/export/format'
import { buildReport } from '../../../model/export/report'
import { boardOf, fixtureView } from '../../helpers/exportBoard'

describe('buildReport', () => {
  it('has title, formatted date, topic and the zones in board order with their headings and questions', () => {
    const report = buildReport(fixtureView(), 'de')
    expect(report.title).toBe('Siebtes Austausch- und Vernetzungstreffen – Reflexion')
    expect(report.date).toBe('29.01.2025')
    expect(report.topic).toBe('Präventionskettenarbeit')
    expect(report.participantCount).toBe(0)
    expect(report.sections.map((s) => [s.zoneTitle, s.heading])).toEqual([
      ['Steigen', 'Förderliche Faktoren'],
      ['Unten halten', 'Hemmende Faktoren'],
      ['Einheizen', 'Impulse / nächste Schritte'],
    ])
    expect(report.sections[0]!.question).toBe('Was lässt uns in der Präventionskettenarbeit steigen?')
    expect(report.sections[2]!.loose).toEqual([{ text: 'Verstetigung der Präventionsketten vor Ort voranbringen', quote: false, votes: 0 }])
  })

  it('sorts clusters by votes, ties in board order; untitled clusters say "Unbenannter Cluster"; default questions in the locale', () => {
    const file = parseBoardFile({
      title: 'Sortierung',
      zones: {
        untenHalten: [
          { cluster: 'A', votes: 1, notes: ['a'] },
          { cluster: 'B', votes: 3, notes: ['b'] },
          { cluster: '', votes: 3, notes: ['c'] },
          { cluster: 'D', votes: 0, notes: ['d'] },
        ],
      },
    })
    const view = boardOf(file).view
    const de = buildReport(view, 'de').sections[1]!
    expect(de.clusters.map((c) => [c.title, c.votes])).toEqual([
      ['B', 3],
      ['Unbenannter Cluster', 3],
      ['A', 1],
      ['D', 0],
    ])
    expect(de.question).toBe('Was hält uns unten?')
    const en = buildReport(view, 'en').sections[1]!
    expect(en.clusters[1]!.title).toBe('Untitled cluster')
    expect(en.question).toBe('What holds us down?')
    expect(en.heading).toBe('Hindering factors')
  })

  it('gives actions with formatted date and the linked cluster title or note text', () => {
    const file = parseBoardFile({
      title: 'Bezug',
      zones: { einheizen: [{ cluster: 'Sichtbarkeit', votes: 1, notes: ['Mehr zeigen'] }, { cluster: null, notes: ['Allein'] }] },
      actions: [
        { what: 'a', who: 'Koordination', until: '2025-03-31', link: 'Sichtbarkeit' },
        { what: 'b', link: 'Allein', done: true },
        { what: 'c' },
      ],
    })
    const report = buildReport(boardOf(file).view, 'de')
    expect(report.actions).toEqual([
      { what: 'a', who: 'Koordination', until: '31.03.2025', link: 'Sichtbarkeit', done: false },
      { what: 'b', who: '', until: '', link: 'Allein', done: true },
      { what: 'c', who: '', until: '', link: '', done: false },
    ])
    expect(buildReport(boardOf(file).view, 'en').actions[0]!.until).toBe('31 March 2025')
  })

  it('never carries author ids', () => {
    const base = toBoardFile(fixtureView())
    const file = {
      ...base,
      zones: { ...base.zones, steigen: { clusters: [], loose: [{ id: 'n', text: 'x', author: 'participant-secret-id', createdAt: '2025-01-29T00:00:00.000Z' }] } },
    }
    expect(JSON.stringify(buildReport(boardOf(file).view, 'de'))).not.toContain('participant-secret-id')
  })

  it('formats dates', () => {
    expect(formatDate('2025-01-29', 'de')).toBe('29.01.2025')
    expect(formatDate('2025-01-29', 'en')).toBe('29 January 2025')
    expect(formatDate('', 'de')).toBe('')
    // A day, not an instant: the same day whatever the process's time zone.
    expect(formatDate('2025-12-31', 'en')).toBe('31 December 2025')
    expect(formatDate('2025-02-30', 'de')).toBe('2025-02-30')
  })

  it('counts votes with the plural rules of the language', () => {
    expect([0, 1, 2, 1000].map((n) => LABELS.de.votes(n))).toEqual(['keine Stimmen', '1 Stimme', '2 Stimmen', '1.000 Stimmen'])
    expect([0, 1, 2, 1000].map((n) => LABELS.en.votes(n))).toEqual(['no votes', '1 vote', '2 votes', '1,000 votes'])
  })
})
