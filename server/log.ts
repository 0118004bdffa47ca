/**
 * Structured log lines without personal data: never note text, names, secrets, tokens, URLs
 * with their query, or full IP addresses.
 */
export type LogFields = Record<string, string | number | boolean | undefined>

let quiet = false
export function setQuiet(value: boolean): void {
  quiet = value
}

export function log(event: string, fields: LogFields = {}): void {
  if (quiet) return
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`)
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
