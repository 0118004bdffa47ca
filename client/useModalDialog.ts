import { useLayoutEffect, useRef } from 'react'
import type { RefObject } from 'react'

/**
 * Shows a native `<dialog>` as a modal (`showModal()`) while the component is mounted: the
 * browser makes the page behind it inert (no focus, no clicks, hidden from screen readers, for
 * every kind of control), draws the ::backdrop and turns Escape into a `cancel` event. The
 * owner decides: `onCancel` is asked, and the dialog goes when the owner stops rendering it.
 * The focus starts on `initialFocus` (else the browser's choice, the first control).
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, onCancel: () => void, initialFocus?: RefObject<HTMLElement | null>): void {
  const cancel = useRef(onCancel)
  useLayoutEffect(() => {
    cancel.current = onCancel
  })

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    element.showModal()
    initialFocus?.current?.focus()
    const onCancelEvent = (event: Event) => {
      event.preventDefault()
      cancel.current()
    }
    // A browser closes it anyway on a second Escape without other input in between; while the
    // owner still shows it (e.g. busy deleting), it stays a modal.
    const onClose = () => {
      if (element.isConnected && !element.open) element.showModal()
    }
    // Escape belongs to the dialog: what is around it (a panel that closes on Escape) must not
    // see it as well. Not prevented: the browser's cancel comes from the key's default action.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') event.stopPropagation()
    }
    element.addEventListener('cancel', onCancelEvent)
    element.addEventListener('close', onClose)
    element.addEventListener('keydown', onKeyDown)
    return () => {
      element.removeEventListener('cancel', onCancelEvent)
      element.removeEventListener('close', onClose)
      element.removeEventListener('keydown', onKeyDown)
      if (element.open) element.close()
    }
    // Shown once per mount; the callbacks are read through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
