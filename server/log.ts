/**
 * Structured log lines without personal data: never note text, names, secrets, tokens, URLs
 * with their query, or full IP addresses.
 */
export type LogFields = Record<string, string | number | boolean | undefined>

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/**
 * The level of each event, by its name, so that call sites stay one short line: failures are
 * errors, refusals of what a client sent are warnings, routine lifecycle is info, and a board
 * leaving memory (every idle board, every 30 s) is debug.
 */
export function levelOf(event: string): LogLevel {
  if (/(failed|Failed|\.error)$/.test(event)) return 'error'
  if (/(rejected|malformed|rateLimited|refused)$/.test(event)) return 'warn'
  if (event === 'board.unloaded') return 'debug'
  return 'info'
}

let quiet = false
let threshold = LOG_LEVELS.indexOf('info')

export function setQuiet(value: boolean): void {
  quiet = value
}

/** LOG_LEVEL: lines below it are not written. */
export function setLogLevel(level: LogLevel): void {
  threshold = LOG_LEVELS.indexOf(level)
}

export function log(event: string, fields: LogFields = {}): void {
  if (quiet) return
  const level = levelOf(event)
  if (LOG_LEVELS.indexOf(level) < threshold) return
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`)
}

/** Board ids are secrets too: logs carry only a short prefix, enough to correlate lines. */
export function boardTag(boardId: string): string {
  return boardId.slice(0, 6)
}

/** An address shortened so that it no longer names a person: IPv4 /24, IPv6 /48. */
export function ipTag(address: string | undefined): string {
  if (!address) return 'unknown'
  const v4 = /(\d+\.\d+\.\d+)\.\d+$/.exec(address)
  if (v4) return `${v4[1]}.0/24`
  const parts = address.split(':').filter(Boolean)
  return `${parts.slice(0, 3).join(':')}::/48`
}
