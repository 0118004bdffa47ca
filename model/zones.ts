/** The three zones of the Heißluftballon method, in board order. */
export const ZONE_IDS = ['steigen', 'untenHalten', 'einheizen'] as const
export type ZoneId = (typeof ZONE_IDS)[number]

export type Locale = 'de' | 'en'
export const LOCALES: readonly Locale[] = ['de', 'en']

interface ZoneDefinition {
  readonly id: ZoneId
  readonly title: Readonly<Record<Locale, string>>
  readonly question: Readonly<Record<Locale, string>>
  /**
   * The default question in plain language (Leichte Sprache / Easy Read): short sentences, one
   * statement each, common words, no abbreviations; `\n` between sentences, each shown on its own line.
   */
  readonly plainQuestion: Readonly<Record<Locale, string>>
  /** Heading of the zone's section in a report. */
  readonly reportHeading: Readonly<Record<Locale, string>>
}

export const ZONES: Readonly<Record<ZoneId, ZoneDefinition>> = {
  steigen: {
    id: 'steigen',
    title: { de: 'Steigen', en: 'Lift' },
    question: { de: 'Was lässt uns steigen?', en: 'What lifts us up?' },
    plainQuestion: { de: 'Was hilft uns bei der Arbeit?\nWas läuft gut?', en: 'What helps us in our work?\nWhat goes well?' },
    reportHeading: { de: 'Förderliche Faktoren', en: 'Supporting factors' },
  },
  untenHalten: {
    id: 'untenHalten',
    title: { de: 'Unten halten', en: 'Holding down' },
    question: { de: 'Was hält uns unten?', en: 'What holds us down?' },
    plainQuestion: { de: 'Was stört uns bei der Arbeit?\nWas macht die Arbeit schwer?', en: 'What gets in our way?\nWhat makes our work hard?' },
    reportHeading: { de: 'Hemmende Faktoren', en: 'Hindering factors' },
  },
  einheizen: {
    id: 'einheizen',
    title: { de: 'Einheizen', en: 'Add heat' },
    question: { de: 'Wo müssen wir mehr einheizen?', en: 'Where must we add more heat?' },
    plainQuestion: {
      de: 'Was wollen wir besser machen?\nWo müssen wir uns mehr anstrengen?',
      en: 'What do we want to do better?\nWhere do we need to try harder?',
    },
    reportHeading: { de: 'Impulse / nächste Schritte', en: 'Impulses / next steps' },
  },
}

export function isZoneId(value: unknown): value is ZoneId {
  return typeof value === 'string' && (ZONE_IDS as readonly string[]).includes(value)
}

export function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en'
}
