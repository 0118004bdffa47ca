/** Plain language (Leichte Sprache), the board's export language and the accessibility statement: German. Merged into `de` in ../de.ts. */
export const languageDe = {} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const languageEn: { readonly [K in keyof typeof languageDe]: string } = {}
