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
