import { flag, persistedPreference } from '../store/preference'

/**
 * Whether this browser has seen (or skipped) the introduction; remembered for every board.
 * Without storage it shows once per page load; it never blocks anything.
 */
const seen = persistedPreference('ballonfahrt:intro', flag('done'))

export const introSeen = (): boolean => seen.read()
export const markIntroSeen = (): void => seen.write(true)
