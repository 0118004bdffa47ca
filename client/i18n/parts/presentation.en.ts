import type { presentationDe } from './presentation'

/** The same in English; typed by the German keys, so a missing one does not compile. */
export const presentationEn: { readonly [K in keyof typeof presentationDe]: string } = {
  'present.page': '{zone} – page {n} of {total}',
  'present.pageNotes': 'Notes on this page',
  'present.entries': 'Clusters and notes in {zone}',
  'present.inCluster': 'Cluster: {title}',
  'present.more.one': 'and {count} more entry',
  'present.more.other': 'and {count} more entries',
  'present.noNotes': 'No notes yet.',
  'present.controls': 'Page the presentation',
  'present.where': 'Presentation: {where}',
  'present.position': '{zone} {n}/{total}',
  'present.atOverview': 'overview',
  'present.previous': 'Previous page',
  'present.next': 'Next page',
  'present.overview': 'To the overview',
  'present.failed': 'The presentation could not be paged.',
  'timer.group': 'Timer',
}
