import { useEffect, useRef } from 'react'
import type { Focus } from '../../model/focus'
import { scrollToElement } from './follow'

/**
 * Scrolls to the element showing `focus` whenever the focus moves to another note or cluster
 * (and once on arrival), while `enabled`. An edit of the focused note's text does not move the
 * page. Returns nothing: the caller says what the focus is in its own words.
 */
export function useScrollToFocus(focus: Focus | null, enabled: boolean, elementId: (focus: Focus) => string): void {
  const key = focus ? elementId(focus) : null
  const last = useRef<string | null>(null)
  useEffect(() => {
    const before = last.current
    last.current = key
    if (!enabled || key === null || key === before) return
    scrollToElement(key)
  }, [key, enabled])
}
