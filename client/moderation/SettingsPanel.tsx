import { Suspense, lazy, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/index'

const SettingsContent = lazy(() => import('./SettingsContent').then((m) => ({ default: m.SettingsContent })))

/** "Einstellungen": a disclosure with the moderator's settings, texts, access and deletion. */
export function SettingsPanel() {
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
    <div className="settings">
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⚙ </span>
        {t('settings.button')}
      </button>
      <div id={panelId} className="settings__panel card" hidden={!open} aria-labelledby={headingId} role="group" onKeyDown={onKeyDown}>
        {open && (
          <Suspense fallback={<p role="status">{t('settings.loading')}</p>}>
            <SettingsContent headingId={headingId} onClose={close} />
          </Suspense>
        )}
      </div>
    </div>
  )
}

