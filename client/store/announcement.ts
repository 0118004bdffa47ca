import { create } from 'zustand'

export interface AnnouncementState {
  readonly message: string
  /** Changes with every announcement, so that the same text twice is read twice. */
  readonly serial: number
}

/** The last message for screen readers; client/a11y/announce.tsx says and shows it. */
export const useAnnouncement = create<AnnouncementState>(() => ({ message: '', serial: 0 }))
