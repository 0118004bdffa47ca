import { useRef, useState } from 'react'
import { ConfirmDialog } from '../ConfirmDialog'
import { useT } from '../i18n/index'
import { useIsModerator } from '../store/permissions'
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

interface ConfirmProps {
  readonly busy: boolean
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

function ConfirmLeave({ busy, onCancel, onConfirm }: ConfirmProps) {
  const t = useT()
  const unsaved = useSession((s) => s.save !== 'saved')
  const moderator = useIsModerator()
  return (
    <ConfirmDialog
      title={t('leave.heading')}
      cancelLabel={t('leave.cancel')}
      confirmLabel={t('leave.confirm')}
      busyLabel={t('leave.leaving')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>{t('leave.text')}</p>
      {unsaved && <p className="error">{t('leave.unsaved')}</p>}
      {moderator && <p>{t('leave.moderator')}</p>}
    </ConfirmDialog>
  )
}
