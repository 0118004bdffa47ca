import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[]; readonly html?: string; readonly summary?: string }[]
}

const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Runs axe-core's WCAG 2.1 A/AA rules on the page (evaluated over CDP, so the CSP stays on). */
export async function axeViolations(page: Page, options: { readonly wcag22?: boolean } = {}): Promise<AxeViolation[]> {
  return (await axeRun(page, options)).violations
}

export interface AxeResult {
  readonly violations: AxeViolation[]
  /** Texts whose contrast axe could not decide (gradients, images, SVG shapes behind them). */
  readonly contrastUndecided: { readonly target: readonly string[]; readonly reason: string }[]
}

/**
 * axe-core's WCAG 2.1 A/AA rules; `wcag22: true` adds the WCAG 2.2 AA rules axe has
 * (target-size). Also returns the contrast checks axe left undecided.
 */
export async function axeRun(page: Page, options: { readonly wcag22?: boolean } = {}): Promise<AxeResult> {
  const tags = options.wcag22 ? [...WCAG21, 'wcag22aa'] : WCAG21
  // target-size counts a target that has scrolled under the sticky phase bar as obscured, at
  // whatever position the test left the page; audited at the top, the bar covers nothing.
  if (options.wcag22) await page.evaluate(() => window.scrollTo(0, 0))
  await page.evaluate(axeSource)
  return page.evaluate(async (values) => {
    interface Node {
      target: string[]
      html?: string
      failureSummary?: string
      any?: { message?: string }[]
    }
    interface Rule {
      id: string
      impact: string | null
      help: string
      nodes: Node[]
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Rule[]; incomplete: Rule[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values } })
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: (n.html ?? '').slice(0, 160),
          summary: n.failureSummary?.replace(/\s+/g, ' ').slice(0, 240) ?? '',
        })),
      })),
      contrastUndecided: result.incomplete
        .filter((r) => r.id === 'color-contrast')
        .flatMap((r) => r.nodes.map((n) => ({ target: n.target, reason: n.any?.[0]?.message ?? '' }))),
    }
  }, tags)
}

/** One line per violating element: rule id, impact, selector, element, why. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}) ${n.target.join(' ')} ${n.html ?? ''} — ${n.summary ?? v.help}`),
  )
}

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
