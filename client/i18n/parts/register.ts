/** The board's "Anrede" (Sie / du), server reasons by code, copy feedback and presence: German. Merged into `de` in ../de.ts. */
export const registerDe = {
  'settings.address': 'Anrede',
  'settings.address.sie': '„Sie“ (förmlich)',
  'settings.address.du': '„du“ (vertraut)',
  'settings.addressHint': 'Wie die deutsche Oberfläche alle auf diesem Board anspricht. Die englische Oberfläche bleibt gleich.',
  // The server's reasons by code (protocol/reasons.ts).
  'reason.tokenMissing': 'Dieser Browser hat keinen Moderationsschlüssel für das Board.',
  'reason.noAccess': 'Kein Zugang: Der Moderationslink gilt nicht (mehr).',
  'reason.ownerOnly': 'Das geht nur mit dem Moderationslink, mit dem das Board erstellt wurde.',
  'reason.labelMissing': 'Bitte geben Sie eine Bezeichnung an.',
  'reason.labelTooLong': 'Die Bezeichnung ist zu lang (höchstens {max} Zeichen).',
  'reason.labelInvalid': 'Die Bezeichnung enthält unzulässige Zeichen.',
  'reason.tooManyLinks': 'Ein Board hat höchstens {max} Links für die Co-Moderation. Bitte nehmen Sie zuerst einen zurück.',
  'reason.linkUnknown': 'Diesen Link gibt es nicht (mehr).',
  'reason.unknown': 'Der Server hat die Anfrage abgelehnt (Status {status}).',
} as const satisfies Readonly<Record<string, string>>

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
