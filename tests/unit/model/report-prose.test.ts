import { describe, expect, it } from 'vitest'
import { parseBoardFile } from '../../../model/export/json'
import { toMarkdown } from '../../../model/export/markdown'
import { countWord, joinList, quote } from '../../../model/export/prose/grammar'
import { buildReport } from '../../../model/export/report'
import type { Locale } from '../../../model/zones'
import { toBoardView as toView } from '../../../model/view'
import { boardOf, fixtureView } from '../../helpers/exportBoard'

/** The prose of a board given in the minimal file format. */
function proseOf(data: Record<string, unknown>, locale: Locale = 'de') {
  return buildReport(boardOf(parseBoardFile({ title: 'Treffen', date: '2025-03-04', ...data })).view, locale).prose
}

const clusters = (n: number, votes = (i: number) => n - i) =>
  Array.from({ length: n }, (_, i) => ({ cluster: `Thema ${i + 1}`, votes: votes(i), notes: [`Notiz ${i + 1}a`, `Notiz ${i + 1}b`] }))

// Golden: written once from the implementation, read and corrected by hand; this test only compares.
describe('the report draft of the fixture board (server/demo/praeventionsketten-2025.json)', () => {
  it('German', () => {
    const prose = buildReport(fixtureView(), 'de').prose
    expect(prose.intro).toBe(
      'Die Veranstaltung „Siebtes Austausch- und Vernetzungstreffen – Reflexion“ fand am 29.01.2025 statt. Ihr Thema war „Präventionskettenarbeit“. Mit der Methode Heißluftballon blickte die Gruppe gemeinsam auf ihre Arbeit: was sie steigen lässt, was sie unten hält und wo sie mehr einheizen muss.',
    )
    expect(prose.zones.steigen).toBe(
      'Auf die Frage „Was lässt uns in der Präventionskettenarbeit steigen?“ wurden als förderliche Faktoren beispielsweise „Vernetzung & Strukturen“ (7 Stimmen), „Politische Unterstützung“ (4 Stimmen) und „Erste Maßnahmen“ (3 Stimmen) genannt. Unter „Vernetzung & Strukturen“ wurden etwa „Gelungene Vernetzungs- und Strukturarbeit“ und „Abbau von Doppelstrukturen durch die Präventionsketten“ festgehalten.',
    )
    expect(prose.zones.untenHalten).toBe(
      'Auf die Frage „Was hält uns in der Präventionskettenarbeit unten?“ wurden als hemmende Faktoren „Ressourcen“ (8 Stimmen) und „Personal“ (5 Stimmen) genannt. Unter „Ressourcen“ wurden etwa „Fehlende finanzielle Ressourcen“ und „Verschärfte Haushaltslagen in den Kommunen“ festgehalten.',
    )
    expect(prose.zones.einheizen).toBe(
      'Auf die Frage „Wo müssen wir in der Präventionskettenarbeit mehr einheizen?“ wurden als Impulse für die weitere Arbeit beispielsweise „Sichtbarkeit“ (6 Stimmen), „Ins Handeln kommen“ (5 Stimmen) und „Beteiligung“ (4 Stimmen) genannt. Unter „Sichtbarkeit“ wurden etwa „Mehr Öffentlichkeitsarbeit“ und „Die Arbeit in relevanten Gremien vorstellen“ festgehalten. Außerdem wurde „Verstetigung der Präventionsketten vor Ort voranbringen“ genannt.',
    )
    expect(prose.actions).toBe(
      'Zum Abschluss wurden zwei Maßnahmen vereinbart: „Erfolge der Präventionskette in der nächsten Ausschusssitzung vorstellen“ (Koordination, bis zum 31.03.2025) und „Beteiligungsformat für Familien und Kinder planen“ (AG Beteiligung, bis zum 30.06.2025).',
    )
    expect(prose.fazit).toBe(
      'Insgesamt wurden 18 Notizen gesammelt und zu acht Themen zusammengefasst. Die meisten Stimmen erhielt „Ressourcen“ (8 Stimmen) unter den hemmenden Faktoren.',
    )
  })

  it('English', () => {
    const prose = buildReport(fixtureView(), 'en').prose
    expect(prose.zones.steigen).toBe(
      'Asked “Was lässt uns in der Präventionskettenarbeit steigen?”, participants named supporting factors such as “Vernetzung & Strukturen” (7 votes), “Politische Unterstützung” (4 votes) and “Erste Maßnahmen” (3 votes). Under “Vernetzung & Strukturen”, they noted, for example, “Gelungene Vernetzungs- und Strukturarbeit” and “Abbau von Doppelstrukturen durch die Präventionsketten”.',
    )
    expect(prose.zones.untenHalten).toBe(
      'Asked “Was hält uns in der Präventionskettenarbeit unten?”, participants named two hindering factors: “Ressourcen” (8 votes) and “Personal” (5 votes). Under “Ressourcen”, they noted, for example, “Fehlende finanzielle Ressourcen” and “Verschärfte Haushaltslagen in den Kommunen”.',
    )
    expect(prose.actions).toBe(
      'Two actions were agreed: “Erfolge der Präventionskette in der nächsten Ausschusssitzung vorstellen” (Koordination, by 31 March 2025) and “Beteiligungsformat für Familien und Kinder planen” (AG Beteiligung, by 30 June 2025).',
    )
    expect(prose.fazit).toBe('In all, 18 notes were collected and grouped into eight themes. The most votes went to “Ressourcen” (8 votes) among the hindering factors.')
  })
})

describe('edge cases of the draft', () => {
  it('no votes: no counts, clusters in board order', () => {
    const prose = proseOf({ zones: { steigen: clusters(3, () => 0) } })
    expect(prose.zones.steigen).toBe(
      'Auf die Frage „Was lässt uns steigen?“ wurden als förderliche Faktoren beispielsweise „Thema 1“, „Thema 2“ und „Thema 3“ genannt. Unter „Thema 1“ wurden „Notiz 1a“ und „Notiz 1b“ festgehalten.',
    )
    expect(prose.fazit).toBe('Insgesamt wurden sechs Notizen gesammelt und zu drei Themen zusammengefasst.')
  })

  it('one cluster per zone: the singular throughout', () => {
    const one = [{ cluster: 'Vernetzung', votes: 1, notes: ['Kurze Wege'] }]
    const prose = proseOf({ zones: { steigen: one, untenHalten: one, einheizen: one }, actions: [{ what: 'Bericht schreiben' }] })
    expect(prose.zones.steigen).toBe(
      'Auf die Frage „Was lässt uns steigen?“ wurde als förderlicher Faktor „Vernetzung“ (1 Stimme) genannt. Unter „Vernetzung“ wurde „Kurze Wege“ festgehalten.',
    )
    expect(prose.zones.untenHalten).toContain('wurde als hemmender Faktor „Vernetzung“ (1 Stimme) genannt.')
    expect(prose.zones.einheizen).toContain('wurde als Impuls für die weitere Arbeit „Vernetzung“ (1 Stimme) genannt.')
    expect(prose.actions).toBe('Zum Abschluss wurde eine Maßnahme vereinbart: „Bericht schreiben“.')
    expect(prose.fazit).toBe('Insgesamt wurden drei Notizen gesammelt und zu drei Themen zusammengefasst. Die meisten Stimmen erhielt „Vernetzung“ (1 Stimme) unter den förderlichen Faktoren.')
    const en = proseOf({ zones: { steigen: one }, actions: [{ what: 'Write the report', who: 'Anna' }] }, 'en')
    expect(en.zones.steigen).toBe('Asked “What lifts us up?”, participants named one supporting factor: “Vernetzung” (1 vote). Under “Vernetzung”, they noted “Kurze Wege”.')
    expect(en.actions).toBe('One action was agreed: “Write the report” (Anna).')
    expect(en.fazit).toBe('In all, one note was collected and grouped into one theme. The most votes went to “Vernetzung” (1 vote) among the supporting factors.')
  })

  it('more clusters than named: the three with the most votes, and how many there were', () => {
    const prose = proseOf({ zones: { untenHalten: clusters(5, (i) => i) } })
    expect(prose.zones.untenHalten).toMatch(
      /^Auf die Frage „Was hält uns unten\?“ wurden als hemmende Faktoren beispielsweise „Thema 5“ \(4 Stimmen\), „Thema 4“ \(3 Stimmen\) und „Thema 3“ \(2 Stimmen\) genannt\. Insgesamt kamen fünf Themen zusammen\. /,
    )
  })

  it('only notes in no cluster: the notes are named, by their votes', () => {
    const loose = (texts: string[], votes = 0) => texts.map((text, i) => ({ cluster: null, votes: votes > 0 && i === texts.length - 1 ? votes : 0, notes: [text] }))
    expect(proseOf({ zones: { einheizen: loose(['Mehr Zeit']) } }).zones.einheizen).toBe(
      'Auf die Frage „Wo müssen wir mehr einheizen?“ wurde als Impuls für die weitere Arbeit „Mehr Zeit“ genannt.',
    )
    expect(proseOf({ zones: { einheizen: loose(['Mehr Zeit', 'Mehr Geld'], 2) } }).zones.einheizen).toBe(
      'Auf die Frage „Wo müssen wir mehr einheizen?“ wurden als Impulse für die weitere Arbeit „Mehr Geld“ (2 Stimmen) und „Mehr Zeit“ genannt.',
    )
    expect(proseOf({ zones: { einheizen: loose(['a', 'b', 'c', 'd']) } }).zones.einheizen).toBe(
      'Auf die Frage „Wo müssen wir mehr einheizen?“ wurden als Impulse für die weitere Arbeit beispielsweise „a“, „b“ und „c“ genannt. Insgesamt wurden vier Notizen festgehalten.',
    )
  })

  it('notes in no cluster beside clusters: one, and several', () => {
    const zone = (n: number) => [...clusters(1), ...Array.from({ length: n }, (_, i) => ({ cluster: null, votes: 0, notes: [`Einzeln ${i + 1}`] }))]
    expect(proseOf({ zones: { steigen: zone(1) } }).zones.steigen).toMatch(/ Außerdem wurde „Einzeln 1“ genannt\.$/)
    expect(proseOf({ zones: { steigen: zone(2) } }).zones.steigen).toMatch(/ Außerdem wurden „Einzeln 1“ und „Einzeln 2“ genannt\.$/)
    expect(proseOf({ zones: { steigen: zone(5) } }).zones.steigen).toMatch(
      / Außerdem wurden fünf einzelne Notizen festgehalten, etwa „Einzeln 1“, „Einzeln 2“ und „Einzeln 3“\.$/,
    )
    expect(proseOf({ zones: { steigen: zone(5) } }, 'en').zones.steigen).toMatch(
      / They also wrote five single notes, for example “Einzeln 1”, “Einzeln 2” and “Einzeln 3”\.$/,
    )
  })

  it('an empty zone, an empty board, no actions', () => {
    const prose = proseOf({ zones: {} })
    expect(prose.zones.untenHalten).toBe('Zu der Frage „Was hält uns unten?“ wurden keine Notizen festgehalten.')
    expect(prose.actions).toBe('Es wurden keine Maßnahmen vereinbart.')
    expect(prose.fazit).toBe('Es wurden keine Notizen gesammelt.')
    const en = proseOf({ zones: {} }, 'en')
    expect(en.zones.untenHalten).toBe('No notes were recorded for the question “What holds us down?”.')
    expect(en.actions).toBe('No actions were agreed.')
  })

  it('long titles and notes are cut at a word, with "…", inside the quotation marks', () => {
    const title = `${'Sehr langer Titel eines Clusters '.repeat(4)}`.trim().slice(0, 120)
    const note = 'Wort '.repeat(200).trim()
    const prose = proseOf({ zones: { steigen: [{ cluster: title, votes: 2, notes: [note] }] } })
    const quoted = [...prose.zones.steigen.matchAll(/„([^“]*)“/g)].map((m) => m[1]!)
    expect(quoted.slice(1)).toHaveLength(3)
    for (const text of quoted.slice(1)) {
      expect(text.length).toBeLessThanOrEqual(90)
      expect(text.endsWith('…')).toBe(true)
      expect(text).not.toMatch(/\s…$/)
    }
    expect(title.startsWith(quoted[1]!.slice(0, -1))).toBe(true)
  })

  it('four actions with done, who and until; more than five are counted and the first five named', () => {
    const actions = Array.from({ length: 7 }, (_, i) => ({ what: `Schritt ${i + 1}`, who: i === 0 ? 'Koordination' : '', until: i === 1 ? '2025-05-01' : '', done: i === 2 }))
    const prose = proseOf({ zones: {}, actions })
    expect(prose.actions).toBe(
      'Zum Abschluss wurden sieben Maßnahmen vereinbart, darunter „Schritt 1“ (Koordination), „Schritt 2“ (bis zum 01.05.2025), „Schritt 3“ (bereits erledigt), „Schritt 4“ und „Schritt 5“.',
    )
  })

  it('the introduction counts the participants with the right number', () => {
    const withMembers = (n: number, locale: Locale) => {
      const { doc } = boardOf(parseBoardFile({ title: 'Treffen', topic: '', zones: {} }))
      for (let i = 0; i < n; i++) doc.getMap('members').set(`p${i}`, true)
      return buildReport(toView(doc), locale).prose.intro
    }
    expect(withMembers(1, 'de')).toContain('Teilgenommen hat eine Person.')
    expect(withMembers(12, 'de')).toContain('Teilgenommen haben zwölf Personen.')
    expect(withMembers(25, 'de')).toContain('Teilgenommen haben 25 Personen.')
    expect(withMembers(1, 'en')).toContain('One person took part.')
    expect(withMembers(3, 'en')).toContain('Three people took part.')
  })
})

describe('German list grammar', () => {
  it('joins 0, 1, 2 and n items', () => {
    expect(joinList([], 'de')).toBe('')
    expect(joinList(['A'], 'de')).toBe('A')
    expect(joinList(['A', 'B'], 'de')).toBe('A und B')
    expect(joinList(['A', 'B', 'C'], 'de')).toBe('A, B und C')
    expect(joinList(['A', 'B', 'C', 'D'], 'de')).toBe('A, B, C und D')
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C')
  })

  it('counts in words by gender up to twelve, then in digits', () => {
    expect(countWord(1, 'de', 'f')).toBe('eine')
    expect(countWord(1, 'de', 'n')).toBe('ein')
    expect(countWord(2, 'de')).toBe('zwei')
    expect(countWord(12, 'de')).toBe('zwölf')
    expect(countWord(13, 'de')).toBe('13')
  })

  it('quotes once: a text already in quotation marks keeps one pair, in the language\'s marks', () => {
    expect(quote('„Wir konnten andocken“', 'de')).toBe('„Wir konnten andocken“')
    expect(quote('"Wir konnten andocken"', 'de')).toBe('„Wir konnten andocken“')
    expect(quote('Kurze\nWege', 'en')).toBe('“Kurze Wege”')
  })

  // Every generated zone paragraph for 0 to 8 clusters, with and without loose notes, in both
  // languages: no comma before the last "und"/"and", the verb agrees with the number of items,
  // "beispielsweise" only before three or more, and every sentence ends with a full stop.
  it('holds for every count of clusters and loose notes', () => {
    for (let n = 0; n <= 8; n++) {
      for (const loose of [0, 1, 2, 4]) {
        const zone = [...clusters(n), ...Array.from({ length: loose }, (_, i) => ({ cluster: null, votes: 0, notes: [`L${i}`] }))]
        const de = proseOf({ zones: { steigen: zone } }).zones.steigen
        const en = proseOf({ zones: { steigen: zone } }, 'en').zones.steigen
        expect(de, de).not.toMatch(/, und /)
        expect(en, en).not.toMatch(/, and /)
        expect(de, de).toMatch(/\.$/)
        const items = Math.min(n === 0 ? loose : n, 3)
        if (items === 0) expect(de).toMatch(/^Zu der Frage .* wurden keine Notizen festgehalten\.$/)
        else if (items === 1) expect(de, de).toMatch(/^Auf die Frage „[^“]*“ wurde als förderlicher Faktor „[^“]*“( \(\d Stimmen?\))? genannt\./)
        else {
          const list = items === 2 ? '„[^“]*“( \\(\\d Stimmen?\\))? und „[^“]*“' : '„[^“]*“( \\(\\d Stimmen?\\))?, „[^“]*“( \\(\\d Stimmen?\\))? und „[^“]*“'
          const adverb = items >= 3 ? ' beispielsweise' : ''
          expect(de, de).toMatch(new RegExp(`^Auf die Frage „[^“]*“ wurden als förderliche Faktoren${adverb} ${list}( \\(\\d Stimmen?\\))? genannt\\.`))
        }
      }
    }
  })
})

describe('prose in the Markdown export', () => {
  it('under each zone heading, a paragraph of running text naming the zone\'s top clusters', () => {
    const md = toMarkdown(fixtureView(), 'de')
    const section = (heading: string) => md.slice(md.indexOf(`## ${heading}`)).split('\n### ')[0]!
    const paragraphs = (text: string) => text.split('\n\n').filter((p) => !p.startsWith('#') && !p.startsWith('*') && !p.startsWith('-'))
    expect(paragraphs(section('Förderliche Faktoren (Steigen)'))[0]).toMatch(/beispielsweise „Vernetzung & Strukturen“.*„Politische Unterstützung“.* und „Erste Maßnahmen“/)
    expect(paragraphs(section('Hemmende Faktoren (Unten halten)'))[0]).toMatch(/„Ressourcen“.* und „Personal“/)
    expect(paragraphs(section('Impulse / nächste Schritte (Einheizen)'))[0]).toMatch(/„Sichtbarkeit“.*„Ins Handeln kommen“.* und „Beteiligung“/)
    expect(md).toContain('## Fazit\n\nInsgesamt wurden 18 Notizen gesammelt')
  })
})
