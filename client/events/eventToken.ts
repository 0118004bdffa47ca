/**
 * The token the overview is opened with: the organiser's (`#o=`) or a forum host's moderator
 * token (`#m=`). Taken out of the address at once (it must not stay on a shared screen) and
 * kept for this tab only.
 */
export function takeEventToken(eventId: string): string | null {
  const key = `ballonfahrt:event:${eventId}`
  const match = /^#[om]=([A-Za-z0-9_-]{22,64})$/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(key, match[1])
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem(key)
}
