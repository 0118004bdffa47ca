import type { Locale } from '../zones'

/**
 * Dates, numbers and plurals for the exporters, through `Intl` (pure: no DOM, no clock). The
 * client's `client/i18n/format.ts` uses the same functions, so a date reads the same on the
 * report page and in a downloaded file.
 */

/** The regional variant each language is written in: German dates as 29.01.2025, British English. */
export const LOCALE_TAG: Readonly<Record<Locale, string>> = { de: 'de-DE', en: 'en-GB' }

const DAY_FORMAT: Readonly<Record<Locale, Intl.DateTimeFormatOptions>> = {
  de: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'long', year: 'numeric' },
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>()
const numberFormats = new Map<Locale, Intl.NumberFormat>()
const pluralRules = new Map<Locale, Intl.PluralRules>()

function cached<T>(cache: Map<Locale, T>, locale: Locale, make: () => T): T {
  let value = cache.get(locale)
  if (value === undefined) {
    value = make()
    cache.set(locale, value)
  }
  return value
}

/**
 * A calendar day `2025-01-29` as `29.01.2025` (de) or `29 January 2025` (en); anything else stays
 * as it is. Formatted in UTC, because the string names a day, not an instant: read in the local
 * zone, midnight UTC would be the day before west of Greenwich.
 */
export function formatDay(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  // 2025-02-30 is no day: Date would roll it over into March.
  if (date.getUTCDate() !== Number(match[3])) return iso
  const format = cached(dayFormats, locale, () => new Intl.DateTimeFormat(LOCALE_TAG[locale], { ...DAY_FORMAT[locale], timeZone: 'UTC' }))
  return format.format(date)
}

/**
 * Answers of `Intl` for the small whole numbers a board shows hundreds of times (votes, counts):
 * a board of 500 notes spent 45 ms of its first paint in `Intl` calls. Still Intl's answers,
 * asked once per locale and number.
 */
const SMALL = 1000
const smallNumbers = new Map<Locale, string[]>()
const smallPlurals = new Map<Locale, Intl.LDMLPluralRule[]>()

function isSmall(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < SMALL
}

/** 1000 as `1.000` (de) or `1,000` (en). */
export function formatNumber(n: number, locale: Locale): string {
  const format = cached(numberFormats, locale, () => new Intl.NumberFormat(LOCALE_TAG[locale]))
  if (!isSmall(n)) return format.format(n)
  const known = cached(smallNumbers, locale, () => [])
  return (known[n] ??= format.format(n))
}

/** The plural category of `n` in `locale` (`one`, `other`, …), as `Intl.PluralRules` says. */
export function pluralCategory(n: number, locale: Locale): Intl.LDMLPluralRule {
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(LOCALE_TAG[locale]))
  if (!isSmall(n)) return rules.select(n)
  const known = cached(smallPlurals, locale, () => [])
  return (known[n] ??= rules.select(n))
}

/** One message per plural category; `zero` is the explicit "no …" wording, used for 0 in any language. */
export interface PluralMessages {
  readonly zero?: string
  readonly one: string
  readonly other: string
}

/** Picks the message for `n` and puts the formatted number in for `{count}`. */
export function plural(n: number, locale: Locale, messages: PluralMessages): string {
  const category = pluralCategory(n, locale)
  const message = n === 0 && messages.zero !== undefined ? messages.zero : category === 'one' ? messages.one : messages.other
  return message.replace('{count}', formatNumber(n, locale))
}
