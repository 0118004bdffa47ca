import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_OPERATOR_DETAILS } from '../protocol/operator'
import type { AccessibilityContact, EnforcementBody, OperatorDetails } from '../protocol/operator'

/**
 * The operator's details for the privacy and accessibility pages, read at start from
 * DATA_DIR/operator.json and from environment variables (which win, field by field). Every
 * error names the variable or the file and field, so the operator knows what to correct.
 */
export class ConfigError extends Error {}

export const OPERATOR_FILE = 'operator.json'
const MAX_TEXT = 500

type Kind = 'text' | 'lines' | 'email' | 'url' | 'date'
type Check = (value: unknown, where: string) => string | readonly string[]

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ConfigError(`${where}: must be a text`)
  if (value.length > MAX_TEXT) throw new ConfigError(`${where}: longer than ${MAX_TEXT} characters`)
  return value.trim()
}

const CHECKS: Record<Kind, Check> = {
  text,
  lines(value, where) {
    if (!Array.isArray(value)) throw new ConfigError(`${where}: must be a list of lines`)
    return value.map((line, i) => text(line, `${where}[${i}]`)).filter(Boolean)
  },
  email(value, where) {
    const v = text(value, where)
    if (v && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) throw new ConfigError(`${where}: not an e-mail address: ${v}`)
    return v
  },
  url(value, where) {
    const v = text(value, where)
    if (v && !/^https?:\/\/[^\s]+$/.test(v)) throw new ConfigError(`${where}: not a web address (https://…): ${v}`)
    return v
  },
  date(value, where) {
    const v = text(value, where)
    if (v && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) throw new ConfigError(`${where}: not a date (YYYY-MM-DD): ${v}`)
    return v
  },
}

/** Each field: its kind and its environment variable. */
const TOP: Record<string, [Kind, string]> = {
  name: ['text', 'OPERATOR_NAME'],
  address: ['lines', 'OPERATOR_ADDRESS'],
  email: ['email', 'OPERATOR_EMAIL'],
  phone: ['text', 'OPERATOR_PHONE'],
  dataProtectionOfficer: ['text', 'OPERATOR_DATA_PROTECTION_OFFICER'],
  supervisoryAuthority: ['text', 'OPERATOR_SUPERVISORY_AUTHORITY'],
  proxyLogs: ['text', 'OPERATOR_PROXY_LOGS'],
  accessibilityReviewed: ['date', 'ACCESSIBILITY_REVIEWED'],
}
const CONTACT: Record<keyof AccessibilityContact, [Kind, string]> = {
  name: ['text', 'ACCESSIBILITY_CONTACT_NAME'],
  email: ['email', 'ACCESSIBILITY_CONTACT_EMAIL'],
  phone: ['text', 'ACCESSIBILITY_CONTACT_PHONE'],
  address: ['lines', 'ACCESSIBILITY_CONTACT_ADDRESS'],
}
const ENFORCEMENT: Record<keyof EnforcementBody, [Kind, string]> = {
  name: ['text', 'ENFORCEMENT_BODY_NAME'],
  address: ['lines', 'ENFORCEMENT_BODY_ADDRESS'],
  email: ['email', 'ENFORCEMENT_BODY_EMAIL'],
  web: ['url', 'ENFORCEMENT_BODY_WEB'],
}

/** Every variable read here, for the documentation test. */
export const OPERATOR_VARIABLES: readonly string[] = [TOP, CONTACT, ENFORCEMENT].flatMap((fields) => Object.values(fields).map(([, name]) => name))

type Fields = Record<string, [Kind, string]>

/** Reads one group of fields from a file object, then from the environment. */
function readGroup(fields: Fields, file: Record<string, unknown>, env: NodeJS.ProcessEnv, where: string, base: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(file)) if (!(key in fields)) throw new ConfigError(`${where}: unknown field "${key}"`)
  const out: Record<string, unknown> = { ...base }
  for (const [key, [kind, variable]] of Object.entries(fields)) {
    if (file[key] !== undefined) out[key] = CHECKS[kind](file[key], `${where} "${key}"`)
    const fromEnv = env[variable]
    // In a variable, lines are separated by ";" (e.g. "Musterstraße 1; 12345 Beispielstadt").
    if (fromEnv !== undefined && fromEnv !== '') out[key] = CHECKS[kind](kind === 'lines' ? fromEnv.split(';') : fromEnv, variable)
  }
  return out
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${where}: must be an object`)
  return value as Record<string, unknown>
}

function readFile(dataDir: string): Record<string, unknown> {
  const file = join(dataDir, OPERATOR_FILE)
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`)
  }
  return objectAt(parsed, file)
}

/** The operator's details from DATA_DIR/operator.json and the environment. */
export function operatorFromEnv(env: NodeJS.ProcessEnv, dataDir: string): OperatorDetails {
  const where = join(dataDir, OPERATOR_FILE)
  const file = readFile(dataDir)
  const { accessibilityContact, enforcementBody, ...top } = file
  if ('retentionDays' in top) throw new ConfigError(`${where}: "retentionDays" is not set here; the retention period is BOARD_TTL_DAYS`)
  const details = readGroup(TOP, top, env, where, { ...EMPTY_OPERATOR_DETAILS })
  const contact = readGroup(CONTACT, objectAt(accessibilityContact, `${where} "accessibilityContact"`), env, `${where} "accessibilityContact"`, {
    ...EMPTY_OPERATOR_DETAILS.accessibilityContact,
  })
  const body = readGroup(ENFORCEMENT, objectAt(enforcementBody, `${where} "enforcementBody"`), env, `${where} "enforcementBody"`, {
    name: '',
    address: [],
    email: '',
    web: '',
  })
  const hasBody = Object.values(body).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ''))
  if (hasBody && body.name === '') throw new ConfigError('ENFORCEMENT_BODY_NAME: the enforcement body needs a name when any of its fields is set')
  return {
    ...(details as unknown as OperatorDetails),
    accessibilityContact: contact as unknown as AccessibilityContact,
    enforcementBody: hasBody ? (body as unknown as EnforcementBody) : null,
  }
}
