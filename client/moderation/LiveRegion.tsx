import { useEffect } from 'react'
import { clearAnnouncement, useAnnouncer } from './announcer'

/** The board's one polite live region (phase changes, timer, what the moderator shows). */
export function LiveRegion() {
  const message = useAnnouncer((s) => s.message)
  useEffect(() => clearAnnouncement, [])
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </div>
  )
}
