import { useLayoutEffect } from 'react'
import type { RefObject } from 'react'

/** How much of a bar stays in view, per CSS custom property (0: that part scrolls with the page). */
export type PinnedHeights = (height: number, position: string) => Readonly<Record<string, number>>

/**
 * Publishes the height of a bar that stays in view as custom properties on the page's root
 * (`--bar-top`, `--bar-bottom`, `--votes-left`, `--selection-bar`): the scroll padding keeps what the browser
 * scrolls to clear of the bars, the page leaves room below its last content, and a bar pinned
 * at the bottom stacks on the one below it (styles.css, board.css). Measured again at once when
 * `content` changes (before the next key press can move the focus under a bar that has just
 * appeared), and whenever the bar's size changes.
 */
export function usePinnedHeight(bar: RefObject<HTMLElement | null>, heights: PinnedHeights, content: unknown = null): void {
  useLayoutEffect(() => {
    const element = bar.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    let names: string[] = []
    const update = () => {
      const height = Math.ceil(element.getBoundingClientRect().height)
      const values = heights(height, getComputedStyle(element).position)
      names = Object.keys(values)
      for (const name of names) {
        const value = values[name] ?? 0
        if (value > 0) root.setProperty(name, `${value}px`)
        else root.removeProperty(name)
      }
    }
    const observer = new ResizeObserver(update)
    observer.observe(element)
    window.addEventListener('resize', update)
    update()
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', update)
      for (const name of names) root.removeProperty(name)
    }
  }, [bar, heights, content])
}
