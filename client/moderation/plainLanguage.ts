import { create } from 'zustand'

/**
 * Whether this person reads the instructions and the questions in plain language (Leichte
 * Sprache / Easy Read). A personal choice like the interface language: remembered in this
 * browser, never written into the board.
 */
const STORAGE_KEY = 'ballonfahrt:plain'

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

export const usePlainLanguage = create<{ readonly plain: boolean }>(() => ({ plain: stored() }))

export function setPlainLanguage(plain: boolean): void {
  try {
    if (plain) localStorage.setItem(STORAGE_KEY, '1')
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Not remembered in private mode; the switch still works for this page.
  }
  usePlainLanguage.setState({ plain })
}
