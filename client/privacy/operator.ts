import { DEFAULT_RETENTION_DAYS, EMPTY_OPERATOR_DETAILS } from '../../protocol/operator'
import type { Operator } from '../../protocol/operator'

/**
 * Who runs this installation, for the privacy notice (/datenschutz) and the accessibility
 * statement (/barrierefreiheit). The operator sets it at run time on the server (environment
 * variables or DATA_DIR/operator.json, see docs/operations.md), not in the build; the pages
 * load it from GET /api/config (useOperator.ts). Empty fields show a placeholder asking for them.
 */
export type { AccessibilityContact, EnforcementBody, Operator } from '../../protocol/operator'

/** Nothing filled in: every placeholder shows. */
export const EMPTY_OPERATOR: Operator = { ...EMPTY_OPERATOR_DETAILS, retentionDays: DEFAULT_RETENTION_DAYS }
