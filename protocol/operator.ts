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

const isText = (v: unknown): v is string => typeof v === 'string'
const isLines = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function isContact(v: unknown): v is AccessibilityContact {
  return isRecord(v) && isText(v.name) && isText(v.email) && isText(v.phone) && isLines(v.address)
}

function isEnforcementBody(v: unknown): v is EnforcementBody {
  return isRecord(v) && isText(v.name) && isLines(v.address) && isText(v.email) && isText(v.web)
}

/** Whether an answer of GET /api/config has the shape the pages render (the client checks before it shows). */
export function isSiteConfig(value: unknown): value is SiteConfig {
  if (!isRecord(value) || !isRecord(value.operator)) return false
  const o = value.operator
  const texts = [o.name, o.email, o.phone, o.dataProtectionOfficer, o.supervisoryAuthority, o.proxyLogs, o.accessibilityReviewed]
  return (
    texts.every(isText) &&
    isLines(o.address) &&
    isContact(o.accessibilityContact) &&
    (o.enforcementBody === null || isEnforcementBody(o.enforcementBody)) &&
    typeof o.retentionDays === 'number' &&
    Number.isInteger(o.retentionDays) &&
    o.retentionDays > 0
  )
}
