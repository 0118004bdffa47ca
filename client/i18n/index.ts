import { useCallback } from 'react'
import type { Address } from '../../model/settings'
import type { Locale } from '../../model/zones'
import { useBoard } from '../store/board'
import { useLocale } from '../store/locale'
import { catalogueOf } from './catalogues'
import type { MessageKey } from './de'
import { formatNumber, pluralCategory } from './format'

export type { MessageKey } from './de'
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

/**
 * The message for `key`: a plural message (stored as `key.one` / `key.other`) in the form that
 * `Intl.PluralRules` picks for `params.count`, a plain one as it is.
 */
function messageOf(locale: Locale, address: Address, key: MessageKey, count: unknown): string {
  const catalogue: Readonly<Record<string, string>> = catalogueOf(locale, address)
  const other = catalogue[`${key}.other`]
  if (other === undefined) return catalogue[key] ?? key
  if (typeof count !== 'number') return other
  return catalogue[`${key}.${pluralCategory(count, locale)}`] ?? other
}

/**
 * Looks a message up and fills in `{param}` placeholders; numbers are written the language's way
 * (1.000 / 1,000). German speaks formally unless `address` is "du" (the board's "Anrede").
 */
export function translate(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>, address: Address = 'sie'): string {
  const text = messageOf(locale, address, key, params?.count)
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value, locale) : value
  })
}

/**
 * `t(key, params?)` in the current interface language and the open board's address ("Sie" outside
 * a board); components re-render when either changes.
 */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale)
  const address = useBoard((s) => s.settings.address)
  return useCallback<Translate>((key, params) => translate(locale, key, params, address), [locale, address])
}
