import { useAnnouncement } from '../store/announcement'

/**
 * One polite live region for the whole board: moves, votes, actions, phase changes, the timer
 * and the follow bar all speak through it, so that screen readers hear one queue of short
 * messages rather than several regions talking at once.
 */

/** Says `message` politely to screen readers. */
export function announce(message: string): void {
  useAnnouncement.setState((s) => ({ message, serial: s.serial + 1 }))
}

/** The polite live region. Rendered once on the board; it must exist before the first message. */
export function Announcer() {
  const message = useAnnouncement((s) => s.message)
  const serial = useAnnouncement((s) => s.serial)
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="announcer">
      {/* A keyed node: a repeated message is a new text node and is read again. */}
      <span key={serial}>{message}</span>
    </div>
  )
}
