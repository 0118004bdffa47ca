import { useCallback } from 'react'
import type { Locale } from '../../model/zones'
import { useLocale } from '../store/locale'
import { de } from './de'
import type { MessageKey, Messages } from './de'
import { en } from './en'
import { formatNumber, pluralCategory } from './format'

export type { MessageKey } from './de'
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

const CATALOGUES: Readonly<Record<Locale, Messages>> = { de, en }

/**
 * The message for `key`: a plural message (stored as `key.one` / `key.other`) in the form that
 * `Intl.PluralRules` picks for `params.count`, a plain one as it is.
 */
function messageOf(locale: Locale, key: MessageKey, count: unknown): string {
  const catalogue: Readonly<Record<string, string>> = CATALOGUES[locale]
  const other = catalogue[`${key}.other`]
  if (other === undefined) return catalogue[key] ?? key
  if (typeof count !== 'number') return other
  return catalogue[`${key}.${pluralCategory(count, locale)}`] ?? other
}

/** Looks a message up and fills in `{param}` placeholders; numbers are written the language's way (1.000 / 1,000). */
export function translate(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = messageOf(locale, key, params?.count)
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value, locale) : value
  })
}

/** `t(key, params?)` in the current interface language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale)
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale])
}
