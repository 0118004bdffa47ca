/**
 * Event codes as the start page's code box meets them. Apart from ./api.ts, because the start page
 * is the first screen: a module shared with the lazy event pages would be loaded whole with it.
 */

/** Whether a typed code is an event's (the start page's code box tries it after the board codes). */
export async function isEventCode(typed: string): Promise<boolean> {
  const code = normaliseEventCode(typed)
  if (code === null) return false
  try {
    return (await fetch(`/api/event-codes/${encodeURIComponent(code)}`)).ok
  } catch {
    return false
  }
}

/** A typed code as the event page's address holds it (ABCD-EFGH), or null when it cannot be one. */
export function normaliseEventCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]+/g, '')
  return /^[A-Z0-9]{8}$/.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4)}` : null
}
