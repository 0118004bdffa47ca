import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/index'
import { useSession } from '../store/session'
import { leaveForGood } from './leave'

/**
 * "Board verlassen": this browser forgets the board (its copy, identity and name). Asks first
 * when something is not saved yet, or when the moderator rights would be lost with it.
 */
export function LeaveBoard({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)

  async function leave() {
    setBusy(true)
    await leaveForGood(boardId)
  }

  function start() {
    const { save, role } = useSession.getState()
    if (save !== 'saved' || role === 'moderator') setAsking(true)
    else void leave()
  }

  function cancel() {
    setAsking(false)
    opener.current?.focus()
  }

  return (
    <>
      <button ref={opener} type="button" className="button button--quiet" aria-haspopup="dialog" disabled={busy && !asking} onClick={start}>
        {t('leave.button')}
      </button>
      {asking && <ConfirmLeave busy={busy} onCancel={cancel} onConfirm={() => void leave()} />}
    </>
  )
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])'

interface ConfirmProps {
  readonly busy: boolean
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

function ConfirmLeave({ busy, onCancel, onConfirm }: ConfirmProps) {
  const t = useT()
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const unsaved = useSession((s) => s.save !== 'saved')
  const moderator = useSession((s) => s.role === 'moderator')

  // The safe answer has the focus first.
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
        <h2 id={`${id}-title`}>{t('leave.heading')}</h2>
        <div id={`${id}-text`}>
          <p>{t('leave.text')}</p>
          {unsaved && <p className="error">{t('leave.unsaved')}</p>}
          {moderator && <p>{t('leave.moderator')}</p>}
        </div>
        <div className="dialog__actions">
          <button ref={cancelButton} type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('leave.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
            {busy ? t('leave.leaving') : t('leave.confirm')}
          </button>
        </div>
      </div>
    </div>
  )
}
