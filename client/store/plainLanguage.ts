import { create } from 'zustand'
import { flag, persistedPreference } from './preference'

/**
 * Whether this person reads the instructions and the questions in plain language (Leichte
 * Sprache / Easy Read). A personal choice like the interface language: remembered in this
 * browser, never written into the board.
 */
const preference = persistedPreference('ballonfahrt:plain', flag())

export const usePlainLanguage = create<{ readonly plain: boolean }>(() => ({ plain: preference.read() }))

export function setPlainLanguage(plain: boolean): void {
  preference.write(plain)
  usePlainLanguage.setState({ plain })
}
