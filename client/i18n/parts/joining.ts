/** Joining by code and QR, the presentation mode and the first-visit introduction: German. Merged into `de` in ../de.ts. */
export const joiningDe = {} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const joiningEn: { readonly [K in keyof typeof joiningDe]: string } = {}
