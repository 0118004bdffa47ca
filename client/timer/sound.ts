import { create } from 'zustand'

const KEY = 'ballonfahrt:timer-muted'

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

interface SoundState {
  readonly muted: boolean
}

/** Whether the end-of-countdown chime is off; remembered in this browser. */
export const useSound = create<SoundState>(() => ({ muted: stored() }))

export function setMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(KEY, '1')
    else localStorage.removeItem(KEY)
  } catch {
    // Not remembered in private mode; still muted for this page.
  }
  useSound.setState({ muted })
}

/** Reads the remembered choice again (a fresh page, or a test). */
export function reloadSoundPreference(): void {
  useSound.setState({ muted: stored() })
}
