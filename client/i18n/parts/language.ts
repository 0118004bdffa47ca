/** Plain language (Leichte Sprache), the board's export language and the accessibility statement: German. Merged into `de` in ../de.ts. */
export const languageDe = {
  // Each language's name in itself, so that a reader finds their own.
  'language.name.de': 'Deutsch',
  'language.name.en': 'English',
  'settings.reportLanguage': 'Sprache des Ergebnisprotokolls',
  'settings.reportLanguageHint':
    'Gilt für die Ergebnisseite, den Druck und alle Exporte – für alle gleich, egal in welcher Sprache jemand die Oberfläche nutzt.',
} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const languageEn: { readonly [K in keyof typeof languageDe]: string } = {
  'language.name.de': 'Deutsch',
  'language.name.en': 'English',
  'settings.reportLanguage': 'Language of the report',
  'settings.reportLanguageHint': 'Applies to the report page, printing and every export – the same for everyone, whatever language each person uses the interface in.',
}
