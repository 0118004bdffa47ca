/**
 * How a participant is told apart on the board: one of seven slots, each a colour from the
 * Okabe–Ito palette (chosen to stay distinct with the common colour-vision deficiencies) paired
 * with its own shape, so that colour is never the only cue; the initials come on top. The
 * colour is a CSS variable, so every theme can tune it for its background (styles.css).
 */
export const PARTICIPANT_SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'hexagon'] as const
export type ParticipantShape = (typeof PARTICIPANT_SHAPES)[number]

export interface ParticipantLook {
  readonly slot: number
  /** `var(--participant-<slot>)`, defined per theme. */
  readonly colour: string
  readonly shape: ParticipantShape
}

/** 32-bit FNV-1a: small, stable across browsers and sessions, spreads similar ids apart. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** The same participant id gets the same look on every screen, every time. */
export function participantLook(participantId: string): ParticipantLook {
  const slot = hash(participantId) % PARTICIPANT_SHAPES.length
  return { slot, colour: `var(--participant-${slot})`, shape: PARTICIPANT_SHAPES[slot]! }
}

/** Up to two initials of a name ("Anna Berg" → "AB", "ben" → "BE"); empty for an empty name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => w !== '')
  const letters = (w: string) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, ''))
  if (words.length === 0) return ''
  if (words.length === 1) return letters(words[0]!).slice(0, 2).join('').toLocaleUpperCase()
  const first = letters(words[0]!)[0] ?? ''
  const last = letters(words[words.length - 1]!)[0] ?? ''
  return (first + last).toLocaleUpperCase()
}
