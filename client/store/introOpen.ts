import { create } from 'zustand'

/**
 * Whether the introduction is open on this page. It opens by itself on the first visit on a
 * screen wide enough to keep the zones in view below it (`Intro` decides on mount: `null` until
 * then); afterwards the header's "Einführung" button opens it again.
 */
export const useIntroOpen = create<{ readonly open: boolean | null }>(() => ({ open: null }))

export const setIntroOpen = (open: boolean): void => useIntroOpen.setState({ open })
export const resetIntroOpen = (): void => useIntroOpen.setState({ open: null })
