import { useId, useRef, useState } from 'react'
import { useT } from '../i18n/index'

/** Copies the participant link (never the moderator's) to the clipboard, or shows it to copy by hand. */
export function ShareLink({ boardId }: { readonly boardId: string }) {
  const t = useT()
  const id = useId()
  const link = `${window.location.origin}/b/${boardId}`
  const [announcement, setAnnouncement] = useState('')
  const [manual, setManual] = useState(false)
  const field = useRef<HTMLInputElement>(null)

  async function share() {
    setAnnouncement('')
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(link)
      setManual(false)
      setAnnouncement(t('share.copied'))
    } catch {
      setManual(true)
      // Wait for the field to render, then select the link for Ctrl+C.
      queueMicrotask(() => field.current?.select())
    }
  }

  return (
    <div className="share">
      <button type="button" className="button" onClick={() => void share()}>
        {t('share.button')}
      </button>
      {manual && (
        <span className="share__manual">
          <label htmlFor={id} className="visually-hidden">
            {t('share.manual')}
          </label>
          <input id={id} ref={field} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </span>
      )}
      <span className="share__status" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}
