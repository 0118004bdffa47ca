import { describe, expect, it } from 'vitest'
import type { EventReport } from '../../../model/export/event/eventReport'
import { draftEventProse } from '../../../model/export/event/prose'

type Content = Omit<EventReport, 'prose'>
const item = (title: string, votes = 0) => ({ title, votes, notes: 1 })

/** A Fachtag with two forums: Gesundheitsförderung ran both rounds, Kinderrechte the second only. */
function fachtag(overrides: Partial<Content> = {}): Content {
  const round = (forum: string, n: number, items: ReturnType<typeof item>[]) => ({ round: n, label: `${forum} – Runde ${n}`, items })
  return {
    locale: 'de',
    title: 'Jahresfachtag Präventionsketten Hessen',
    date: '12.05.2026',
    place: 'Frankfurt am Main',
    forumCount: 2,
    roundCount: 2,
    participantCount: 23,
    institutions: ['Landkreis Fulda', 'Stadt Kassel'],
    zones: [
      {
        zone: 'steigen',
        heading: 'Förderliche Faktoren (Steigen)',
        forums: [
          { forum: 'Gesundheitsförderung', rounds: [round('Gesundheitsförderung', 1, [item('Bewegung im Quartier', 4), item('Gesunde Kita')]), round('Gesundheitsförderung', 2, [item('bewegung im  Quartier'), item('Sportvereine')])] },
          { forum: 'Kinderrechte', rounds: [round('Kinderrechte', 2, [item('Kinderparlament')])] },
        ],
      },
      { zone: 'untenHalten', heading: 'Hemmende Faktoren (Unten halten)', forums: [{ forum: 'Gesundheitsförderung', rounds: [round('Gesundheitsförderung', 1, [])] }, { forum: 'Kinderrechte', rounds: [] }] },
      { zone: 'einheizen', heading: 'Impulse (Einheizen)', forums: [{ forum: 'Kinderrechte', rounds: [round('Kinderrechte', 2, [item('Beteiligung von Anfang an')])] }] },
    ],
    actions: [
      { what: 'Bewegungsangebote bündeln', who: 'Netzwerk', until: '', link: '', done: false, forum: 'Gesundheitsförderung', round: 1, label: 'Gesundheitsförderung – Runde 1' },
      { what: '  ', who: '', until: '', link: '', done: false, forum: 'Kinderrechte', round: 2, label: 'Kinderrechte – Runde 2' },
    ],
    ...overrides,
  }
}

describe('the combined report’s prose draft', () => {
  it('introduces the day: date, place, title, forums and rounds, people and institutions', () => {
    expect(draftEventProse(fachtag()).intro).toBe(
      'Am 12.05.2026 fand in Frankfurt am Main die Veranstaltung „Jahresfachtag Präventionsketten Hessen“ statt, mit zwei Foren in je zwei Runden. Beteiligt waren 23 Personen aus Landkreis Fulda und Stadt Kassel.',
    )
  })

  it('names some institutions of many, and counts them', () => {
    const institutions = ['A-Stadt', 'B-Dorf', 'C-Kreis', 'D-Amt', 'E-Verein', 'F-Netz', 'G-Land', 'H-Stift']
    expect(draftEventProse(fachtag({ institutions, participantCount: 0, place: '', roundCount: 1, forumCount: 1 })).intro).toBe(
      'Am 12.05.2026 fand die Veranstaltung „Jahresfachtag Präventionsketten Hessen“ statt, mit einem Forum. Beteiligt waren 8 Institutionen, darunter A-Stadt, B-Dorf, C-Kreis, D-Amt, E-Verein und F-Netz.',
    )
  })

  it('says per zone what each forum named, both rounds together and each title once; a zone no forum filled says so', () => {
    const prose = draftEventProse(fachtag())
    expect(prose.zones.steigen).toBe(
      'Im Forum „Gesundheitsförderung“ wurden als förderliche Faktoren „Bewegung im Quartier“, „Gesunde Kita“ und „Sportvereine“ genannt. Im Forum „Kinderrechte“ wurde als förderlicher Faktor „Kinderparlament“ genannt.',
    )
    expect(prose.zones.untenHalten).toBe('Als hemmende Faktoren wurde in keinem Forum etwas festgehalten.')
    expect(prose.zones.einheizen).toBe('Im Forum „Kinderrechte“ wurde als Impuls für die weitere Arbeit „Beteiligung von Anfang an“ genannt.')
  })

  it('names the actions with their forum round, leaving out empty ones', () => {
    expect(draftEventProse(fachtag()).actions).toBe('Vereinbart wurde eine Maßnahme: „Bewegungsangebote bündeln“ (Gesundheitsförderung – Runde 1).')
    expect(draftEventProse(fachtag({ actions: [] })).actions).toBe('Maßnahmen wurden in den Foren nicht vereinbart.')
    const many = Array.from({ length: 7 }, (_, i) => ({ ...fachtag().actions[0]!, what: `Maßnahme ${i + 1}` }))
    expect(draftEventProse(fachtag({ actions: many })).actions).toMatch(/^Vereinbart wurden sieben Maßnahmen, darunter „Maßnahme 1“ .* und „Maßnahme 5“ \(Gesundheitsförderung – Runde 1\)\.$/)
  })

  it('speaks English for an English event', () => {
    const prose = draftEventProse(fachtag({ locale: 'en', date: '12/05/2026' }))
    expect(prose.intro).toBe(
      'On 12/05/2026, the event “Jahresfachtag Präventionsketten Hessen” took place in Frankfurt am Main, with two forums, each in two rounds. 23 people took part, from Landkreis Fulda and Stadt Kassel.',
    )
    expect(prose.zones.steigen).toContain('In the forum “Kinderrechte”, “Kinderparlament” was named as a supporting factor.')
    expect(prose.zones.steigen).toContain('“Bewegung im Quartier”, “Gesunde Kita” and “Sportvereine” were named as supporting factors.')
    expect(prose.zones.einheizen).toBe('In the forum “Kinderrechte”, “Beteiligung von Anfang an” was named as an impulse for the work ahead.')
    expect(prose.actions).toBe('One action was agreed: “Bewegungsangebote bündeln” (Gesundheitsförderung – Runde 1).')
  })
})
