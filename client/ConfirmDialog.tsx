import { useId, useRef } from 'react'
import type { ReactNode } from 'react'
import { useModalDialog } from './useModalDialog'

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
 * A question that holds the page until it is answered: a native modal `<dialog>` with role
 * alertdialog. The safe answer has the focus first, the page behind is inert, Escape cancels
 * (not while the action runs).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { busy, onCancel } = props
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  useModalDialog(
    dialog,
    () => {
      if (!busy) onCancel()
    },
    cancelButton,
  )

  return (
    <dialog ref={dialog} className="dialog card" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
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
    </dialog>
  )
}
