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
