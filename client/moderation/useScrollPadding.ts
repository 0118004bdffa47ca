import { useEffect } from 'react'
import type { RefObject } from 'react'

/**
 * Keeps what the browser scrolls to (a focused control, a note scrolled into view) clear of the
 * bar that stays in view: the page's scroll padding follows the bar's height at the top while it
 * sticks there, at the bottom while it is fixed there, and is none while it scrolls away.
 */
export function useScrollPadding(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    const update = () => {
      const position = getComputedStyle(element).position
      const height = `${Math.ceil(element.getBoundingClientRect().height) + 8}px`
      root.scrollPaddingTop = position === 'sticky' ? height : ''
      root.scrollPaddingBottom = position === 'fixed' ? height : ''
    }
    const observer = new ResizeObserver(update)
    observer.observe(element)
    window.addEventListener('resize', update)
    update()
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', update)
      root.scrollPaddingTop = ''
      root.scrollPaddingBottom = ''
    }
  }, [bar])
}
