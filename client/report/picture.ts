import type { ZoneId } from '../../model/zones'

/**
 * The report's picture as an SVG string: the balloon with the cluster titles at their zones
 * (Steigen above, Einheizen by the burner, Unten halten below) and the board's title on the
 * left. One string serves the page (inline) and the PNG export (drawn onto a canvas), so both
 * show the same. Every text is escaped; no styles, fonts or images are referenced, so the
 * picture needs nothing from outside and passes the CSP.
 */

export interface PictureLabel {
  readonly text: string
  /** Revealed votes; 0 shows no badge. */
  readonly votes: number
}

export interface PictureZone {
  readonly heading: string
  readonly labels: readonly PictureLabel[]
}

export interface PictureInput {
  readonly title: string
  /** Lines under the title: date, topic, participants. Empty lines are left out. */
  readonly lines: readonly string[]
  readonly zones: Readonly<Record<ZoneId, PictureZone>>
  /** "+ 3 weitere" */
  readonly more: (count: number) => string
}

export const PICTURE_WIDTH = 1600
export const PICTURE_HEIGHT = 900

const FONT = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`
const PILL_W = 360
const PILL_H = 60
const GAP = 10

const COLORS: Readonly<Record<ZoneId, { readonly fill: string; readonly stroke: string; readonly ink: string }>> = {
  steigen: { fill: '#fff1e8', stroke: '#d9462a', ink: '#9c2f18' },
  einheizen: { fill: '#fff6d6', stroke: '#c98a12', ink: '#7a4d00' },
  untenHalten: { fill: '#f3eee6', stroke: '#8b5a2b', ink: '#5a3a1c' },
}

/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab, newline and carriage
 * return, lone surrogates, U+FFFE and U+FFFF. One of them in a note (U+0007 was tried) made the
 * whole picture unparsable, so the PNG failed.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text for SVG/XML content and attribute values, dropping what XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}

/** Breaks `text` into at most `maxLines` lines of about `width` characters; cut text ends in "…". */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  let cut = false
  for (let i = 0; i < words.length; i++) {
    let word = words[i] ?? ''
    while (word.length > width) {
      // A word longer than a line is split hard.
      const room = line ? width - line.length - 1 : width
      if (room < 4) break
      const head = word.slice(0, room)
      word = word.slice(room)
      lines.push(line ? `${line} ${head}` : head)
      line = ''
      if (lines.length === maxLines) break
    }
    if (lines.length === maxLines) {
      cut = true
      break
    }
    const next = line ? `${line} ${word}` : word
    if (next.length <= width) line = next
    else {
      lines.push(line)
      line = word
      if (lines.length === maxLines) {
        cut = true
        break
      }
    }
  }
  if (!cut && line) lines.push(line)
  if (cut && lines.length > 0) {
    const last = lines[lines.length - 1] ?? ''
    lines[lines.length - 1] = `${last.slice(0, Math.max(0, width - 1)).replace(/\s+$/, '')}…`
  }
  return lines
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`
}

function pill(x: number, y: number, label: PictureLabel, zone: ZoneId): string {
  const c = COLORS[zone]
  const badge = label.votes > 0
  const textWidth = badge ? 26 : 30
  const lines = wrapText(label.text, textWidth, 2)
  const first = lines.length === 1 ? y + PILL_H / 2 + 7 : y + 25
  const out = [`<rect x="${x}" y="${y}" width="${PILL_W}" height="${PILL_H}" rx="14" fill="${c.fill}" stroke="${c.stroke}" stroke-width="2"/>`]
  lines.forEach((line, i) => out.push(text(x + 16, first + i * 24, line, `font-size="20" fill="#1d2430"`)))
  if (badge) {
    const cx = x + PILL_W - 30
    const cy = y + PILL_H / 2
    out.push(`<circle cx="${cx}" cy="${cy}" r="19" fill="${c.ink}"/>`)
    out.push(text(cx, cy + 7, String(label.votes), `font-size="19" font-weight="700" fill="#ffffff" text-anchor="middle"`))
  }
  return out.join('')
}

/** The labels to show in `slots` places: the first ones, the last place saying how many more. */
function fit(labels: readonly PictureLabel[], slots: number, more: (count: number) => string): PictureLabel[] {
  if (labels.length <= slots) return [...labels]
  const shown = labels.slice(0, slots - 1)
  return [...shown, { text: more(labels.length - shown.length), votes: 0 }]
}

/** Rows of up to four pills, each row centred on the page. */
function rows(zone: ZoneId, labels: readonly PictureLabel[], top: number): string {
  const out: string[] = []
  for (let row = 0; row * 4 < labels.length; row++) {
    const items = labels.slice(row * 4, row * 4 + 4)
    const width = items.length * PILL_W + (items.length - 1) * 20
    const left = PICTURE_WIDTH / 2 - width / 2
    items.forEach((label, i) => out.push(pill(left + i * (PILL_W + 20), top + row * (PILL_H + GAP), label, zone)))
  }
  return out.join('')
}

function heading(x: number, y: number, content: string, zone: ZoneId, anchor: 'middle' | 'start'): string {
  return text(x, y, content, `font-size="22" font-weight="700" fill="${COLORS[zone].ink}" text-anchor="${anchor}"`)
}

// The balloon: the same artwork as client/board/Balloon.tsx (viewBox 0 0 240 372).
const ENVELOPE = 'M120 40 C70 40 32 88 34 136 C36 184 88 222 104 250 L136 250 C152 222 204 184 206 136 C208 88 170 40 120 40 Z'
function stripes(): string {
  const seam = (k: number) => ({ c1: 120 + k * 24, c2: 120 + k * 25, end: 120 + k * 4.5 })
  const paths: string[] = []
  for (let i = -4; i < 4; i += 2) {
    const a = seam(i)
    const b = seam(i + 1)
    paths.push(`<path d="M120 40 C${a.c1} 50 ${a.c2} 210 ${a.end} 250 L${b.end} 250 C${b.c2} 210 ${b.c1} 50 120 40 Z" fill="url(#bfr-stripe)"/>`)
  }
  return paths.join('')
}

const BALLOON_DEFS = [
  '<radialGradient id="bfr-envelope" cx="38%" cy="30%" r="75%"><stop offset="0" stop-color="#f07a4f"/><stop offset="0.55" stop-color="#d9462a"/><stop offset="1" stop-color="#8f2615"/></radialGradient>',
  '<linearGradient id="bfr-stripe" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff1d6"/><stop offset="1" stop-color="#f2b96b"/></linearGradient>',
  '<radialGradient id="bfr-shade" cx="36%" cy="28%" r="80%"><stop offset="0" stop-color="#ffffff" stop-opacity="0.45"/><stop offset="0.35" stop-color="#ffffff" stop-opacity="0"/><stop offset="0.8" stop-color="#3b0d05" stop-opacity="0.08"/><stop offset="1" stop-color="#3b0d05" stop-opacity="0.35"/></radialGradient>',
  '<radialGradient id="bfr-glow" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#ffd65c" stop-opacity="0.9"/><stop offset="1" stop-color="#ff9d2e" stop-opacity="0"/></radialGradient>',
  '<linearGradient id="bfr-flame" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="#2f6fd6"/><stop offset="0.2" stop-color="#ffe27a"/><stop offset="0.6" stop-color="#ff9d2e"/><stop offset="1" stop-color="#e3401f"/></linearGradient>',
  '<linearGradient id="bfr-basket" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b98248"/><stop offset="1" stop-color="#7a4f25"/></linearGradient>',
  '<linearGradient id="bfr-sand" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d8c3a0"/><stop offset="1" stop-color="#9c8460"/></linearGradient>',
  `<clipPath id="bfr-clip"><path d="${ENVELOPE}"/></clipPath>`,
].join('')

const BALLOON = [
  '<g fill="none" stroke="#e98a3c" stroke-width="3" stroke-linecap="round" opacity="0.55"><path d="M92 30 q-6 -8 0 -16 q6 -8 0 -14"/><path d="M120 22 q-6 -8 0 -14 q6 -7 0 -8"/><path d="M148 30 q-6 -8 0 -16 q6 -8 0 -14"/></g>',
  `<path d="${ENVELOPE}" fill="url(#bfr-envelope)"/>`,
  `<g clip-path="url(#bfr-clip)">${stripes()}<path d="${ENVELOPE}" fill="url(#bfr-shade)"/><path d="M30 150 Q120 176 210 150" fill="none" stroke="#7a2012" stroke-opacity="0.25" stroke-width="3"/></g>`,
  `<path d="${ENVELOPE}" fill="none" stroke="#6e1d0f" stroke-opacity="0.45" stroke-width="1.5"/>`,
  '<path d="M104 250 L136 250 L132 262 L108 262 Z" fill="#8f2615"/>',
  '<g stroke="#5a3a1c" stroke-width="1.4"><line x1="108" y1="262" x2="100" y2="300"/><line x1="132" y1="262" x2="140" y2="300"/><line x1="114" y1="262" x2="112" y2="282"/><line x1="126" y1="262" x2="128" y2="282"/></g>',
  '<ellipse cx="120" cy="262" rx="30" ry="26" fill="url(#bfr-glow)"/>',
  '<path d="M120 244 C112 256 110 266 114 276 L126 276 C130 266 128 256 120 244 Z" fill="url(#bfr-flame)"/>',
  '<rect x="110" y="276" width="20" height="8" rx="2" fill="#4a4f57"/><rect x="112" y="284" width="16" height="3" fill="#2f3338"/>',
  '<path d="M98 300 L142 300 L138 334 L102 334 Z" fill="url(#bfr-basket)" stroke="#5a3a1c" stroke-width="1.5"/>',
  '<rect x="95" y="296" width="50" height="7" rx="3" fill="#8b5a2b"/>',
  '<g stroke="#5a3a1c" stroke-opacity="0.6" stroke-width="1"><line x1="100" y1="313" x2="140" y2="313"/><line x1="101" y1="324" x2="139" y2="324"/><line x1="112" y1="303" x2="113" y2="334"/><line x1="128" y1="303" x2="127" y2="334"/></g>',
  '<g stroke="#5a3a1c" stroke-width="1.2"><line x1="104" y1="334" x2="100" y2="346"/><line x1="120" y1="334" x2="120" y2="352"/><line x1="136" y1="334" x2="140" y2="346"/></g>',
  '<g fill="url(#bfr-sand)" stroke="#6b5638" stroke-width="1.2"><path d="M100 346 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z"/><path d="M120 352 c-8 2 -11 10 -9 15 c2 5 16 5 18 0 c2 -5 -1 -13 -9 -15 z"/><path d="M140 346 c-8 2 -11 10 -9 16 c2 5 16 5 18 0 c2 -6 -1 -14 -9 -16 z"/></g>',
].join('')

// Where the balloon sits: scaled 1.25 and centred, its burner at y ≈ 561.
const SCALE = 1.25
const BALLOON_X = PICTURE_WIDTH / 2 - 120 * SCALE
const BALLOON_Y = 230
const BURNER_Y = BALLOON_Y + 265 * SCALE

/** The picture as a standalone SVG document of 1600×900. */
export function pictureSvg(input: PictureInput): string {
  const { zones, more } = input
  const steigen = fit(zones.steigen.labels, 8, more)
  const untenHalten = fit(zones.untenHalten.labels, 8, more)
  const einheizen = fit(zones.einheizen.labels, 4, more)

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE_WIDTH}" height="${PICTURE_HEIGHT}" viewBox="0 0 ${PICTURE_WIDTH} ${PICTURE_HEIGHT}" font-family="${escapeXml(FONT)}">`,
    `<defs>${BALLOON_DEFS}</defs>`,
    `<rect width="${PICTURE_WIDTH}" height="${PICTURE_HEIGHT}" fill="#ffffff"/>`,
    `<g transform="translate(${BALLOON_X} ${BALLOON_Y}) scale(${SCALE})">${BALLOON}</g>`,
  ]

  // Title block, left of the balloon.
  let y = 330
  for (const line of wrapText(input.title, 24, 3)) {
    out.push(text(60, y, line, `font-size="34" font-weight="700" fill="#1d2430"`))
    y += 42
  }
  y += 8
  for (const line of input.lines.filter((l) => l.trim() !== '')) {
    for (const part of wrapText(line, 38, 2)) {
      out.push(text(60, y, part, `font-size="22" fill="#4a5363"`))
      y += 30
    }
  }

  // Steigen: above the balloon; one row sits close to it.
  const steigenTop = steigen.length > 4 ? 64 : 134
  out.push(heading(PICTURE_WIDTH / 2, steigenTop - 14, zones.steigen.heading, 'steigen', 'middle'))
  out.push(rows('steigen', steigen, steigenTop))

  // Einheizen: right of the burner, with a line to it.
  const column = 1010
  const top = Math.round(BURNER_Y - (einheizen.length * (PILL_H + GAP) - GAP) / 2)
  const headingY = Math.min(top, BURNER_Y - 30) - 14
  out.push(heading(column, headingY, zones.einheizen.heading, 'einheizen', 'start'))
  out.push(`<line x1="${PICTURE_WIDTH / 2 + 24}" y1="${BURNER_Y}" x2="${column - 10}" y2="${BURNER_Y}" stroke="${COLORS.einheizen.stroke}" stroke-width="2" stroke-dasharray="6 6"/>`)
  einheizen.forEach((label, i) => out.push(pill(column, top + i * (PILL_H + GAP), label, 'einheizen')))

  // Unten halten: below the basket.
  out.push(heading(PICTURE_WIDTH / 2, 728, zones.untenHalten.heading, 'untenHalten', 'middle'))
  out.push(rows('untenHalten', untenHalten, 742))

  out.push('</svg>')
  return out.join('')
}
