import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'

/** How long "Link kopiert" stays on screen; the live region has said it by then. */
export const COPIED_SHOWN_MS = 4000

/**
 * Copies a link to the clipboard and says so in a live region, for a few seconds (COPIED_SHOWN_MS);
 * where there is no clipboard (or it refuses), the link is shown in a field, selected for Ctrl+C.
 */
export function useCopyLink() {
  const [announcement, setAnnouncement] = useState('')
  const [fleeting, setFleeting] = useState(false)
  const [manual, setManual] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!fleeting) return
    const timer = setTimeout(() => {
      setAnnouncement('')
      setFleeting(false)
    }, COPIED_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [fleeting, announcement])

  /** Says `message` and keeps it (and hides a link shown for copying by hand). */
  function say(message: string): void {
    setManual(null)
    setFleeting(false)
    setAnnouncement(message)
  }

  async function copy(link: string, copied: string): Promise<void> {
    setAnnouncement('')
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(link)
      say(copied)
      setFleeting(true)
    } catch {
      setManual(link)
      // Wait for the field to render, then select the link for Ctrl+C.
      queueMicrotask(() => field.current?.select())
    }
  }

  return { announcement, manual, field, copy, say }
}

interface OutputProps {
  readonly id: string
  readonly label: string
  /** The label is for screen readers only (the button next to it says what the link is). */
  readonly labelHidden?: boolean
  /** From useCopyLink(). */
  readonly manual: string | null
  readonly announcement: string
  readonly field: RefObject<HTMLInputElement | null>
}

/** The link to copy by hand, when copying failed, and the live region that says it was copied. */
export function CopyLinkOutput({ id, label, labelHidden = false, manual, announcement, field }: OutputProps) {
  return (
    <>
      {manual !== null && (
        <span className="share__manual">
          <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
            {label}
          </label>
          <input id={id} ref={field} type="text" readOnly value={manual} onFocus={(e) => e.target.select()} />
        </span>
      )}
      <span className="share__status" aria-live="polite">
        {announcement}
      </span>
    </>
  )
}
