import type { Locator } from 'playwright-core'

/** Whether the element is wholly inside the window (the page scrolled to it). */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
  })
}

/** A board code as the Teilnehmen dialog shows it. */
export const SHOWN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/
