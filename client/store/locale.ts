import { create } from 'zustand'
import { isCatalogueReady, loadCatalogue } from '../i18n/catalogues'
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

function apply(locale: Locale): void {
  preference.write(locale)
  applyToDocument(locale)
  useLocale.setState({ locale })
}

/** The language asked for last: a slower catalogue must not switch back to an older choice. */
let wanted: Locale = useLocale.getState().locale

/**
 * Switches the interface language once its catalogue is there (at once when it is), so no
 * render shows the new language's keys in the old one's words.
 */
export function setLocale(locale: Locale): void {
  wanted = locale
  if (isCatalogueReady(locale)) return apply(locale)
  void loadCatalogue(locale).then(() => {
    if (wanted === locale) apply(locale)
  })
}
