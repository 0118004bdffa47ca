import type { Locale } from '../../zones'

/**
 * The small grammar the report draft needs: lists joined as the language joins them, counts as
 * words, quoted user texts, and texts cut at a word. Pure functions, German and English.
 */

const AND: Readonly<Record<Locale, string>> = { de: 'und', en: 'and' }

/**
 * Joins items as running text: `A`, `A und B`, `A, B und C` (German has no comma before "und";
 * British English, as written here, none before "and" either). No items give an empty string.
 */
export function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${AND[locale]} ${items[items.length - 1]!}`
}

/** German numerals up to twelve by grammatical gender; "eine Maßnahme", "ein Thema". */
const DE_ONE = { f: 'eine', m: 'ein', n: 'ein' } as const
const DE_WORDS = ['null', '', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf']
const EN_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

export type Gender = keyof typeof DE_ONE

/** A count as the words a text uses for small numbers ("zwei", "eine"), digits from 13 on. */
export function countWord(n: number, locale: Locale, gender: Gender = 'f'): string {
  if (locale === 'de' && n === 1) return DE_ONE[gender]
  const words = locale === 'de' ? DE_WORDS : EN_WORDS
  return Number.isInteger(n) && n >= 0 && n < words.length ? words[n]! : String(n)
}

/** `n` with the singular or the plural noun: "eine Maßnahme", "zwei Maßnahmen". */
export function counted(n: number, locale: Locale, one: string, many: string, gender: Gender = 'f'): string {
  return `${countWord(n, locale, gender)} ${n === 1 ? one : many}`
}

const QUOTES: Readonly<Record<Locale, readonly [string, string]>> = { de: ['„', '“'], en: ['“', '”'] }
/** Quotation marks a text may already carry around itself: German, English, straight, guillemets. */
const WRAPPED = /^(?:„[^„“]*“|“[^“”]*”|"[^"]*"|»[^»«]*«|«[^«»]*»)$/u

/**
 * A user text for running prose in the language's quotation marks: one line, cut at `max`
 * characters (see clip), and marks the text already carries around itself replaced, not doubled.
 */
export function quote(text: string, locale: Locale, max = 90): string {
  const [open, close] = QUOTES[locale]
  const line = oneLine(text)
  const bare = WRAPPED.test(line) ? line.slice(1, -1).trim() : line
  return `${open}${clip(bare, max)}${close}`
}

/** One line: line breaks and runs of spaces as single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/**
 * A text for running prose: one line, at most `max` characters, cut at the last word boundary
 * with "…" (a note may be 1,000 characters; a paragraph names it, it does not repeat it).
 */
export function clip(text: string, max = 90): string {
  const line = oneLine(text)
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`
}

/** The text with its first letter in capitals, to start a sentence. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
