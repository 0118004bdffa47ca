import { create } from 'zustand'

interface AnnounceState {
  readonly message: string
  /** Changes with every announcement, so that the same text twice is read twice. */
  readonly serial: number
}

const useAnnouncement = create<AnnounceState>(() => ({ message: '', serial: 0 }))

/** Says `message` politely to screen readers (moves, votes, actions). */
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
