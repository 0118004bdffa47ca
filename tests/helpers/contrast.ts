import type { Page } from 'playwright-core'
import { decodePng } from './png'
import type { Pixels } from './png'

/**
 * Contrast where axe cannot decide (text on a gradient, on an image, on an SVG shape: axe
 * reports those as "incomplete", not as passes). WCAG 1.4.3: 4.5:1, 3:1 for large text.
 *
 * - On a vertical linear gradient (the page background), the background under the text is
 *   computed from the gradient's stops at the text's top, bottom and every stop between,
 *   with the translucent layers between gradient and text composited on top.
 * - Anything else (SVG shapes, images, other gradients) is measured from pixels: the text's box
 *   is photographed with the text and without it; the pixels that change are the glyphs, and
 *   the background under them (the second picture) is compared with the text colour. 95 % of
 *   the glyph pixels must reach the ratio (anti-aliasing and a crossing line may not).
 */

export interface ContrastTarget {
  /** axe's selector path (one entry per shadow root). */
  readonly target: readonly string[]
  readonly reason: string
}

export interface ContrastFailure {
  readonly target: string
  readonly text: string
  readonly ratio: number
  readonly required: number
  readonly how: 'gradient' | 'pixels'
  readonly color: string
  readonly background: string
}

type Rgb = readonly [number, number, number]

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a)
  const lb = luminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

interface Measured {
  readonly target: string
  readonly text: string
  readonly rgba: readonly [number, number, number, number]
  readonly required: number
  /** Backgrounds computed from a gradient, or null when it needs pixels. */
  readonly backgrounds: Rgb[] | null
}

/** Measures the given texts; returns how many were measured and those below AA. */
export async function measureContrast(page: Page, targets: readonly ContrastTarget[]): Promise<{ measured: number; failures: ContrastFailure[] }> {
  if (targets.length === 0) return { measured: 0, failures: [] }
  const selectors = targets.map((t) => t.target.at(-1) ?? '')
  const probes: Measured[] = await page.evaluate(inspect, selectors)
  const failures: ContrastFailure[] = []
  let measured = 0
  const fgOf = (probe: Measured) => (bg: Rgb): Rgb => {
    const [r, g, b, a] = probe.rgba
    return [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)]
  }
  const pixels = await glyphBackgrounds(
    page,
    probes.filter((p) => !p.backgrounds).map((p) => ({ selector: p.target, fg: fgOf(p) })),
  )
  for (const probe of probes) {
    const fg = fgOf(probe)
    let worst: { ratio: number; bg: Rgb } | null = null
    let how: 'gradient' | 'pixels' = 'gradient'
    if (probe.backgrounds) {
      for (const bg of probe.backgrounds) {
        const ratio = contrastRatio(fg(bg), bg)
        if (!worst || ratio < worst.ratio) worst = { ratio, bg }
      }
    } else {
      how = 'pixels'
      const glyphs = pixels.get(probe.target) ?? []
      if (glyphs.length === 0) continue
      const ratios = glyphs.map((bg) => ({ ratio: contrastRatio(fg(bg), bg), bg })).sort((a, b) => a.ratio - b.ratio)
      worst = ratios[Math.floor(ratios.length * 0.05)]!
    }
    if (!worst) continue
    measured++
    if (worst.ratio < probe.required)
      failures.push({
        target: probe.target,
        text: probe.text,
        ratio: Math.floor(worst.ratio * 1000) / 1000,
        required: probe.required,
        how,
        color: `rgba(${probe.rgba.join(', ')})`,
        background: `rgb(${worst.bg.map(Math.round).join(', ')})`,
      })
  }
  return { measured, failures }
}

/** In the page: colour, required ratio and (on a vertical gradient) the backgrounds of each text. */
function inspect(list: string[]): Measured[] {
  type Rgba = [number, number, number, number]
  const parse = (value: string): Rgba | null => {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)/.exec(value)
    if (!m) return null
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4])
    return [Number(m[1]), Number(m[2]), Number(m[3]), alpha]
  }
  const over = (top: Rgba, below: [number, number, number]): [number, number, number] => [
    top[0] * top[3] + below[0] * (1 - top[3]),
    top[1] * top[3] + below[1] * (1 - top[3]),
    top[2] * top[3] + below[2] * (1 - top[3]),
  ]
  /** Stops of a top-to-bottom linear gradient in px from the element's top, or null. */
  const stopsOf = (image: string, height: number): { at: number; color: Rgba }[] | null => {
    const m = /^linear-gradient\((.*)\)$/.exec(image.trim())
    if (!m?.[1]) return null
    const parts = m[1].split(/,(?![^(]*\))/).map((p) => p.trim())
    if (parts[0] && !parts[0].startsWith('rgb')) {
      if (parts[0] !== '180deg' && parts[0] !== 'to bottom') return null
      parts.shift()
    }
    const stops = parts.map((p) => {
      const color = parse(p)
      const pos = /\)\s+(-?[\d.]+)(px|%)$/.exec(p)
      return { color, at: pos ? (pos[2] === '%' ? (parseFloat(pos[1]!) / 100) * height : parseFloat(pos[1]!)) : NaN }
    })
    if (stops.some((s) => s.color === null) || stops.length < 2) return null
    stops.forEach((s, i) => {
      if (Number.isNaN(s.at)) s.at = i === 0 ? 0 : i === stops.length - 1 ? height : NaN
    })
    // Stops without a position sit evenly between their neighbours.
    for (let i = 1; i < stops.length - 1; i++) {
      if (!Number.isNaN(stops[i]!.at)) continue
      let j = i
      while (Number.isNaN(stops[j]!.at)) j++
      const from = stops[i - 1]!.at
      const to = stops[j]!.at
      for (let k = i; k < j; k++) stops[k]!.at = from + ((to - from) * (k - i + 1)) / (j - i + 1)
    }
    return stops as { at: number; color: Rgba }[]
  }
  const colorAt = (stops: { at: number; color: Rgba }[], y: number): Rgba => {
    if (y <= stops[0]!.at) return stops[0]!.color
    for (let i = 1; i < stops.length; i++) {
      const a = stops[i - 1]!
      const b = stops[i]!
      if (y <= b.at) {
        const t = b.at === a.at ? 1 : (y - a.at) / (b.at - a.at)
        return [0, 1, 2, 3].map((c) => a.color[c]! + (b.color[c]! - a.color[c]!) * t) as Rgba
      }
    }
    return stops.at(-1)!.color
  }
  return list.flatMap((selector) => {
    const el = document.querySelector<HTMLElement | SVGElement>(selector)
    if (!el) return []
    // Behind an open modal dialog (inert, under its backdrop) a text is not for reading now.
    const modal = document.querySelector(':modal') ?? document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]')
    if (el.closest('[inert]') || (modal && !modal.contains(el))) return []
    const style = getComputedStyle(el)
    const rgba = parse(el instanceof SVGElement ? style.fill : style.color)
    if (!rgba || rgba[3] === 0) return []
    const size = parseFloat(style.fontSize)
    const required = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66) ? 3 : 4.5
    const text = (el.textContent ?? '').trim().slice(0, 60)
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) return []
    // Only the element's own ancestors may be behind it for the computation; anything else
    // (an SVG's shapes, a positioned sibling) is measured from pixels.
    const points: [number, number][] = [
      [box.left + 1, box.top + 1],
      [box.right - 1, box.top + 1],
      [box.left + 1, box.bottom - 1],
      [box.right - 1, box.bottom - 1],
      [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
    ]
    const alone = points.every(([x, y]) => document.elementsFromPoint(x, y).every((hit) => hit === el || el.contains(hit) || hit.contains(el)))
    if (el instanceof SVGElement || !alone) return [{ target: selector, text, rgba, required, backgrounds: null }]
    // Walk up: translucent layers until the first layer with a gradient (or anything else).
    const layers: Rgba[] = []
    let backgrounds: [number, number, number][] | null = null
    for (let up: Element | null = el; up; up = up.parentElement) {
      const s = getComputedStyle(up)
      if (s.backgroundImage !== 'none') {
        const rect = up.getBoundingClientRect()
        const stops = stopsOf(s.backgroundImage, rect.height)
        const base = parse(s.backgroundColor)
        if (!stops || s.backgroundAttachment !== 'scroll' || s.backgroundSize !== 'auto' || (base && base[3] !== 0)) break
        const top = box.top - rect.top
        const bottom = box.bottom - rect.top
        const ys = [top, bottom, ...stops.map((s) => s.at).filter((y) => y > top && y < bottom)]
        backgrounds = ys.map((y) => {
          let color: [number, number, number] = over(colorAt(stops, y), [255, 255, 255])
          for (const layer of [...layers].reverse()) color = over(layer, color)
          return color
        })
        break
      }
      const bg = parse(s.backgroundColor)
      if (bg && bg[3] > 0) {
        if (bg[3] === 1) break // An opaque layer: axe would have decided; measure from pixels.
        layers.push(bg)
      }
      if (s.opacity !== '1' || s.mixBlendMode !== 'normal' || s.filter !== 'none') break
    }
    return [{ target: selector, text, rgba, required, backgrounds }]
  })
}

type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly onTop?: boolean }

/**
 * The background colours under the glyphs of each text, from two pictures per screenful: the
 * texts that fit in one viewport are photographed together, shown and hidden. Measured where
 * a reader sees them (scrolled there), so sticky parts of the page are where they would be.
 */
async function glyphBackgrounds(page: Page, texts: readonly { selector: string; fg: (bg: Rgb) => Rgb }[]): Promise<Map<string, Rgb[]>> {
  const out = new Map<string, Rgb[]>()
  let remaining = [...texts]
  const scrolled = await page.evaluate(() => [window.scrollX, window.scrollY] as const)
  try {
    while (remaining.length > 0) {
      // Scroll the first remaining text (top of the page first) near the top of the viewport.
      const boxes: (Box | null)[] = await page.evaluate((selectors) => {
        const rects = selectors.map((sel) => document.querySelector(sel)?.getBoundingClientRect() ?? null)
        const first = rects.reduce<DOMRect | null>((a, r) => (r && r.width > 0 && (!a || r.top < a.top) ? r : a), null)
        // Below what sticks at the top (the phase bar keeps the page's scroll padding at its height).
        const sticky = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0
        if (first) window.scrollTo(window.scrollX, Math.max(0, first.top + window.scrollY - 8 - sticky))
        return selectors.map((sel) => {
          const el = document.querySelector(sel)
          if (!el) return null
          // The box of the element's own text (not its padding or border), else the element's.
          const lines = [...el.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
            .flatMap((n) => {
              const range = document.createRange()
              range.selectNodeContents(n)
              return [...range.getClientRects()].filter((q) => q.width > 0 && q.height > 0)
            })
          const r =
            lines.length > 0
              ? new DOMRect(
                  Math.min(...lines.map((q) => q.left)),
                  Math.min(...lines.map((q) => q.top)),
                  Math.max(...lines.map((q) => q.right)) - Math.min(...lines.map((q) => q.left)),
                  Math.max(...lines.map((q) => q.bottom)) - Math.min(...lines.map((q) => q.top)),
                )
              : el.getBoundingClientRect()
          if (r.width <= 0 || r.height <= 0) return null
          // Is the text on top where it is, or covered by something at this scroll position?
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
          const onTop = hit !== null && (hit === el || el.contains(hit) || hit.contains(el))
          return { x: r.left, y: r.top, width: r.width, height: r.height, onTop }
        })
      }, remaining.map((t) => t.selector))
      const view = page.viewportSize()!
      const inView = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= view.width && b.y + b.height <= view.height
      const topmost = boxes.reduce<number>((best, b, i) => (b && (best < 0 || b.y < boxes[best]!.y) ? i : best), -1)
      if (topmost < 0) break
      const group = remaining
        .map((text, i) => ({ text, box: boxes[i] ?? null }))
        .filter((g, i): g is { text: (typeof texts)[number]; box: Box } => g.box !== null && (i === topmost || inView(g.box)))
      const clip = clipOf(group.map((g) => g.box), view)
      const shot = () => page.screenshot({ clip, scale: 'css', animations: 'disabled', caret: 'hide' })
      const withText = decodePng(await shot())
      const selectors = group.map((g) => g.text.selector)
      await page.evaluate((list) => {
        for (const sel of list) {
          const el = document.querySelector<HTMLElement | SVGElement>(sel)
          if (!el || el.dataset.contrastCss !== undefined) continue
          el.dataset.contrastCss = el.style.cssText
          el.style.setProperty('color', 'transparent', 'important')
          el.style.setProperty('-webkit-text-fill-color', 'transparent', 'important')
          el.style.setProperty('text-shadow', 'none', 'important')
          el.style.setProperty('text-decoration-color', 'transparent', 'important')
          if (el instanceof SVGElement) {
            el.style.setProperty('fill', 'transparent', 'important')
            el.style.setProperty('stroke', 'transparent', 'important')
          }
        }
      }, selectors)
      let without
      try {
        without = decodePng(await shot())
      } finally {
        await page.evaluate((list) => {
          for (const sel of list) {
            const el = document.querySelector<HTMLElement | SVGElement>(sel)
            if (!el || el.dataset.contrastCss === undefined) continue
            el.style.cssText = el.dataset.contrastCss
            delete el.dataset.contrastCss
          }
        }, selectors)
      }
      for (const { text, box } of group) out.set(text.selector, glyphsIn(withText, without, box, clip, text.fg))
      const done = new Set(selectors)
      // Texts without a box (gone, or not rendered) cannot be measured and are dropped.
      remaining = remaining.filter((t, i) => !done.has(t.selector) && boxes[i] !== null)
    }
  } finally {
    await page.evaluate(([x, y]) => window.scrollTo(x, y), scrolled)
  }
  return out
}

function clipOf(boxes: readonly Box[], view: { width: number; height: number }): Box {
  const x = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x))))
  const y = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y))))
  const right = Math.min(view.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width))))
  const bottom = Math.min(view.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height))))
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) }
}

/** Glyph pixels of one text (those its colour changed at least halfway), their backgrounds. */
function glyphsIn(withText: Pixels, without: Pixels, box: Box, clip: Box, fg: (bg: Rgb) => Rgb): Rgb[] {
  if (without.width !== withText.width || without.height !== withText.height) return []
  const glyphs: Rgb[] = []
  const all: Rgb[] = []
  const x0 = Math.max(0, Math.floor(box.x - clip.x))
  const y0 = Math.max(0, Math.floor(box.y - clip.y))
  const x1 = Math.min(withText.width, Math.ceil(box.x + box.width - clip.x))
  const y1 = Math.min(withText.height, Math.ceil(box.y + box.height - clip.y))
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * withText.width + x) * 4
      const bg: Rgb = [without.data[i]!, without.data[i + 1]!, without.data[i + 2]!]
      const full = fg(bg)
      const span = Math.abs(full[0] - bg[0]) + Math.abs(full[1] - bg[1]) + Math.abs(full[2] - bg[2])
      const d = Math.abs(withText.data[i]! - bg[0]) + Math.abs(withText.data[i + 1]! - bg[1]) + Math.abs(withText.data[i + 2]! - bg[2])
      all.push(bg)
      if (span > 6 && d >= span / 2) glyphs.push(bg)
    }
  }
  // No glyph visible: either the text is (nearly) the colour of its background (judge the whole
  // box), or something covers it here (not a contrast question; not measured).
  if (glyphs.length > 0) return glyphs
  return box.onTop ? all : []
}
