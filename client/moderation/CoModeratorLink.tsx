import { useId, useRef, useState } from 'react'
import { useT } from '../i18n/index'
import { coModeratorLink } from './moderatorAccess'

/** Copies the moderator link for a co-moderator, or shows it to copy by hand (like ShareLink). */
export function CoModeratorLink() {
  const t = useT()
  const id = useId()
  const [announcement, setAnnouncement] = useState('')
  const [manual, setManual] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)

  async function share() {
    setAnnouncement('')
    const link = coModeratorLink()
    if (!link) {
      setManual(null)
      setAnnouncement(t('settings.coModeratorMissing'))
      return
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(link)
      setManual(null)
      setAnnouncement(t('settings.coModeratorCopied'))
    } catch {
      setManual(link)
      queueMicrotask(() => field.current?.select())
    }
  }

  return (
    <div className="settings__field share">
      <button type="button" className="button" aria-describedby={`${id}-hint`} onClick={() => void share()}>
        {t('settings.coModerator')}
      </button>
      <span id={`${id}-hint`} className="hint">
        {t('settings.coModeratorHint')}
      </span>
      {manual !== null && (
        <span className="share__manual">
          <label htmlFor={id}>{t('settings.coModeratorManual')}</label>
          <input id={id} ref={field} type="text" readOnly value={manual} onFocus={(e) => e.target.select()} />
        </span>
      )}
      <span className="share__status" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}
