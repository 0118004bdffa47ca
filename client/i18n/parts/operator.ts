/** The operator's details on the privacy and accessibility pages, loaded from the server: German. Merged into `de` in ../de.ts. */
export const operatorDe = {
  'operator.loading': 'Die Angaben des Betreibers werden geladen …',
  'operator.failed': 'Die Angaben des Betreibers konnten nicht geladen werden. Bitte laden Sie die Seite neu.',
} as const satisfies Readonly<Record<string, string>>
