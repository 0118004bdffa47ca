import { create } from 'zustand'
import { flag, persistedPreference } from './preference'

const preference = persistedPreference('ballonfahrt:timer-muted', flag())

/** Whether the end-of-countdown chime is off; remembered in this browser. */
export const useSound = create<{ readonly muted: boolean }>(() => ({ muted: preference.read() }))

export function setMuted(muted: boolean): void {
  preference.write(muted)
  useSound.setState({ muted })
}
