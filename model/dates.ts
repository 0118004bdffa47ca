/**
 * Times the board stores (when a note, draft or Maßnahme was created), in milliseconds since
 * 1970. Accepted from 2020 to 2100: every export can print them, and a sort by them stays
 * meaningful. The rule needs no clock, so server and tests judge alike.
 */
export const EARLIEST_TIME = Date.UTC(2020, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)

export function isPlausibleTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= EARLIEST_TIME && value <= LATEST_TIME
}
