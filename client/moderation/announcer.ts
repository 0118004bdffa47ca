import { create } from 'zustand'

interface AnnouncerState {
  readonly message: string
}

/** One polite message at a time for the whole board page; a new one replaces the last. */
export const useAnnouncer = create<AnnouncerState>(() => ({ message: '' }))

/**
 * Says `text` to screen readers. The same text twice in a row differs by a trailing
 * no-break space, so that the live region changes and is read again.
 */
export function announce(text: string): void {
  const last = useAnnouncer.getState().message
  useAnnouncer.setState({ message: last === text ? `${text}\u00a0` : text })
}

export function clearAnnouncement(): void {
  useAnnouncer.setState({ message: '' })
}
