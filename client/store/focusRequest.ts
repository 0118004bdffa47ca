import { useEffect } from 'react'
import type { RefObject } from 'react'
import { create } from 'zustand'

/**
 * Which note or cluster should take keyboard focus after it was moved. A moved element can be
 * mounted afresh in another list; it takes focus itself once it is rendered.
 */
const useFocusRequest = create<{ readonly id: string | null }>(() => ({ id: null }))

export function requestFocus(elementId: string): void {
  useFocusRequest.setState({ id: elementId })
}

/** Focuses `ref` when `elementId` was requested. */
export function useTakeFocus(elementId: string, ref: RefObject<HTMLElement | null>): void {
  const wanted = useFocusRequest((s) => s.id === elementId)
  useEffect(() => {
    if (!wanted) return
    ref.current?.focus()
    useFocusRequest.setState({ id: null })
  }, [wanted, ref])
}
