/** Notes at scale: the note's "…" menu, zones that fold, the zone filter. German; merged into `de` in ../de.ts. */
export const notesDe = {
  'note.menuLabel': 'Aktionen zur Notiz: {text}',
  'note.menu': 'Notiz: {text}',
  'zone.count.one': '{count} Notiz',
  'zone.count.other': '{count} Notizen',
  'zone.filter': 'Bereich zeigen',
  'zone.filter.all': 'Alle',
  'intro.reopen': 'Einführung',
  'presence.count.one': '{count} anwesend',
  'presence.count.other': '{count} anwesend',
} as const satisfies Readonly<Record<string, string>>

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const notesEn: { readonly [K in keyof typeof notesDe]: string } = {
  'note.menuLabel': 'Actions for note: {text}',
  'note.menu': 'Note: {text}',
  'zone.count.one': '{count} note',
  'zone.count.other': '{count} notes',
  'zone.filter': 'Show zone',
  'zone.filter.all': 'All',
  'intro.reopen': 'Introduction',
  'presence.count.one': '{count} present',
  'presence.count.other': '{count} present',
}
