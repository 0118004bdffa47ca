import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface ConfirmDialogProps {
  readonly title: string
  /** The explanation (and any error), read out as the dialog's description. */
  readonly children: ReactNode
  readonly cancelLabel: string
  readonly confirmLabel: string
  /** Shown on the confirm button while the action runs; both buttons are disabled then. */
  readonly busyLabel: string
  readonly busy: boolean
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

/**
 * A question that holds the keyboard until it is answered (role alertdialog): the safe answer
 * has the focus first, Tab stays inside, Escape cancels.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { busy, onCancel } = props
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)

  useEffect(() => cancelButton.current?.focus(), [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      if (!busy) onCancel()
      return
    }
    if (event.key !== 'Tab' || !dialog.current) return
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) {
      event.preventDefault()
      return
    }
    if (event.shiftKey && (document.activeElement === first || !dialog.current.contains(document.activeElement))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (document.activeElement === last || !dialog.current.contains(document.activeElement))) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialog}
        className="dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div id={`${id}-text`}>{props.children}</div>
        <div className="dialog__actions">
          <button ref={cancelButton} type="button" className="button" disabled={busy} onClick={onCancel}>
            {props.cancelLabel}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={props.onConfirm}>
            {busy ? props.busyLabel : props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
