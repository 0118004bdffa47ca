/** Whether this browser has seen (or skipped) the introduction; remembered for every board. */
const KEY = 'ballonfahrt:intro'

export function introSeen(): boolean {
  try {
    return localStorage.getItem(KEY) === 'done'
  } catch {
    // Without storage it shows once per page load; it never blocks anything.
    return false
  }
}

export function markIntroSeen(): void {
  try {
    localStorage.setItem(KEY, 'done')
  } catch {
    // Private mode: not remembered, nothing else to do.
  }
}
