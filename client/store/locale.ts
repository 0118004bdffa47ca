import { create } from 'zustand'
import { isLocale } from '../../model/zones'
import type { Locale } from '../../model/zones'
import { oneOf, persistedPreference } from './preference'

const preference = persistedPreference('ballonfahrt:locale', oneOf(isLocale, 'de'))

export interface LocaleState {
  readonly locale: Locale
}

/** The language of the interface (not of the board's content). German unless chosen otherwise. */
export const useLocale = create<LocaleState>(() => ({ locale: preference.read() }))

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
applyToDocument(useLocale.getState().locale)

export function setLocale(locale: Locale): void {
  preference.write(locale)
  applyToDocument(locale)
  useLocale.setState({ locale })
}
