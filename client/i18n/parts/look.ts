/** Themes, colours, the balloon's Steighöhe and the look of notes: German. Merged into `de` in ../de.ts. */
export const lookDe = {} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const lookEn: { readonly [K in keyof typeof lookDe]: string } = {}
