import type { EventPlan } from './event'

/**
 * Which round is open: the organiser's switch when set, else the round whose time window holds
 * `now`. Participants are offered the open round only; the server hands out no other round's board.
 */
export type RoundSwitch = { readonly mode: 'auto' } | { readonly mode: 'open'; readonly round: number } | { readonly mode: 'closed' }

export const AUTO: RoundSwitch = Object.freeze({ mode: 'auto' })

/** The open round (from 1), or null when none is. Without times, "auto" opens the first round. */
export function openRound(plan: EventPlan, switched: RoundSwitch, now: number): number | null {
  if (switched.mode === 'closed') return null
  if (switched.mode === 'open') return switched.round >= 1 && switched.round <= plan.rounds.length ? switched.round : null
  if (plan.rounds.every((r) => r.start === null)) return 1
  const index = plan.rounds.findIndex((r) => r.start !== null && r.end !== null && r.start <= now && now < r.end)
  return index < 0 ? null : index + 1
}

/** Reads the switch from a request body (`{ "open": 2 | "auto" | null }`); null when malformed. */
export function parseRoundSwitch(plan: EventPlan, value: unknown): RoundSwitch | null {
  if (value === 'auto') return AUTO
  if (value === null) return { mode: 'closed' }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= plan.rounds.length) return { mode: 'open', round: value }
  return null
}

/** The switch as stored: "auto", "closed" or the round's number. */
export function encodeRoundSwitch(switched: RoundSwitch): string {
  return switched.mode === 'open' ? String(switched.round) : switched.mode
}

export function decodeRoundSwitch(stored: string): RoundSwitch {
  if (stored === 'closed') return { mode: 'closed' }
  const round = Number(stored)
  return Number.isInteger(round) && round >= 1 ? { mode: 'open', round } : AUTO
}
