import { useRef, useState } from 'react'
import { ConfirmDialog } from '../ConfirmDialog'
import { useT } from '../i18n/index'
import { deleteThisBoard } from './moderatorAccess'

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

function ConfirmDelete({ onCancel }: { readonly onCancel: () => void }) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  async function confirm() {
    setBusy(true)
    setFailed(false)
    let deleted = false
    try {
      deleted = await deleteThisBoard()
    } catch {
      deleted = false
    }
    // The board page gives way to the page that says the board is gone.
    if (deleted) return
    setBusy(false)
    setFailed(true)
  }

  return (
    <ConfirmDialog
      title={t('delete.heading')}
      cancelLabel={t('delete.cancel')}
      confirmLabel={t('delete.confirm')}
      busyLabel={t('delete.deleting')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => void confirm()}
    >
      <p>{t('delete.text')}</p>
      {failed && (
        <p className="error" role="alert">
          {t('delete.failed')}
        </p>
      )}
    </ConfirmDialog>
  )
}
