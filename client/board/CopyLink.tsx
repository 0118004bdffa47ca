import { useRef, useState } from 'react'
import type { RefObject } from 'react'

/**
 * Copies a link to the clipboard and says so in a live region; where there is no clipboard (or
 * it refuses), the link is shown in a field, selected for Ctrl+C.
 */
export function useCopyLink() {
  const [announcement, setAnnouncement] = useState('')
  const [manual, setManual] = useState<string | null>(null)
  const field = useRef<HTMLInputElement>(null)

  /** Says `message` (and hides a link shown for copying by hand). */
  function say(message: string): void {
    setManual(null)
    setAnnouncement(message)
  }

  async function copy(link: string, copied: string): Promise<void> {
    setAnnouncement('')
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(link)
      say(copied)
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
