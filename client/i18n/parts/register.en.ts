import type { registerDe } from './register'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const registerEn: { readonly [K in keyof typeof registerDe]: string } = {
  'settings.address': 'Form of address in German',
  'settings.address.sie': '“Sie” (formal)',
  'settings.address.du': '“du” (informal)',
  'settings.addressHint': 'How the German interface addresses everyone on this board. The English interface stays the same.',
  'reason.tokenMissing': 'This browser has no moderator key for the board.',
  'reason.noAccess': 'No access: the moderator link is not valid (any more).',
  'reason.ownerOnly': 'This needs the moderator link the board was created with.',
  'reason.labelMissing': 'Please enter a label.',
  'reason.labelTooLong': 'The label is too long (at most {max} characters).',
  'reason.labelInvalid': 'The label contains characters that are not allowed.',
  'reason.tooManyLinks': 'A board has at most {max} co-moderator links. Please revoke one first.',
  'reason.linkUnknown': 'This link does not exist (any more).',
  'reason.unknown': 'The server refused the request (status {status}).',
}
