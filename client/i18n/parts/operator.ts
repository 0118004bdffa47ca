/** The operator's details on the privacy and accessibility pages, loaded from the server: German. Merged into `de` in ../de.ts. */
export const operatorDe = {
  'operator.loading': 'Die Angaben des Betreibers werden geladen …',
  'operator.failed': 'Die Angaben des Betreibers konnten nicht geladen werden. Bitte laden Sie die Seite neu.',
} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const operatorEn: { readonly [K in keyof typeof operatorDe]: string } = {
  'operator.loading': 'Loading the operator’s details …',
  'operator.failed': 'The operator’s details could not be loaded. Please reload the page.',
}
