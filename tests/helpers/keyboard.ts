import type { Page } from 'playwright-core'
import { focusState } from './e2e'
import type { FocusState } from './e2e'

/**
 * The focused element's accessible name, roughly as a screen reader computes it:
 * aria-labelledby, aria-label, a <label>, the text, title. Enough to steer by name.
 */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return ''
    const byIds = el.getAttribute('aria-labelledby')
    if (byIds)
      return byIds
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim()
    const aria = el.getAttribute('aria-label')
    if (aria) return aria.trim()
    const labels = (el as HTMLInputElement).labels
    if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim()
    // Its text without what is hidden from screen readers (a phase's step number, icons).
    const copy = el.cloneNode(true) as HTMLElement
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    return text || (el.getAttribute('title') ?? '')
  })
}

/** The focused element's role (explicit, or the implicit one of its tag). */
export function focusedRole(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const role = el.getAttribute('role')
    if (role) return role
    const tag = el.tagName.toLowerCase()
    if (tag === 'textarea' || (tag === 'input' && ['text', 'search', ''].includes((el as HTMLInputElement).type))) return 'textbox'
    if (tag === 'input') return (el as HTMLInputElement).type
    if (tag === 'a') return 'link'
    if (tag === 'select') return 'combobox'
    if (tag === 'li') return 'listitem'
    return tag
  })
}

function matches(name: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? name === want : want.test(name)
}

/** Tab stops whose focus was checked so far (printed by the tests that use tabTo). */
export const tabStats = { presses: 0, stops: 0 }

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, checking on the way
 * that every stop shows its focus. Returns the number of presses.
 */
export async function tabTo(page: Page, want: string | RegExp, options: { readonly back?: boolean; readonly max?: number; readonly role?: string } = {}): Promise<number> {
  const key = options.back ? 'Shift+Tab' : 'Tab'
  const max = options.max ?? 80
  const seen: string[] = []
  for (let i = 0; i <= max; i++) {
    const name = await focusedName(page)
    if (i > 0) {
      const state = await focusState(page)
      tabStats.stops++
      // Inside a date field, Tab also visits the browser's own parts (segments, the calendar
      // button) in a closed shadow root; they draw their own focus, out of the page's reach.
      const insideDateField = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'date')
      if (state.tag !== 'body' && !state.visible && !insideDateField)
        throw new Error(`Tab stop "${name}" (${state.tag}) shows no focus: outline ${state.outline}, box-shadow ${state.boxShadow}, hidden at ${state.hiddenAt.join('; ') || 'no point'}`)
      if (matches(name, want) && (!options.role || (await focusedRole(page)) === options.role)) return i
      seen.push(name)
    }
    await page.keyboard.press(key)
    tabStats.presses++
  }
  throw new Error(`no focus on ${String(want)} after ${max} × ${key}; passed: ${seen.slice(-25).join(' | ')}`)
}

/**
 * Fails unless the focused element matches `want` and its focus is visible. The page may move
 * focus a tick after the key press (a closed editor hands it back in a timeout, after React has
 * rendered the button again), so the check is repeated for up to a second before it fails.
 */
export async function expectFocusOn(page: Page, want: string | RegExp): Promise<FocusState> {
  let name = await focusedName(page)
  for (let waited = 0; !matches(name, want) && waited < 1000; waited += 50) {
    await page.waitForTimeout(50)
    name = await focusedName(page)
  }
  const state = await focusState(page)
  if (!matches(name, want)) throw new Error(`focus on "${name}" (${state.tag}), expected ${String(want)}`)
  if (!state.visible)
    throw new Error(`focus on "${name}" (${state.tag}) is not visible: outline ${state.outline}, box-shadow ${state.boxShadow}, hidden at ${state.hiddenAt.join('; ') || 'no point'}`)
  return state
}

/** Waits until a polite live region of the page says `text`. */
export async function waitForAnnouncement(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[aria-live="polite"]')].some((region) => (region.textContent ?? '').includes(want)),
    text,
    { timeout },
  )
}
