import { Suspense, lazy, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/index'
import './trash.css'

const TrashContent = lazy(() => import('./TrashContent').then((m) => ({ default: m.TrashContent })))

/** "Papierkorb" (moderators): a disclosure with what was deleted, loaded when first opened. */
export function TrashPanel() {
  const t = useT()
  const panelId = useId()
  const headingId = useId()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)

  function close() {
    setOpen(false)
    button.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault()
      close()
    }
  }

  return (
    <div className="trash">
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">🗑 </span>
        {t('trash.button')}
      </button>
      <div id={panelId} className="trash__panel card" hidden={!open} aria-labelledby={headingId} role="group" onKeyDown={onKeyDown}>
        {open && (
          <Suspense fallback={<p role="status">{t('trash.loading')}</p>}>
            <TrashContent headingId={headingId} onClose={close} />
          </Suspense>
        )}
      </div>
    </div>
  )
}
