import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/index'
import { navigate } from '../router'
import { deleteBoard } from '../store/moderation'

/** "Board löschen" with a confirmation that holds the keyboard until answered. */
export function DeleteBoard() {
  const t = useT()
  const [asking, setAsking] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)

  function cancel() {
    setAsking(false)
    opener.current?.focus()
  }

  return (
    <div className="settings__field">
      <button ref={opener} type="button" className="button button--danger" aria-haspopup="dialog" onClick={() => setAsking(true)}>
        {t('settings.delete')}
      </button>
      {asking && <ConfirmDelete onCancel={cancel} />}
    </div>
  )
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])'

function ConfirmDelete({ onCancel }: { readonly onCancel: () => void }) {
  const t = useT()
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  // The safe answer has the focus first.
  useEffect(() => cancelButton.current?.focus(), [])

  async function confirm() {
    setBusy(true)
    setFailed(false)
    let deleted = false
    try {
      deleted = await deleteBoard()
    } catch {
      deleted = false
    }
    if (deleted) {
      navigate('/')
      return
    }
    setBusy(false)
    setFailed(true)
  }

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
        <h2 id={`${id}-title`}>{t('delete.heading')}</h2>
        <p id={`${id}-text`}>{t('delete.text')}</p>
        {failed && (
          <p className="error" role="alert">
            {t('delete.failed')}
          </p>
        )}
        <div className="dialog__actions">
          <button ref={cancelButton} type="button" className="button" disabled={busy} onClick={onCancel}>
            {t('delete.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
            {busy ? t('delete.deleting') : t('delete.confirm')}
          </button>
        </div>
      </div>
    </div>
  )
}
