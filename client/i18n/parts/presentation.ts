/** The Präsentation's pages and its controls in the bar, the timer's group: German. Merged into `de` in ../de.ts. */
export const presentationDe = {
  'present.page': '{zone} – Seite {n} von {total}',
  'present.pageNotes': 'Notizen auf dieser Seite',
  'present.entries': 'Cluster und Notizen in {zone}',
  'present.inCluster': 'Cluster: {title}',
  'present.more.one': 'und {count} weiterer Eintrag',
  'present.more.other': 'und {count} weitere Einträge',
  'present.noNotes': 'Noch keine Notizen.',
  'present.controls': 'Präsentation blättern',
  'present.where': 'Präsentation: {where}',
  'present.position': '{zone} {n}/{total}',
  'present.atOverview': 'Übersicht',
  'present.previous': 'Vorige Seite',
  'present.next': 'Nächste Seite',
  'present.overview': 'Zur Übersicht',
  'present.failed': 'Die Präsentation konnte nicht geblättert werden.',
  'timer.group': 'Timer',
} as const
