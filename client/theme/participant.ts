/**
 * How a participant is told apart on the board: a shape, how much of it is filled, and a colour,
 * all three following from their seat on the board (the order of joining, model/seats.ts), so
 * that the first 49 members of a board all look different, the same on every screen. Shape and
 * fill alone tell all 49 apart, so colour is never needed (nor the only cue); the colours come
 * from the Okabe–Ito palette (chosen to stay distinct with the common colour-vision
 * deficiencies) as CSS variables that every theme tunes for its background (styles.css). The
 * initials come on top, made distinct among those present (`distinctInitials`).
 */
export const PARTICIPANT_SHAPES = ['circle', 'triangle', 'square', 'diamond', 'star', 'cross', 'hexagon'] as const
export type ParticipantShape = (typeof PARTICIPANT_SHAPES)[number]

/** How much of the shape is coloured (styles.css draws each); `none` is the look of nobody seated. */
export const PARTICIPANT_FILLS = ['full', 'left', 'lower', 'diagonal', 'dot', 'upper', 'right'] as const
export type ParticipantFill = (typeof PARTICIPANT_FILLS)[number] | 'none'

/** How many members of a board get a look of their own: every shape with every fill. */
export const DISTINCT_LOOKS = PARTICIPANT_SHAPES.length * PARTICIPANT_FILLS.length

export interface ParticipantLook {
  /** The colour's slot 0–6, or null (nobody seated: no colour). */
  readonly slot: number | null
  /** `var(--participant-<slot>)`, defined per theme. */
  readonly colour: string
  readonly shape: ParticipantShape
  readonly fill: ParticipantFill
  /** The moderation's own mark (a frame) on top of the look: nobody else has it. */
  readonly moderator: boolean
}

/**
 * The look of a seat: shape by seat, fill by round of seven, colour shifted by one each round
 * (so that any two of shape, fill and colour name the look). From seat 49 on, looks repeat. No
 * seat (not counted as a member, e.g. before the server wrote it): a dashed, empty circle that
 * no seated person has.
 */
export function lookOfSeat(seat: number | undefined, moderator = false): ParticipantLook {
  if (seat === undefined || !Number.isInteger(seat) || seat < 0) return { slot: null, colour: 'var(--control)', shape: 'circle', fill: 'none', moderator }
  const n = PARTICIPANT_SHAPES.length
  const shape = seat % n
  const round = Math.floor(seat / n) % PARTICIPANT_FILLS.length
  const slot = (shape + round) % n
  return { slot, colour: `var(--participant-${slot})`, shape: PARTICIPANT_SHAPES[shape]!, fill: PARTICIPANT_FILLS[round]!, moderator }
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

export interface Present {
  readonly id: string
  readonly name: string
  readonly seat: number | undefined
}

/**
 * Initials for everyone present, no two the same: by seat (then id, for those without one),
 * the first keeps theirs and each later one gets the next free number ("AB", "AB2", "AB3"; "T1",
 * "T1-2").
 * The same people give the same initials on every screen. Empty names stay empty.
 */
export function distinctInitials(people: readonly Present[]): ReadonlyMap<string, string> {
  const order = [...people].sort((a, b) => (a.seat ?? Infinity) - (b.seat ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const taken = new Set<string>()
  const initials = new Map<string, string>()
  for (const person of order) {
    const base = initialsOf(person.name)
    let shown = base
    // After a digit, a hyphen: "T1-2" is the second "T1", where "T12" would read as a twelve.
    const joiner = /\p{N}$/u.test(base) ? '-' : ''
    for (let n = 2; base !== '' && taken.has(shown); n++) shown = `${base}${joiner}${n}`
    taken.add(shown)
    initials.set(person.id, shown)
  }
  return initials
}
