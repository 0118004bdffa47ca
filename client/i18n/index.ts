import { useCallback } from 'react'
import { create } from 'zustand'
import { isLocale } from '../../model/zones'
import type { Locale } from '../../model/zones'
import { de } from './de'
import type { MessageKey, Messages } from './de'
import { en } from './en'

export type { MessageKey } from './de'
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

const STORAGE_KEY = 'ballonfahrt:locale'
const CATALOGUES: Readonly<Record<Locale, Messages>> = { de, en }

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : 'de'
  } catch {
    return 'de'
  }
}

export interface LocaleState {
  readonly locale: Locale
}

/** The language of the interface (not of the board's content). German unless chosen otherwise. */
export const useLocale = create<LocaleState>(() => ({ locale: storedLocale() }))

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
applyToDocument(useLocale.getState().locale)

export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered in private mode; the switch still works for this page.
  }
  applyToDocument(locale)
  useLocale.setState({ locale })
}

/** Looks a message up and fills in `{param}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = CATALOGUES[locale][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/** `t(key, params?)` in the current interface language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale)
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale])
}
