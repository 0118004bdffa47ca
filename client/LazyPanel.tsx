import { Suspense, useId, useRef, useState } from 'react'
import type { ComponentType, KeyboardEvent } from 'react'

/** What a panel's contents get: the id for their heading, and how to close the panel. */
export interface PanelContentProps {
  readonly headingId: string
  readonly onClose: () => void
}

interface Props {
  /** The block's class; the panel is `<name>__panel`. */
  readonly name: string
  /** A symbol before the label, from the common text fonts (an emoji may show as an empty box). */
  readonly icon?: string
  readonly label: string
  readonly loading: string
  /** A lazy component: its code loads when the panel is first opened. */
  readonly Content: ComponentType<PanelContentProps>
}

/**
 * A button that opens a panel below it (a disclosure), whose contents load on first opening.
 * Escape inside the panel, or the contents' own close, closes it and returns to the button.
 */
export function LazyPanel({ name, icon, label, loading, Content }: Props) {
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
    <div className={name}>
      <button ref={button} type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {icon && <span aria-hidden="true">{icon} </span>}
        {label}
      </button>
      <div id={panelId} className={`${name}__panel lazy-panel card`} hidden={!open} aria-labelledby={headingId} role="group" onKeyDown={onKeyDown}>
        {open && (
          <Suspense fallback={<p role="status">{loading}</p>}>
            <Content headingId={headingId} onClose={close} />
          </Suspense>
        )}
      </div>
    </div>
  )
}
