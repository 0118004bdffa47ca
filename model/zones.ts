/** The three zones of the Heißluftballon method, in board order. */
export const ZONE_IDS = ['steigen', 'untenHalten', 'einheizen'] as const
export type ZoneId = (typeof ZONE_IDS)[number]

export type Locale = 'de' | 'en'
export const LOCALES: readonly Locale[] = ['de', 'en']

interface ZoneDefinition {
  readonly id: ZoneId
  readonly title: Readonly<Record<Locale, string>>
  readonly question: Readonly<Record<Locale, string>>
  /** Heading of the zone's section in a report. */
  readonly reportHeading: Readonly<Record<Locale, string>>
}

export const ZONES: Readonly<Record<ZoneId, ZoneDefinition>> = {
  steigen: {
    id: 'steigen',
    title: { de: 'Steigen', en: 'Lift' },
    question: { de: 'Was lässt uns steigen?', en: 'What lifts us up?' },
    reportHeading: { de: 'Förderliche Faktoren', en: 'Supporting factors' },
  },
  untenHalten: {
    id: 'untenHalten',
    title: { de: 'Unten halten', en: 'Holding down' },
    question: { de: 'Was hält uns unten?', en: 'What holds us down?' },
    reportHeading: { de: 'Hemmende Faktoren', en: 'Hindering factors' },
  },
  einheizen: {
    id: 'einheizen',
    title: { de: 'Einheizen', en: 'Add heat' },
    question: { de: 'Wo müssen wir mehr einheizen?', en: 'Where must we add more heat?' },
    reportHeading: { de: 'Impulse / nächste Schritte', en: 'Impulses / next steps' },
  },
}

export function isZoneId(value: unknown): value is ZoneId {
  return typeof value === 'string' && (ZONE_IDS as readonly string[]).includes(value)
}

export function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en'
}
