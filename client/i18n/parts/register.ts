/** The board's "Anrede" (Sie / du), server reasons by code, copy feedback and presence: German. Merged into `de` in ../de.ts. */
export const registerDe = {
  'settings.address': 'Anrede',
  'settings.address.sie': '„Sie“ (förmlich)',
  'settings.address.du': '„du“ (vertraut)',
  'settings.addressHint': 'Wie die deutsche Oberfläche alle auf diesem Board anspricht. Die englische Oberfläche bleibt gleich.',
} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const registerEn: { readonly [K in keyof typeof registerDe]: string } = {
  'settings.address': 'Form of address in German',
  'settings.address.sie': '“Sie” (formal)',
  'settings.address.du': '“du” (informal)',
  'settings.addressHint': 'How the German interface addresses everyone on this board. The English interface stays the same.',
}
