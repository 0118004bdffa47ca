/**
 * Why the server refused a request, as a code the client translates (HTTP answers carry
 * `{ error, code, max? }`: `error` is German for logs and curl, `code` is what the interface shows
 * in its own language). Only the answers a person sees in the interface have a code.
 */
export const REASON_CODES = ['tokenMissing', 'noAccess', 'ownerOnly', 'labelMissing', 'labelTooLong', 'labelInvalid', 'tooManyLinks', 'linkUnknown'] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value)
}
