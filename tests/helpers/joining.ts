import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { axeViolations } from './e2e'

/** Fails with every axe-core violation (rule and targets) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${where}`).toEqual([])
}

/** Runs axe in the light theme as it is, then in dark and high contrast (what the system asks for), and back. */
export async function expectNoAxeViolationsInThemes(page: Page, where: string): Promise<void> {
  await expectNoAxeViolations(page, `${where} (light)`)
  for (const [media, theme] of [
    [{ colorScheme: 'dark' }, 'dark'],
    [{ colorScheme: 'light', contrast: 'more' }, 'contrast'],
  ] as const) {
    await page.emulateMedia(media)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme)
    await expectNoAxeViolations(page, `${where} (${theme})`)
  }
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' })
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
}

/** Whether the element is wholly inside the window (the page scrolled to it). */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0
  })
}

/** A board code as the Teilnehmen dialog shows it. */
export const SHOWN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/
