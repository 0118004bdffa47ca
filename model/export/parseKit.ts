/** The pieces every reader of import files uses: the error, and checked reads with German messages. */

/**
 * An import file that cannot be read. The message is German and says where and what, e.g.
 * `zones.steigen[2].notes[0]: Text fehlt`; `path` and `reason` hold the two parts.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError'
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`)
  }
}

export type Json = Record<string, unknown>

export function kind(value: unknown): string {
  if (value === undefined) return 'nichts'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'eine Liste'
  switch (typeof value) {
    case 'string':
      return 'ein Text'
    case 'number':
      return 'eine Zahl'
    case 'boolean':
      return 'ein Wahrheitswert'
    case 'object':
      return 'ein Objekt'
    default:
      return typeof value
  }
}

export function fail(path: string, reason: string): never {
  throw new ImportError(path, reason)
}

export function object(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, `Objekt erwartet, gefunden: ${kind(value)}`)
  return value as Json
}

export function list(value: unknown, path: string, max: number, what: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, `Liste erwartet, gefunden: ${kind(value)}`)
  if (value.length > max) fail(path, `zu viele ${what} (${value.length}, höchstens ${max})`)
  return value
}

export interface TextRule {
  readonly max: number
  /** Empty (or missing) is an error with this reason, e.g. "Text fehlt". */
  readonly required?: string
}

/** A trimmed text within its limit; missing counts as empty. */
export function text(value: unknown, path: string, rule: TextRule): string {
  if (value === undefined || value === null) {
    if (rule.required !== undefined) fail(path, rule.required)
    return ''
  }
  if (typeof value !== 'string') fail(path, `Text erwartet, gefunden: ${kind(value)}`)
  const trimmed = value.trim()
  if (trimmed === '' && rule.required !== undefined) fail(path, rule.required)
  if (trimmed.length > rule.max) fail(path, `Text ist zu lang (${trimmed.length} Zeichen, höchstens ${rule.max})`)
  return trimmed
}

