/**
 * What the operator of this installation fills in for the privacy notice (/datenschutz) before
 * building the client (`npm run build`); see docs/operations.md. Empty fields show a placeholder
 * that asks for them, so a missing entry is visible rather than silently absent.
 */
export interface Operator {
  /** The controller (Verantwortlicher, Art. 4 Nr. 7 DSGVO): organisation or person. */
  readonly name: string
  /** Postal address, one line per entry. */
  readonly address: readonly string[]
  readonly email: string
  readonly phone: string
  /** Data protection officer (Datenschutzbeauftragte*r), if one is appointed. */
  readonly dataProtectionOfficer: string
  /** The supervisory authority responsible for the operator, if it should be named. */
  readonly supervisoryAuthority: string
  /** Keep equal to the server's BOARD_TTL_DAYS (default 30). */
  readonly retentionDays: number
  /** Whether the reverse proxy in front keeps access logs, and for how long; empty: none. */
  readonly proxyLogs: string
}

export const OPERATOR: Operator = {
  name: '',
  address: [],
  email: '',
  phone: '',
  dataProtectionOfficer: '',
  supervisoryAuthority: '',
  retentionDays: 30,
  proxyLogs: '',
}
