import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { useAnnouncement } from '../../client/store/announcement'
import { useBoard } from '../../client/store/board'
import { useLocale } from '../../client/store/locale'
import { usePlainLanguage } from '../../client/store/plainLanguage'
import { usePrivate } from '../../client/store/private'
import { INITIAL_SESSION, useSession } from '../../client/store/session'
import { useSound } from '../../client/store/sound'
import { EMPTY_PRIVATE } from '../../model/privateView'
import { EMPTY_BOARD } from '../../model/view'
import { stopLocalBoards } from './board'
import { resetIntroOpen } from '../../client/store/introOpen'
import { resetZoneView } from '../../client/store/zoneView'

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

// jsdom has the <dialog> element but not its modal behaviour. A stand-in for what the app uses
// (client/useModalDialog.ts): showModal/close with the `open` attribute and the `close` event,
// and Escape firing a cancelable `cancel` at the top dialog. The real behaviour (inert page,
// focus kept in, ::backdrop) is tested in Chromium (tests/e2e/dialogs.test.ts).
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.hasAttribute('open')) throw new DOMException('The dialog is already open.', 'InvalidStateError')
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
  // After the key event's dispatch, as its default action (whoever handled the key saw it first).
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return
      const top = [...document.querySelectorAll('dialog[open]')].at(-1) as HTMLDialogElement | undefined
      if (!top) return
      setTimeout(() => {
        if (!event.defaultPrevented && top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close()
      })
    },
    true,
  )
}

function resetAll(): void {
  localStorage.clear()
  useBoard.setState(EMPTY_BOARD, true)
  useSession.setState(INITIAL_SESSION, true)
  useLocale.setState({ locale: 'de' }, true)
  usePrivate.setState(EMPTY_PRIVATE, true)
  useAnnouncement.setState({ message: '', serial: 0 }, true)
  usePlainLanguage.setState({ plain: false }, true)
  useSound.setState({ muted: false }, true)
  resetZoneView()
  resetIntroOpen()
  document.documentElement.lang = 'de'
  window.history.replaceState(null, '', '/')
}

beforeEach(resetAll)

afterEach(() => {
  // As a test's own afterEach did: the boards stop first, then the page unmounts.
  stopLocalBoards()
  cleanup()
  resetAll()
})
