import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { EMPTY_BOARD } from '../../model/view'
import { useLocale } from '../../client/i18n/index'
import { useBoard } from '../../client/store/board'
import { INITIAL_SESSION, useSession } from '../../client/store/session'

// jsdom has localStorage on an http: URL; keep a shim for environments without it.
if (typeof globalThis.localStorage === 'undefined') {
  const data = new Map<string, string>()
  const shim: Storage = {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  }
  Object.defineProperty(globalThis, 'localStorage', { value: shim, configurable: true })
}

function resetAll(): void {
  localStorage.clear()
  useBoard.setState(EMPTY_BOARD, true)
  useSession.setState(INITIAL_SESSION, true)
  useLocale.setState({ locale: 'de' }, true)
  document.documentElement.lang = 'de'
  window.history.replaceState(null, '', '/')
}

beforeEach(resetAll)

afterEach(() => {
  cleanup()
  resetAll()
})
