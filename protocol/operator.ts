/**
 * Who runs this installation, for the privacy notice (/datenschutz) and the accessibility
 * statement (/barrierefreiheit). The operator sets it at run time (environment variables or
 * DATA_DIR/operator.json, see docs/operations.md); the server answers it at GET /api/config.
 * Empty fields make the pages show a placeholder asking for them.
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

/** What the operator sets; the retention period is the server's BOARD_TTL_DAYS, not set here. */
export interface OperatorDetails {
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

/** What the pages show: the operator's details and the one retention period the server enforces. */
export interface Operator extends OperatorDetails {
  /** Days without activity after which the server deletes a board (BOARD_TTL_DAYS). */
  readonly retentionDays: number
}

/** The answer of GET /api/config. */
export interface SiteConfig {
  readonly operator: Operator
}

export const EMPTY_OPERATOR_DETAILS: OperatorDetails = {
  name: '',
  address: [],
  email: '',
  phone: '',
  dataProtectionOfficer: '',
  supervisoryAuthority: '',
  proxyLogs: '',
  accessibilityContact: { name: '', email: '', phone: '', address: [] },
  enforcementBody: null,
  accessibilityReviewed: '',
}

/** The server's default retention (BOARD_TTL_DAYS unset). */
export const DEFAULT_RETENTION_DAYS = 30
