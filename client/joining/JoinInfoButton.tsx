import { lazy, Suspense, useRef, useState } from 'react'
import { useT } from '../i18n/index'

// The dialog and its QR generator load when first opened, so the board's first load stays small.
const JoinInfoDialog = lazy(() => import('./JoinInfoDialog').then((m) => ({ default: m.JoinInfoDialog })))

/** Opens the Teilnehmen dialog; the focus comes back to this button when it closes. */
export function JoinInfoButton({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)

  function close() {
    setOpen(false)
    // After the dialog has left the page, so the focus does not land on a removed node.
    setTimeout(() => button.current?.focus(), 0)
  }

  return (
    <>
      <button ref={button} type="button" className="button" aria-haspopup="dialog" title={t('joining.openHint')} onClick={() => setOpen(true)}>
        {t('joining.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <JoinInfoDialog boardId={boardId} onClose={close} />
        </Suspense>
      )}
    </>
  )
}
