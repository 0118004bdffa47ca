/**
 * What the operator of this installation fills in for the privacy notice (/datenschutz) and the
 * accessibility statement (/barrierefreiheit) before
 * building the client (`npm run build`); see docs/operations.md. Empty fields show a placeholder
 * that asks for them, so a missing entry is visible rather than silently absent.
 */
/** Who answers reports of barriers (Feedback-Mechanismus, § 12b Abs. 2 Nr. 2 BGG / BITV 2.0 § 7). */
export interface AccessibilityContact {
  /** Office or person, e.g. "Fachstelle Prävention, Team Digitales". */
  readonly name: string
  readonly email: string
  readonly phone: string
  /** Postal address, one line per entry. */
  readonly address: readonly string[]
}

/** The body that handles complaints when feedback brought no solution (Durchsetzungsverfahren). */
export interface EnforcementBody {
  readonly name: string
  readonly address: readonly string[]
  readonly email: string
  /** Its web address, https://… */
  readonly web: string
}

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
  /** Feedback contact for the accessibility statement; all empty shows a placeholder asking for it. */
  readonly accessibilityContact: AccessibilityContact
  /**
   * null: the federal Schlichtungsstelle nach § 16 BGG (right for public bodies of the Bund).
   * Public bodies of a Land or a municipality name the body their Land's law appoints.
   */
  readonly enforcementBody: EnforcementBody | null
  /** When the operator last reviewed the statement for this installation (YYYY-MM-DD); empty: not yet. */
  readonly accessibilityReviewed: string
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
  accessibilityContact: { name: '', email: '', phone: '', address: [] },
  enforcementBody: null,
  accessibilityReviewed: '',
}
